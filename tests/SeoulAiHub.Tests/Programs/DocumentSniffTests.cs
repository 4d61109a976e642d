using SeoulAiHub.Features.Programs;

namespace SeoulAiHub.Tests.Programs;

public sealed class DocumentSniffTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    [Fact]
    public void Pdf_png_and_jpeg_are_known_by_their_bytes_whatever_the_name()
    {
        Assert.Equal("application/pdf", DocumentStore.Sniff(Pdf, "사업계획서.pdf"));
        Assert.Equal("application/pdf", DocumentStore.Sniff(Pdf, "plan.txt"));
        Assert.Equal("image/png", DocumentStore.Sniff(Png, "logo.PNG"));
        Assert.Equal("image/jpeg", DocumentStore.Sniff(Jpeg, "photo.jpg"));
        Assert.Equal("image/jpeg", DocumentStore.Sniff(Jpeg, "noextension"));
    }

    [Fact]
    public void A_name_alone_never_makes_a_type()
    {
        Assert.Null(DocumentStore.Sniff("plain text"u8, "plan.pdf"));
        Assert.Null(DocumentStore.Sniff([], "plan.pdf"));
        Assert.Null(DocumentStore.Sniff([0x25, 0x50, 0x44], "short.pdf"));   // a truncated magic number
    }

    [Fact]
    public void An_ole_file_is_accepted_only_as_hwp()
    {
        Assert.Equal("application/x-hwp", DocumentStore.Sniff(Ole, "사업계획서.hwp"));
        Assert.Equal("application/x-hwp", DocumentStore.Sniff(Ole, "PLAN.HWP"));
        Assert.Null(DocumentStore.Sniff(Ole, "macro.doc"));
        Assert.Null(DocumentStore.Sniff(Ole, "sheet.xls"));
        Assert.Null(DocumentStore.Sniff(Ole, "plan"));
        Assert.Null(DocumentStore.Sniff(Ole.AsSpan(0, 7), "cut.hwp"));
    }

    [Theory]
    [InlineData("plan.hwpx", "application/hwp+zip")]
    [InlineData("plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("budget.XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("deck.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("bundle.zip", "application/zip")]
    [InlineData("app.jar", null)]
    [InlineData("app.apk", null)]
    [InlineData("plan.pdf", null)]
    [InlineData("plan", null)]
    public void Zip_containers_are_named_by_their_extension(string fileName, string? expected) =>
        Assert.Equal(expected, DocumentStore.Sniff(Zip, fileName));

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("plan.pdf")]
    [InlineData("plan.hwp")]
    [InlineData("plan.docx")]
    public void An_executable_is_refused_whatever_its_name(string fileName) =>
        Assert.Null(DocumentStore.Sniff(Exe, fileName));
}
