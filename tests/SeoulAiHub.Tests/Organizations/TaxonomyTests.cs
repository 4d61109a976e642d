using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Organizations;

public sealed class TaxonomyTests
{
    [Theory, OnEveryDatabase]
    public async Task An_operator_adds_and_renames_a_domain_and_the_directory_offers_it(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var code = "q" + Guid.NewGuid().ToString("N")[..8];

        using var added = await client.SubmitFormAsync("/admin/taxonomies", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Domain", ["Input.Code"] = code, ["Input.NameKo"] = "양자 AI", ["Input.NameEn"] = "Quantum AI",
            ["Input.SortOrder"] = "50",
        }, "main form.panel");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var directory = await client.GetDocumentAsync("/directory");
        Assert.NotNull(directory.QuerySelector($"#domain option[value='{code}']"));

        using var duplicate = await client.SubmitFormAsync("/admin/taxonomies", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Domain", ["Input.Code"] = code, ["Input.NameKo"] = "중복", ["Input.NameEn"] = "Duplicate",
            ["Input.SortOrder"] = "1",
        }, "main form.panel");
        Assert.Contains("이미 있는 코드", (await HubClient.ParseAsync(duplicate)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var id = await host.QueryAsync(db => db.TechnologyDomains.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
        using var renamed = await client.SubmitFormAsync("/admin/taxonomies", new Dictionary<string, string>
        {
            ["Input.NameKo"] = "양자 컴퓨팅 AI", ["Input.NameEn"] = "Quantum computing AI", ["Input.SortOrder"] = "51",
        }, $"form[action*='{id}']");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("양자 컴퓨팅 AI", await host.QueryAsync(db => db.TechnologyDomains.Where(d => d.Id == id)
            .Select(d => d.NameKo).SingleAsync()));
    }
}
