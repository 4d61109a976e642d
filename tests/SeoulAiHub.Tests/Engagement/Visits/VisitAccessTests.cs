using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Engagement.Visits.VisitPages;
using static SeoulAiHub.Tests.Infrastructure.PageAnswers;
using static SeoulAiHub.Tests.Infrastructure.TestDates;

namespace SeoulAiHub.Tests.Engagement.Visits;

/// <summary>Overseers read every visit page and change nothing; tenants get nothing; bad input is a message and changes nothing.</summary>
public sealed class VisitAccessTests
{
    [Theory, OnEveryDatabase]
    public async Task Overseer_reads_the_visit_pages_but_every_post_is_refused_and_nothing_changes(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var visit = await host.PlanAsync(KstToday, organization.Id);
        var url = $"/engagement/visits/{visit.Id}";
        var overseerUser = await host.CreateAsync(HubRoles.Overseer);
        using var overseer = await host.SignedInClientAsync(overseerUser);

        foreach (var page in new[] { "/engagement/visits", url, url + "/briefing", url + "/briefing?download=1" })
        {
            using var response = await overseer.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {(int)response.StatusCode}");
        }

        var read = await overseer.GetDocumentAsync(url);
        Assert.Contains("최호정", read.QuerySelector("#participants-table")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(read.QuerySelectorAll("main form[method=post]"));
        Assert.Null((await overseer.GetDocumentAsync("/engagement/visits")).QuerySelector("a[href='/engagement/visits/new']"));

        var stop = visit.Stops[0].Id.ToString();
        var guest = visit.Participants[0].Id.ToString();
        (string Handler, (string, string)[] Fields)[] posts =
        [
            ("Edit", [("Input.Kind", "Meeting"), ("Input.Title", "바뀐 제목"), ("Input.Date", Iso(KstToday)), ("Input.Host", "누군가")]),
            ("Held", []), ("Cancel", []),
            ("AddMember", [("Member.UserId", overseerUser.Id.ToString())]),
            ("AddGuest", [("Guest.Name", "손님"), ("Guest.Title", "위원"), ("Guest.Affiliation", "어딘가")]),
            ("RemoveParticipant", [("participantId", guest)]),
            ("AddStop", [("Stop.StartsAt", "11:00"), ("Stop.EndsAt", "12:00"), ("Stop.Place", "어딘가")]),
            ("RemoveStop", [("stopId", stop)]),
            ("RecordOpinion", [("Opinion.Text", "의견"), ("Opinion.Categories", "Funding"), ("Opinion.Visibility", "Public")]),
        ];
        foreach (var (handler, fields) in posts)
        {
            // Forbid(): the cookie scheme answers with the access-denied page.
            using var response = await overseer.PostAsync(url, $"{url}?handler={handler}", fields);
            AssertDenied(response);
        }

        using (var response = await overseer.PostAsync(url, "/engagement/visits/new", ("Input.Kind", "Visit"), ("Input.Title", "새 방문"),
            ("Input.Date", Iso(KstToday)), ("Input.Host", "누군가")))
        {
            AssertDenied(response);
        }

        var stored = await host.StoredVisitAsync(visit.Id);
        Assert.Equal((visit.Title, visit.Kind, VisitStatus.Planned, 1, 1),
            (stored.Title, stored.Kind, stored.Status, stored.Stops.Count, stored.Participants.Count));
        Assert.False(await host.QueryAsync(db => db.FieldOpinions.AnyAsync(o => o.VisitId == visit.Id)));
        Assert.False(await host.QueryAsync(db => db.Visits.AnyAsync(v => v.Title == "새 방문")));

        // A tenant sees none of it; anyone gets 404 for a visit that does not exist.
        using var tenant = await host.ClientAsync(HubRoles.TenantMember, organization.Id);
        foreach (var page in new[] { "/engagement/visits", url, url + "/briefing", "/engagement/visits/new" })
        {
            using var response = await tenant.GetAsync(page);
            AssertDenied(response);
        }

        foreach (var page in new[] { $"/engagement/visits/{Guid.NewGuid()}", $"/engagement/visits/{Guid.NewGuid()}/briefing" })
        {
            using var response = await overseer.GetAsync(page);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Theory, OnEveryDatabase]
    public async Task Bad_input_shows_a_message_and_changes_nothing(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var op = await host.ClientAsync(HubRoles.Operator);
        var organization = await host.CreateOrganizationAsync();
        var future = KstToday.AddDays(20);

        // The new-visit form: no title, no date, a site that does not exist, an unknown kind.
        var title = $"잘못된 입력 {Guid.NewGuid():N}";
        Dictionary<string, string> Visit(string? t = null, string? date = null, string? site = null, string kind = "Visit") => new()
        {
            ["Input.Kind"] = kind, ["Input.Title"] = t ?? title, ["Input.Date"] = date ?? Iso(future), ["Input.Host"] = "서울AI허브 운영사무국",
            ["Input.SiteId"] = site ?? "",
        };
        await AssertRefusedAsync(await op.SubmitFormAsync("/engagement/visits/new", Visit(t: "  "), "#visit-new"), "제목을 입력해");
        await AssertRefusedAsync(await op.SubmitFormAsync("/engagement/visits/new", Visit(date: "21/07/2025"), "#visit-new"), "YYYY-MM-DD");
        await AssertRefusedAsync(await op.SubmitFormAsync("/engagement/visits/new", Visit(site: Guid.NewGuid().ToString()), "#visit-new"),
            "거점");
        await AssertRefusedAsync(await op.SubmitFormAsync("/engagement/visits/new", Visit(kind: "7"), "#visit-new"), "방문 유형");
        Assert.False(await host.QueryAsync(db => db.Visits.AnyAsync(v => v.Title == title)));

        // A planned visit: stops with the end before the start, an unknown organization, a time that is no time.
        var visit = await host.PlanAsync(future, organization.Id);
        var url = $"/engagement/visits/{visit.Id}";
        Dictionary<string, string> Stop(string starts, string ends, string org) => new()
        {
            ["Stop.StartsAt"] = starts, ["Stop.EndsAt"] = ends, ["Stop.OrganizationId"] = org, ["Stop.Place"] = "3층",
        };
        await AssertRefusedAsync(await op.SubmitFormAsync(url, Stop("15:00", "14:00", organization.Id.ToString()), "#add-stop"),
            "종료 시각은 시작 시각보다");
        await AssertRefusedAsync(await op.SubmitFormAsync(url, Stop("14:00", "15:00", Guid.NewGuid().ToString()), "#add-stop"),
            "방문 기관을 목록에서");
        await AssertRefusedAsync(await op.SubmitFormAsync(url, Stop("14:00", "15:00", "not-a-guid"), "#add-stop"), "방문 기관을 목록에서");
        await AssertRefusedAsync(await op.SubmitFormAsync(url, Stop("25:99", "15:00", organization.Id.ToString()), "#add-stop"), "HH:MM");

        // Guests need a title and an affiliation; the edit form still needs a title; a future visit is not held yet.
        await AssertRefusedAsync(await op.SubmitFormAsync(url, new Dictionary<string, string> { ["Guest.Name"] = "손님",
            ["Guest.Affiliation"] = "서울특별시의회" }, "#add-guest"), "직함");
        await AssertRefusedAsync(await op.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "",
            ["Input.Date"] = Iso(future), ["Input.Kind"] = "Meeting" }, "#visit-edit"), "제목을 입력해");
        await AssertRefusedAsync(await op.PostAsync(url, url + "?handler=Held"), "방문일이 지나야");
        await AssertRefusedAsync(await op.SubmitFormAsync(url, new Dictionary<string, string> { ["Member.UserId"] = Guid.NewGuid()
            .ToString() }, "#add-member"), "목록에서");
        // An opinion "heard" at a visit that has not happened yet, and one without a category.
        await AssertRefusedAsync(await op.SubmitFormAsync(url, new Dictionary<string, string> { ["Opinion.Text"] = "의견",
            ["Opinion.Categories"] = "Funding", ["Opinion.Visibility"] = "Public" }, "#record-opinion"), "오늘 이후일 수 없습니다");
        var held = await host.PlanAsync(KstToday);
        var heldUrl = $"/engagement/visits/{held.Id}";
        await AssertRefusedAsync(await op.SubmitFormAsync(heldUrl, new Dictionary<string, string> { ["Opinion.Text"] = "의견",
            ["Opinion.Categories"] = "Nonsense", ["Opinion.Visibility"] = "Public" }, "#record-opinion"), "분류");
        await AssertRefusedAsync(await op.SubmitFormAsync(heldUrl, new Dictionary<string, string> { ["Opinion.Text"] = "의견",
            ["Opinion.Categories"] = "Funding", ["Opinion.Visibility"] = "Everyone" }, "#record-opinion"), "공개 범위");
        Assert.False(await host.QueryAsync(db => db.FieldOpinions.AnyAsync(o => o.VisitId == held.Id)));

        var stored = await host.StoredVisitAsync(visit.Id);
        Assert.Equal((visit.Title, VisitKind.Visit, VisitStatus.Planned, 1, 1),
            (stored.Title, stored.Kind, stored.Status, stored.Stops.Count, stored.Participants.Count));
        Assert.False(await host.QueryAsync(db => db.FieldOpinions.AnyAsync(o => o.VisitId == visit.Id)));

        // Unknown visit: 404 for GET and POST alike; a bad filter is ignored, not an error.
        using (var missing = await op.GetAsync($"/engagement/visits/{Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using (var missing = await op.PostAsync(url, $"/engagement/visits/{Guid.NewGuid()}?handler=Cancel"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using var filtered = await op.GetAsync("/engagement/visits?year=abc&status=Nope");
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
    }
}
