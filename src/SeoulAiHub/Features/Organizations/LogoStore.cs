using Microsoft.Extensions.Options;
using SeoulAiHub.Platform;

namespace SeoulAiHub.Features.Organizations;

/// <summary>
/// Organization logos in the data folder (files/logos). The type is read from the file's first bytes, never trusted
/// from the name or the browser: PNG, JPEG or WebP, at most 1 MB. Files get random names; the old one is removed.
/// </summary>
public sealed class LogoStore(IOptions<HubOptions> options)
{
    public const long MaxBytes = 1024 * 1024;

    private string Folder => Directory.CreateDirectory(Path.Combine(options.Value.FilesDirectory, "logos")).FullName;

    /// <summary>Saves the upload and returns its file name, or null with an error key when it is not an accepted image.</summary>
    public async Task<(string? FileName, string? Error)> SaveAsync(Stream upload, long length, CancellationToken ct)
    {
        if (length <= 0 || length > MaxBytes)
        {
            return (null, "Logo.Error.Size");
        }

        var head = new byte[12];
        var read = await upload.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (Sniff(head.AsSpan(0, read)) is not { } extension)
        {
            return (null, "Logo.Error.Type");
        }

        var name = $"{Guid.NewGuid():N}{extension}";
        await using var file = File.Create(Path.Combine(Folder, name));
        await file.WriteAsync(head.AsMemory(0, read), ct);
        await upload.CopyToAsync(file, ct);
        return (name, null);
    }

    public void Delete(string? fileName)
    {
        if (fileName is not null && IsSafeName(fileName))
        {
            File.Delete(Path.Combine(Folder, fileName));
        }
    }

    public (string Path, string ContentType)? Find(string? fileName) =>
        fileName is not null && IsSafeName(fileName) && File.Exists(Path.Combine(Folder, fileName))
            ? (Path.Combine(Folder, fileName), ContentTypeOf(fileName))
            : null;

    public static string? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => ".png",
        [0xFF, 0xD8, 0xFF, ..] => ".jpg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => ".webp",
        _ => null,
    };

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        _ => "image/webp",
    };

    private static bool IsSafeName(string fileName) =>
        fileName.Length is > 4 and <= 64 && fileName.All(c => char.IsAsciiLetterOrDigit(c) || c == '.');
}
