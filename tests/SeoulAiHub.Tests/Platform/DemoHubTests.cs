using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Home;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform;

public sealed class DemoHubTests
{
    [Theory, OnEveryDatabase]
    public async Task An_empty_database_gets_the_hub_of_the_article(string provider)
    {
        await using var host = await TestHosts.StartAsync(provider);
        var names = await host.QueryAsync(db => db.Organizations.Select(o => o.NameKo).ToListAsync());
        Assert.Contains("한국인공지능산업협회", names);
        Assert.Contains("KAIST 김재철AI대학원", names);
        Assert.Contains("공군 AI신기술융합센터", names);
        Assert.Contains("국가 AI연구거점", names);
        var startups = await host.QueryAsync(db => db.Organizations.CountAsync(o => o.Type == OrganizationType.Startup));
        Assert.True(startups >= 12, $"{startups} startups");

        var roles = await host.QueryAsync(db => db.Roles.Where(r => db.UserRoles.Any(ur => ur.RoleId == r.Id))
            .Select(r => r.Name!).ToListAsync());
        Assert.Equal(HubRoles.All.Order(), roles.Order());
        var people = await host.QueryAsync(db => db.Users.Where(u => u.Email!.EndsWith("@demo.seoulaihub.kr"))
            .Select(u => u.DisplayName).ToListAsync());
        Assert.All(people, name => Assert.EndsWith("(가상 인물)", name, StringComparison.Ordinal));
    }

    [Theory, OnEveryDatabase]
    public async Task The_home_page_and_the_API_show_live_figures(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = host.CreateHubClient();
        var figures = await client.Http.GetFromJsonAsync<HubFiguresResponse>("/api/hub/figures");
        var page = await client.GetDocumentAsync("/");
        // Read after the requests: other tests keep adding organizations, and the figures are cached for seconds.
        var (organizations, residents) = await host.QueryAsync(async db => (
            await db.Organizations.CountAsync(), await db.Organizations.CountAsync(o => o.TenancyStatus == TenancyStatus.Resident)));

        Assert.NotNull(figures);
        Assert.InRange(figures.Organizations, 22, organizations);   // cached for a few seconds while other tests add more
        Assert.InRange(figures.ResidentTenants, 14, residents);

        var shown = page.QuerySelectorAll(".figure dd").Select(dd => int.Parse(dd.TextContent.Replace(",", "", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(3, shown.Count);
        Assert.InRange(shown[0], 22, organizations);
        Assert.Contains("말결랩스", page.QuerySelector(".cards")!.TextContent, StringComparison.Ordinal);
    }
}
