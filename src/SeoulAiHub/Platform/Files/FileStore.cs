using System.Buffers;
using Microsoft.Extensions.Options;

namespace SeoulAiHub.Platform.Files;

/// <summary>A kept file: the name its sender gave it, the random name it is stored under, its sniffed type and size.</summary>
public sealed record StoredFile(string FileName, string StoredName, string ContentType, long Size);

/// <summary>What a file's first bytes say it is, and the extension its stored name gets ("" for none).</summary>
public sealed record FileType(string ContentType, string Extension = "");

/// <summary>A module's rule of which files it takes: the type from the first bytes (and the name where bytes are ambiguous).</summary>
public delegate FileType? FileSniffer(ReadOnlySpan<byte> head, string fileName);

/// <summary>Why a file was not kept; the module turns it into its own message.</summary>
public enum FileRefusal
{
    Size,
    Type,
}

/// <summary>
/// Uploaded and generated files in the data folder, one folder per area (files/documents, files/logos, …). The caller
/// gives the size limit and the sniffer: a type is read from the first bytes, never trusted from the name or the
/// browser. Files are stored under random names (32 hex digits, plus an extension where the area wants one), and only
/// such names are ever opened, so a name from the database or a request can never reach outside the folder.
/// Who may read a file is decided by the pages, which also audit reads.
/// </summary>
public sealed class FileStore(IOptions<HubOptions> options)
{
    /// <summary>Enough for every magic number the modules look at (WebP needs 12).</summary>
    public const int HeadBytes = 16;

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");
    private static readonly SearchValues<char> Alphanumeric = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>Keeps <paramref name="content"/> if it is at most <paramref name="maxBytes"/> and the sniffer knows it.</summary>
    public async Task<(StoredFile? File, FileRefusal? Refusal)> SaveAsync(string area, Stream content, long length, string fileName,
        long maxBytes, FileSniffer sniff, CancellationToken ct = default)
    {
        if (length <= 0 || length > maxBytes)
        {
            return (null, FileRefusal.Size);
        }

        var head = new byte[HeadBytes];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (sniff(head.AsSpan(0, read), fileName) is not { } type)
        {
            return (null, FileRefusal.Type);
        }

        var stored = Guid.NewGuid().ToString("N") + type.Extension;
        var path = Path.Combine(Folder(area), stored);
        long written;
        await using (var file = File.Create(path))
        {
            await file.WriteAsync(head.AsMemory(0, read), ct);
            written = read + await CopyAtMostAsync(content, file, maxBytes - read + 1, ct);
        }

        // The declared length is the sender's word; what arrived is checked too.
        if (written > maxBytes)
        {
            File.Delete(path);
            return (null, FileRefusal.Size);
        }

        return (new StoredFile(DisplayName(fileName, stored), stored, type.ContentType, written), null);
    }

    /// <summary>Keeps content the hub produced itself (demo files), checked like an upload.</summary>
    public async Task<StoredFile> SaveAsync(string area, string fileName, byte[] content, FileSniffer sniff, CancellationToken ct = default)
    {
        using var stream = new MemoryStream(content, writable: false);
        var (file, refusal) = await SaveAsync(area, stream, content.Length, fileName, content.Length, sniff, ct);
        return file ?? throw new ArgumentException($"Not a file the area '{area}' takes ({refusal}).", nameof(content));
    }

    /// <summary>The full path of a stored file, or null when the name is not one this store gives or the file is gone.</summary>
    public string? PathOf(string area, string? storedName) =>
        IsStoredName(storedName) && Path.Combine(Folder(area), storedName!) is var path && File.Exists(path) ? path : null;

    public Stream? OpenRead(string area, string? storedName) =>
        PathOf(area, storedName) is { } path ? File.OpenRead(path) : null;

    public void Delete(string area, string? storedName)
    {
        if (PathOf(area, storedName) is { } path)
        {
            File.Delete(path);
        }
    }

    /// <summary>32 lower-case hex digits, optionally a short extension: the names this store makes.</summary>
    public static bool IsStoredName(string? name)
    {
        if (name is null || name.Length < 32 || name.AsSpan(0, 32).ContainsAnyExcept(LowerHex))
        {
            return false;
        }

        var extension = name.AsSpan(32);
        return extension.IsEmpty ||
            (extension.Length is >= 2 and <= 6 && extension[0] == '.' && !extension[1..].ContainsAnyExcept(Alphanumeric));
    }

    private string Folder(string area)
    {
        if (area.Length == 0 || !area.All(char.IsAsciiLetterLower))
        {
            throw new ArgumentException("An area is a lower-case word such as 'documents'.", nameof(area));
        }

        return Directory.CreateDirectory(Path.Combine(options.Value.FilesDirectory, area)).FullName;
    }

    /// <summary>The sender's name without any folder part (browsers on Windows send C:\…), at most 255 characters.</summary>
    private static string DisplayName(string fileName, string stored)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) ? stored : name[..Math.Min(name.Length, 255)];
    }

    /// <summary>Copies until the source ends or <paramref name="limit"/> bytes went over; returns how many did.</summary>
    private static async Task<long> CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int n;
            while (total < limit && (n = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - total)), ct)) > 0)
            {
                await target.WriteAsync(buffer.AsMemory(0, n), ct);
                total += n;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
