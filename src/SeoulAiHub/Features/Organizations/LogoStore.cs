using SeoulAiHub.Platform.Files;

namespace SeoulAiHub.Features.Organizations;

/// <summary>
/// Organization logos, kept by the platform's <see cref="FileStore"/> in files/logos: PNG, JPEG or WebP by their first
/// bytes, at most 1 MB, stored with their extension (which is how a logo's type is known when it is served).
/// The old logo is removed when a new one is saved.
/// </summary>
public sealed class LogoStore(FileStore files)
{
    public const long MaxBytes = 1024 * 1024;
    private const string Area = "logos";

    /// <summary>Saves the upload and returns its file name, or null with an error key when it is not an accepted image.</summary>
    public async Task<(string? FileName, string? Error)> SaveAsync(Stream upload, long length, CancellationToken ct)
    {
        var (file, refusal) = await files.SaveAsync(Area, upload, length, "logo", MaxBytes,
            static (head, _) => Sniff(head) is { } extension ? new FileType(ContentTypeOf(extension), extension) : null, ct);
        return (file?.StoredName, refusal switch
        {
            null => null,
            FileRefusal.Size => "Logo.Error.Size",
            _ => "Logo.Error.Type",
        });
    }

    public void Delete(string? fileName) => files.Delete(Area, fileName);

    public (string Path, string ContentType)? Find(string? fileName) =>
        files.PathOf(Area, fileName) is { } path ? (path, ContentTypeOf(Path.GetExtension(path))) : null;

    public static string? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => ".png",
        [0xFF, 0xD8, 0xFF, ..] => ".jpg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => ".webp",
        _ => null,
    };

    private static string ContentTypeOf(string extension) => extension switch
    {
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        _ => "image/webp",
    };
}
