using SeoulAiHub.Platform.Files;

namespace SeoulAiHub.Features.Programs;

/// <summary>
/// Call attachments, application documents and agreement reports, kept by the platform's <see cref="FileStore"/> in
/// files/documents: the document types of <see cref="DocumentTypes"/>, at most 20 MB. Who may read a file is decided
/// by the pages, which also audit each read.
/// </summary>
public sealed class DocumentStore(FileStore files)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private const string Area = "documents";

    public async Task<(StoredFile? File, string? Error)> SaveAsync(IFormFile upload, CancellationToken ct)
    {
        await using var stream = upload.OpenReadStream();
        var (file, refusal) = await files.SaveAsync(Area, stream, upload.Length, upload.FileName, MaxBytes, DocumentTypes.Sniff, ct);
        return (file, refusal switch
        {
            null => null,
            FileRefusal.Size => "Programs.Document.Error.Size",
            _ => "Programs.Document.Error.Type",
        });
    }

    /// <summary>Stores content the hub itself produced (demo documents); checked like an upload.</summary>
    public Task<StoredFile> SaveAsync(string fileName, byte[] content, CancellationToken ct = default) =>
        files.SaveAsync(Area, fileName, content, DocumentTypes.Sniff, ct);

    public string? PathOf(string storedName) => files.PathOf(Area, storedName);

    /// <summary>The content type by magic number; zip containers and OLE files are named by their extension.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head, string fileName) => DocumentTypes.ContentTypeOf(head, fileName);
}
