using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Organizations;

public sealed class DirectoryTests
{
    [Theory, OnEveryDatabase]
    public async Task A_partial_Korean_word_finds_the_organization(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = host.CreateHubClient();

        var page = await client.GetDocumentAsync("/directory?q=AI%EB%8C%80%ED%95%99%EC%9B%90");   // "AI대학원"
        var names = page.QuerySelectorAll(".results strong").Select(s => s.TextContent).ToList();
        Assert.Contains("KAIST 김재철AI대학원", names);

        var english = await client.Http.GetFromJsonAsync<OrganizationList>("/api/organizations?q=graduate%20school");
        Assert.Contains(english!.Items, i => i.NameKo == "KAIST 김재철AI대학원");
        var spaced = await client.Http.GetFromJsonAsync<OrganizationList>("/api/organizations?q=" + Uri.EscapeDataString("김재철 AI"));
        Assert.Contains(spaced!.Items, i => i.NameKo == "KAIST 김재철AI대학원");
    }

    [Theory, OnEveryDatabase]
    public async Task Filters_narrow_the_directory_by_type_domain_industry_status_and_site(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = host.CreateHubClient();

        var vision =
            await client.Http.GetFromJsonAsync<OrganizationList>("/api/organizations?domain=vision&industry=manufacturing&type=startup");
        Assert.Contains(vision!.Items, i => i.NameKo == "눈빛비전");
        Assert.All(vision.Items, i => Assert.Contains("vision", i.Domains));

        var graduated = await client.Http.GetFromJsonAsync<OrganizationList>("/api/organizations?status=Graduated");
        Assert.Contains(graduated!.Items, i => i.NameKo == "로지스텍AI");
        Assert.All(graduated.Items, i => Assert.Equal("Graduated", i.TenancyStatus));

        var hub = host.Services.GetRequiredService<DirectoryIndex>();
        var site = (await hub.CurrentAsync()).Sites.Single(s => s.Ko == "서울AI허브");
        var atHub = await client.GetDocumentAsync($"/directory?site={site.Id}");
        var names = atHub.QuerySelectorAll(".results strong").Select(s => s.TextContent).ToList();
        Assert.Contains("말결랩스", names);
        Assert.DoesNotContain("로지스텍AI", names);   // graduated: no room today
    }

    [Theory, OnEveryDatabase]
    public async Task Results_are_paged_twenty_at_a_time(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var token = "페이지" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 25; i++)
        {
            await host.CreateOrganizationAsync($"{token} 기관 {i:00}");
        }

        host.Services.GetRequiredService<DirectoryIndex>().Invalidate();
        using var client = host.CreateHubClient();
        var first = await client.Http.GetFromJsonAsync<OrganizationList>($"/api/organizations?q={Uri.EscapeDataString(token)}");
        var second = await client.Http.GetFromJsonAsync<OrganizationList>($"/api/organizations?q={Uri.EscapeDataString(token)}&page=2");
        Assert.Equal((25, 20, 5), (first!.Total, first.Items.Count, second!.Items.Count));
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
    }

    [Fact]
    public async Task Bad_filters_get_a_problem_description_from_the_API_and_are_ignored_by_the_page()
    {
        var host = await TestHosts.GetAsync("Sqlite");
        using var client = host.CreateHubClient();
        using var api = await client.GetAsync("/api/organizations?type=spaceship&page=0");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadAsStringAsync();
        Assert.Contains("spaceship", problem, StringComparison.Ordinal);
        Assert.Contains("page", problem, StringComparison.Ordinal);

        using var page = await client.GetAsync("/directory?type=spaceship&status=flying&p=-3");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory, OnEveryDatabase]
    public async Task The_public_profile_hides_contact_data_that_members_and_operators_see(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var anonymous = host.CreateHubClient();
        // 말결랩스
        var list = await anonymous.Http.GetFromJsonAsync<OrganizationList>("/api/organizations?q=%EB%A7%90%EA%B2%B0%EB%9E%A9%EC%8A%A4");
        var id = list!.Items.Single().Id;

        var publicDetail = await anonymous.Http.GetFromJsonAsync<OrganizationDetail>($"/api/organizations/{id}");
        Assert.Null(publicDetail!.Contact);
        var page = await anonymous.GetDocumentAsync($"/organizations/{id}");
        Assert.DoesNotContain("contact@", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("언어 AI", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var member = await host.ClientAsync(HubRoles.TenantMember, id);
        var privateDetail = await member.Http.GetFromJsonAsync<OrganizationDetail>($"/api/organizations/{id}");
        Assert.Equal("contact@malgyeol-labs.example.kr", privateDetail!.Contact!.Email);
        using var outsider = await host.ClientAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id);
        Assert.Null((await outsider.Http.GetFromJsonAsync<OrganizationDetail>($"/api/organizations/{id}"))!.Contact);
    }

    [Fact]
    public async Task Descriptions_are_rendered_from_Markdown_without_scripts_or_javascript_links()
    {
        var host = await TestHosts.GetAsync("Sqlite");
        await using var scope = host.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<OrganizationEditor>().CreateAsync(new OrganizationInput(
            "마크다운시험", "Markdown test", OrganizationType.Startup,
            Description: "## 소개\n\n**굵게** <script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>"));
        using var client = host.CreateHubClient();
        var page = await client.GetDocumentAsync($"/organizations/{created.Organization!.Id}");
        var description = page.QuerySelector(".description")!;
        Assert.Equal("소개", description.QuerySelector("h2")!.TextContent);
        Assert.Equal("굵게", description.QuerySelector("strong")!.TextContent);
        Assert.Null(description.QuerySelector("script"));
        Assert.Null(description.QuerySelector("img"));
        Assert.DoesNotContain(description.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "")
            .StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
    }
}
