using Microsoft.Extensions.Options;
using SeoulAiHub.Platform;

namespace SeoulAiHub.Features.Programs;

/// <summary>A file kept by <see cref="DocumentStore"/>: the name the user gave it and the random name it is stored under.</summary>
public sealed record StoredFile(string FileName, string StoredName, string ContentType, long Size);

/// <summary>
/// Call attachments, application documents and agreement reports in the data folder (files/documents). The type is
/// read from the file's first bytes, never trusted from the name or the browser: PDF, HWP (the Korean word processor's
/// binary format), OOXML/HWPX (zip containers), PNG, JPEG; at most 20 MB. Stored under random names, so a file name
/// can never reach outside the folder. Who may read a file is decided by the pages, which also audit each read.
/// </summary>
public sealed class DocumentStore(IOptions<HubOptions> options)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private string Folder => Directory.CreateDirectory(Path.Combine(options.Value.FilesDirectory, "documents")).FullName;

    public async Task<(StoredFile? File, string? Error)> SaveAsync(IFormFile upload, CancellationToken ct)
    {
        if (upload.Length <= 0 || upload.Length > MaxBytes)
        {
            return (null, "Document.Error.Size");
        }

        await using var stream = upload.OpenReadStream();
        var head = new byte[8];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (Sniff(head.AsSpan(0, read), upload.FileName) is not { } contentType)
        {
            return (null, "Document.Error.Type");
        }

        var stored = Guid.NewGuid().ToString("N");
        await using (var file = File.Create(Path.Combine(Folder, stored)))
        {
            await file.WriteAsync(head.AsMemory(0, read), ct);
            await stream.CopyToAsync(file, ct);
        }

        var name = Path.GetFileName(upload.FileName.Replace('\\', '/'));
        return (new StoredFile(string.IsNullOrWhiteSpace(name) ? stored : name[..Math.Min(name.Length, 255)], stored, contentType, upload.Length), null);
    }

    /// <summary>Stores content the hub itself produced (demo documents); checked like an upload.</summary>
    public async Task<StoredFile> SaveAsync(string fileName, byte[] content, CancellationToken ct = default)
    {
        var contentType = Sniff(content, fileName) ?? throw new ArgumentException("Not an accepted document type.", nameof(content));
        var stored = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(Path.Combine(Folder, stored), content, ct);
        return new StoredFile(fileName, stored, contentType, content.Length);
    }

    public string? PathOf(string storedName) =>
        storedName.Length == 32 && storedName.All(char.IsAsciiHexDigitLower) && File.Exists(Path.Combine(Folder, storedName))
            ? Path.Combine(Folder, storedName)
            : null;

    /// <summary>The content type by magic number; zip containers and OLE files are named by their extension.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return head switch
        {
            [0x25, 0x50, 0x44, 0x46, ..] => "application/pdf",
            [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
            [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] when extension == ".hwp" => "application/x-hwp",
            [0x50, 0x4B, 0x03, 0x04, ..] => extension switch
            {
                ".hwpx" => "application/hwp+zip",
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                ".zip" => "application/zip",
                _ => null,
            },
            _ => null,
        };
    }
}
