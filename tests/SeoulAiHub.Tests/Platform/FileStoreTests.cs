using Microsoft.Extensions.Options;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform;
using SeoulAiHub.Platform.Files;

namespace SeoulAiHub.Tests.Platform;

/// <summary>The one file store under documents, logos and evidence, on a data folder of its own.</summary>
public sealed class FileStoreTests : IDisposable
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%demo\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "hub-files-" + Guid.NewGuid().ToString("N"));
    private readonly FileStore _files;

    public FileStoreTests() => _files = new FileStore(Options.Create(new HubOptions { DataDirectory = _data }));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private static FileType? PdfOnly(ReadOnlySpan<byte> head, string fileName) =>
        head is [0x25, 0x50, 0x44, 0x46, ..] ? new FileType("application/pdf") : null;

    private string Area(string area) => Path.Combine(_data, "files", area);

    [Fact]
    public async Task A_file_is_kept_under_a_random_name_in_its_area_and_read_back_and_deleted()
    {
        var (file, refusal) = await _files.SaveAsync("documents", new MemoryStream(Pdf), Pdf.Length, @"C:\Users\kim\사업계획서.pdf", 1024,
            PdfOnly);

        Assert.Null(refusal);
        Assert.Equal("사업계획서.pdf", file!.FileName);   // a Windows browser's folder part is dropped
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(Pdf.Length, file.Size);
        Assert.Matches("^[0-9a-f]{32}$", file.StoredName);
        Assert.Equal(Path.Combine(Area("documents"), file.StoredName), _files.PathOf("documents", file.StoredName));
        await using (var read = _files.OpenRead("documents", file.StoredName)!)
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(Pdf, copy.ToArray());
        }

        Assert.Null(_files.PathOf("logos", file.StoredName));   // areas do not see each other's files
        _files.Delete("documents", file.StoredName);
        Assert.Null(_files.PathOf("documents", file.StoredName));
    }

    [Fact]
    public async Task Too_large_or_unknown_files_are_refused_and_leave_nothing_behind()
    {
        Assert.Equal(FileRefusal.Size, (await _files.SaveAsync("documents", new MemoryStream(Pdf), 2048, "a.pdf", 1024, PdfOnly)).Refusal);
        Assert.Equal(FileRefusal.Size, (await _files.SaveAsync("documents", new MemoryStream(), 0, "a.pdf", 1024, PdfOnly)).Refusal);
        Assert.Equal(FileRefusal.Type,
            (await _files.SaveAsync("documents", new MemoryStream(Png), Png.Length, "a.pdf", 1024, PdfOnly)).Refusal);

        // A sender that declares less than it sends is caught while copying.
        var long_ = Pdf.Concat(new byte[2000]).ToArray();
        var (file, refusal) = await _files.SaveAsync("documents", new MemoryStream(long_), 100, "a.pdf", 1024, PdfOnly);
        Assert.Null(file);
        Assert.Equal(FileRefusal.Size, refusal);
        Assert.Empty(Directory.Exists(Area("documents")) ? Directory.GetFiles(Area("documents")) : []);
    }

    [Theory]
    [InlineData("../../hub.db")]
    [InlineData("secret")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdef/..")]
    [InlineData("0123456789abcdef0123456789abcdef.toolongext")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_names_the_store_gives_are_ever_opened(string? name)
    {
        Directory.CreateDirectory(Area("documents"));
        File.WriteAllText(Path.Combine(Area("documents"), "secret"), "not for you");
        Assert.False(FileStore.IsStoredName(name));
        Assert.Null(_files.PathOf("documents", name));
        Assert.Null(_files.OpenRead("documents", name));
    }

    [Fact]
    public async Task Files_stored_before_the_one_store_are_still_found()
    {
        // As the programs' and organizations' own stores wrote them: 32 hex digits, logos with their extension.
        var document = Guid.NewGuid().ToString("N");
        var logo = Guid.NewGuid().ToString("N") + ".png";
        var evidence = Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(Area("documents"));
        Directory.CreateDirectory(Area("logos"));
        await File.WriteAllBytesAsync(Path.Combine(Area("documents"), document), Pdf);
        await File.WriteAllBytesAsync(Path.Combine(Area("logos"), logo), Png);
        await File.WriteAllBytesAsync(Path.Combine(Area("documents"), evidence), Pdf);   // evidence went to documents

        Assert.NotNull(new DocumentStore(_files).PathOf(document));
        Assert.Equal("image/png", new LogoStore(_files).Find(logo)?.ContentType);
        Assert.NotNull(new EvidenceStore(_files).PathOf(evidence));
    }

    [Fact]
    public async Task Each_module_keeps_its_own_folder_and_rules()
    {
        var document = await new DocumentStore(_files).SaveAsync("plan.pdf", Pdf);
        var evidence = await new EvidenceStore(_files).SaveAsync("증빙.pdf", Pdf);
        var (logo, error) = await new LogoStore(_files).SaveAsync(new MemoryStream(Png), Png.Length, CancellationToken.None);

        Assert.Null(error);
        Assert.True(File.Exists(Path.Combine(Area("documents"), document.StoredName)));
        Assert.True(File.Exists(Path.Combine(Area("evidence"), evidence.StoredName)));
        Assert.Matches("^[0-9a-f]{32}\\.png$", logo);
        Assert.True(File.Exists(Path.Combine(Area("logos"), logo!)));
        var notALogo = await new LogoStore(_files).SaveAsync(new MemoryStream(Pdf), Pdf.Length, CancellationToken.None);
        Assert.Equal((null, "Logo.Error.Type"), notALogo);
        await Assert.ThrowsAsync<ArgumentException>(() => new DocumentStore(_files).SaveAsync("run.exe", [0x4D, 0x5A, 0x90, 0x00]));
    }
}
