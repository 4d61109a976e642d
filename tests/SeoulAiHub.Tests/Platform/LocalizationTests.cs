using System.Globalization;
using System.Net;
using System.Xml.Linq;
using SeoulAiHub.Platform.Localization;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform;

public sealed class LocalizationTests
{
    [Fact]
    public async Task Korean_is_the_default_language()
    {
        var host = await TestHosts.GetAsync("Sqlite");
        using var client = host.CreateHubClient();
        var page = await client.GetDocumentAsync("/");
        Assert.Equal("ko", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("서울AI허브", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("입주 기관", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_browser_language_is_followed_and_the_switch_overrides_it()
    {
        var host = await TestHosts.GetAsync("Sqlite");
        using var client = host.CreateHubClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");

        var english = await client.GetDocumentAsync("/");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Seoul AI Hub", english.QuerySelector("h1")!.TextContent);

        using var switched = await client.GetAsync("/culture?c=ko&returnUrl=%2Faccount%2Fsign-in");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/sign-in", switched.Headers.Location!.OriginalString);
        var korean = await client.GetDocumentAsync("/account/sign-in");
        Assert.Equal("ko", korean.DocumentElement.GetAttribute("lang"));
        Assert.Equal("로그인", korean.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task The_language_switch_never_redirects_off_site(string returnUrl)
    {
        var host = await TestHosts.GetAsync("Sqlite");
        using var client = host.CreateHubClient();
        using var response = await client.GetAsync("/culture?c=en&returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void The_localizer_reads_the_table_of_the_request_language_and_fills_in_arguments()
    {
        var t = HubStringLocalizer.Shared;
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
            Assert.Equal("Page 3 of 7", t["Common.PageOf", 3, 7].Value);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko-KR");
            Assert.Equal("기관 찾기", t["Directory.Title"].Value);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");   // unsupported: Korean, the default
            Assert.Equal("기관 찾기", t["Directory.Title"].Value);

            var missing = t["No.Such.Key"];
            Assert.True(missing.ResourceNotFound);
            Assert.Equal("No.Such.Key", missing.Value);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static IEnumerable<string> KoreanFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot(), "src", "SeoulAiHub", "Resources"), "*.ko.resx");

    [Fact]
    public void Korean_and_English_have_the_same_strings_and_none_is_empty_or_defined_twice()
    {
        var all = new List<string>();
        foreach (var koreanFile in KoreanFiles())
        {
            var korean = Load(koreanFile);
            var english = Load(koreanFile.Replace(".ko.resx", ".en.resx", StringComparison.Ordinal));
            Assert.Equal(korean.Keys.Order(), english.Keys.Order());
            Assert.DoesNotContain(korean.Concat(english), pair => string.IsNullOrWhiteSpace(pair.Value));
            all.AddRange(korean.Keys);
        }

        Assert.True(all.Count > 100);
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Every_string_key_used_in_pages_and_code_exists()
    {
        var root = TestPaths.RepositoryRoot();
        var keys = KoreanFiles().SelectMany(f => Load(f).Keys).ToHashSet();
        var pattern = new System.Text.RegularExpressions.Regex(@"(?:\bT|\bt)\[""([A-Za-z0-9.]+)""[\],]" +
            @"|(?:ErrorMessage|Name) = ""([A-Z][A-Za-z]+\.[A-Za-z0-9.]+)""" +
            @"|""((?:[A-Z][A-Za-z]+\.)+(?:Error|Eligibility|Tie)\.[A-Za-z0-9]+)""");
        var missing = Directory.EnumerateFiles(Path.Combine(root, "src", "SeoulAiHub"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => pattern.Matches(File.ReadAllText(f)).Select(m => m.Groups.Values.Skip(1).First(g => g.Success).Value))
            .Where(k => !keys.Contains(k))
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, "Missing strings: " + string.Join(", ", missing));
    }

    /// <summary>
    /// A key says its module: Resources/FacilitiesPages.*.resx holds "Facilities.Pages.…", Facilities.*.resx holds
    /// "Facilities.…" or the values of the module's enums ("BookingStatus.Confirmed"). SharedResource holds the platform's
    /// strings and those of the modules that came first (Organizations, Spaces).
    /// </summary>
    [Fact]
    public void Every_key_of_a_module_file_starts_with_its_module()
    {
        var features = typeof(SeoulAiHub.Platform.Data.HubDb).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("SeoulAiHub.Features.", StringComparison.Ordinal) == true).ToList();
        var modules = features.Select(t => t.Namespace!.Split('.')[2]).Distinct().OrderByDescending(m => m.Length).ToList();
        var wrong = new List<string>();
        foreach (var file in KoreanFiles().Where(f => !Path.GetFileName(f).StartsWith("SharedResource.", StringComparison.Ordinal)))
        {
            var name = Path.GetFileName(file).Split('.')[0];
            var module = modules.FirstOrDefault(m => name.StartsWith(m, StringComparison.Ordinal));
            Assert.True(module is not null, $"{name}.ko.resx is named after no module");
            var area = name[module.Length..];
            var prefix = area.Length == 0 ? module + "." : $"{module}.{area}.";
            var enums = features.Where(t => t.IsEnum && t.Namespace!.Split('.')[2] == module).Select(t => t.Name + ".").ToList();
            wrong.AddRange(Load(file).Keys
                .Where(k => !k.StartsWith(prefix, StringComparison.Ordinal))
                .Where(k => area.Length > 0 || !enums.Any(e => k.StartsWith(e, StringComparison.Ordinal)))
                .Select(k => $"{name}: {k} (expected {prefix}…)"));
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
