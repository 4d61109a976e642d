namespace SeoulAiHub.Platform.Files;

/// <summary>
/// The documents people hand in — application documents, call attachments, agreement reports and KPI evidence —
/// known by their first bytes: PDF, HWP (the Korean word processor's binary format), OOXML/HWPX (zip containers),
/// PNG, JPEG. Zip and OLE containers say nothing about what is inside, so those are named by their extension, and an
/// OLE file is taken only as HWP (a .doc or .xls may carry macros). Stored without an extension.
/// </summary>
public static class DocumentTypes
{
    public static FileType? Sniff(ReadOnlySpan<byte> head, string fileName) =>
        ContentTypeOf(head, fileName) is { } contentType ? new FileType(contentType) : null;

    public static string? ContentTypeOf(ReadOnlySpan<byte> head, string fileName)
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
