using SeoulAiHub.Platform.Files;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>
/// KPI evidence files, kept by the platform's <see cref="FileStore"/> in files/evidence: the document types of
/// <see cref="DocumentTypes"/>, at most 20 MB. Evidence stored before it had its own folder lies in files/documents
/// (it went through the programs' store then), so a file not found in files/evidence is looked for there.
/// </summary>
public sealed class EvidenceStore(FileStore files)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private const string Area = "evidence";
    private const string EarlierArea = "documents";

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

    /// <summary>Stores evidence the hub itself produced (demo data); checked like an upload.</summary>
    public Task<StoredFile> SaveAsync(string fileName, byte[] content, CancellationToken ct = default) =>
        files.SaveAsync(Area, fileName, content, DocumentTypes.Sniff, ct);

    public string? PathOf(string storedName) => files.PathOf(Area, storedName) ?? files.PathOf(EarlierArea, storedName);
}
