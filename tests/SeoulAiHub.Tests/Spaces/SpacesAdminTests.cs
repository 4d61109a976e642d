using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Spaces;

public sealed class SpacesAdminTests
{
    [Theory, OnEveryDatabase]
    public async Task An_operator_adds_a_site_a_floor_and_a_room_and_bad_input_changes_nothing(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var name = "시험 거점 " + Guid.NewGuid().ToString("N")[..6];

        using var site = await client.SubmitFormAsync("/admin/spaces", new Dictionary<string, string>
            { ["Input.NameKo"] = name, ["Input.NameEn"] = "Test site", ["Input.Address"] = "서울특별시 서초구" }, "form[action*='handler=Site']");
        Assert.Equal(HttpStatusCode.Redirect, site.StatusCode);
        var siteId = await host.QueryAsync(db => db.Sites.Where(s => s.NameKo == name).Select(s => s.Id).SingleAsync());

        using var floor = await client.SubmitFormAsync("/admin/spaces", new Dictionary<string, string>
            { ["Input.SiteId"] = siteId.ToString(), ["Input.Level"] = "7" }, "form[action*='handler=Floor']");
        Assert.Equal(HttpStatusCode.Redirect, floor.StatusCode);
        var floorId = await host.QueryAsync(db => db.Floors.Where(f => f.SiteId == siteId).Select(f => f.Id).SingleAsync());

        using var sameFloor = await client.SubmitFormAsync("/admin/spaces", new Dictionary<string, string>
            { ["Input.SiteId"] = siteId.ToString(), ["Input.Level"] = "7" }, "form[action*='handler=Floor']");
        Assert.Contains("이미 있는 층", (await HubClient.ParseAsync(sameFloor)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var room = await client.SubmitFormAsync("/admin/spaces", new Dictionary<string, string>
            { ["Input.FloorId"] = floorId.ToString(), ["Input.Number"] = "701", ["Input.Kind"] = "Lab", ["Input.AreaM2"] = "88.5" },
            "form[action*='handler=Room']");
        Assert.Equal(HttpStatusCode.Redirect, room.StatusCode);
        using var badRoom = await client.SubmitFormAsync("/admin/spaces", new Dictionary<string, string>
            { ["Input.FloorId"] = floorId.ToString(), ["Input.Number"] = "702", ["Input.Kind"] = "Office", ["Input.AreaM2"] = "-3" },
            "form[action*='handler=Room']");
        Assert.Contains("0보다 큰 면적", (await HubClient.ParseAsync(badRoom)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var rooms = await host.QueryAsync(db => db.Rooms.Where(r => r.FloorId == floorId)
            .Select(r => new { r.Number, r.AreaM2 }).ToListAsync());
        var only = Assert.Single(rooms);
        Assert.Equal(("701", 88.5m), (only.Number, only.AreaM2));
    }
}
