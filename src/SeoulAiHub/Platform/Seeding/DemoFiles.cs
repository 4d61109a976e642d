using System.Text;

namespace SeoulAiHub.Platform.Seeding;

/// <summary>Files the demo parts attach (plans, evidence): small, valid, and the same on every run.</summary>
public static class DemoFiles
{
    /// <summary>A one-page PDF, enough for the demo's documents to open.</summary>
    public static byte[] Pdf(string title) => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
        $"4 0 obj<</Length {44 + title.Length}>>stream\nBT /F1 18 Tf 72 770 Td ({title}) Tj ET\nendstream endobj\n" +
        "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
