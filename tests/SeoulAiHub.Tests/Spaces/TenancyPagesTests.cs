using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Spaces;

public sealed class TenancyPagesTests
{
    [Theory, OnEveryDatabase]
    public async Task An_operator_admits_a_startup_assigns_an_office_and_moves_it_in(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var startup = await host.CreateOrganizationAsync(status: TenancyStatus.None);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var url = $"/organizations/{startup.Id}/tenancy";
        var room = await host.QueryAsync(db => db.Rooms.Where(r => r.Floor.Site.NameKo.StartsWith("양재") &&
            !db.RoomAssignments.Any(a => a.RoomId == r.Id))
            .Select(r => r.Id).FirstAsync());

        async Task Step(string handler, Dictionary<string, string> fields)
        {
            using var response = await client.SubmitFormAsync(url, fields, $"form[action*='handler={handler}']");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"{handler}: {(await HubClient.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent}");
        }

        await Step("Apply", new() { ["Input.On"] = "2026-09-01", ["Input.Note"] = "2026 하반기 모집" });
        await Step("Admit", new() { ["Input.On"] = "2026-10-01", ["Input.Until"] = "2028-09-30" });
        await Step("Assign", new() { ["Input.RoomId"] = room.ToString(), ["Input.On"] = "2026-10-05" });
        await Step("MoveIn", new() { ["Input.On"] = "2026-10-05" });

        Assert.Equal(TenancyStatus.Resident, await host.QueryAsync(db => db.Organizations.Where(o => o.Id == startup.Id)
            .Select(o => o.TenancyStatus).SingleAsync()));
        var history = await client.GetDocumentAsync(url);
        Assert.Equal(3, history.QuerySelectorAll("main table tbody tr").Length);   // applied, admitted, resident
        var directory = await client.GetDocumentAsync("/directory?status=Resident&q=" + Uri.EscapeDataString(startup.NameKo));
        Assert.Contains(startup.NameKo, directory.QuerySelector(".results")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, OnEveryDatabase]
    public async Task A_room_someone_else_holds_is_refused_with_a_message(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var startup = await host.CreateOrganizationAsync(status: TenancyStatus.None);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var url = $"/organizations/{startup.Id}/tenancy";
        var heldByMalgyeol = await host.QueryAsync(db => db.Rooms.Where(r => r.Number == "301").Select(r => r.Id).SingleAsync());
        (await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.On"] = "2026-09-01" }, "form[action*='handler=Apply']"))
            .Dispose();
        (await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.On"] = "2026-09-02", ["Input.Until"] = "2028-09-01" },
            "form[action*='handler=Admit']")).Dispose();

        using var refused = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.RoomId"] = heldByMalgyeol.ToString(),
            ["Input.On"] = "2026-09-10" }, "form[action*='handler=Assign']");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("이미 다른 기관이 쓰고 있는 공간", (await HubClient.ParseAsync(refused)).QuerySelector("main")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(1, await host.QueryAsync(db => db.RoomAssignments.CountAsync(a => a.RoomId == heldByMalgyeol)));
    }

    [Theory, OnEveryDatabase]
    public async Task Occupancy_is_shown_for_today_and_for_a_past_date_as_a_table_and_an_SVG_chart(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Overseer);
        var hub = await host.QueryAsync(db => db.Sites.Where(s => s.NameKo == "서울AI허브").Select(s => s.Id).SingleAsync());

        var today = await client.GetDocumentAsync($"/spaces/occupancy?site={hub}");
        Assert.NotNull(today.QuerySelector("svg.floor-chart title"));
        Assert.True(today.QuerySelectorAll("svg.floor-chart .room.occupied").Length >= 12);
        Assert.Contains("말결랩스", today.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("로지스텍AI", today.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var past = await client.GetDocumentAsync($"/spaces/occupancy?site={hub}&date=2024-06-01");
        Assert.Contains("로지스텍AI", past.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);   // before it graduated
        Assert.DoesNotContain("말결랩스", past.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }
}
