using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Engagement.Visits.VisitPages;
using static SeoulAiHub.Tests.Infrastructure.PageAnswers;
using static SeoulAiHub.Tests.Infrastructure.TestDates;

namespace SeoulAiHub.Tests.Engagement.Visits;

/// <summary>
/// An operator plans a visit through the forms: four stops with their conflicts flagged, participants, an opinion heard there.
/// </summary>
public sealed class VisitJourneyTests
{
    [Theory, OnEveryDatabase]
    public async Task Operator_plans_a_visit_with_four_stops_and_the_itinerary_flags_its_conflicts(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var op = await host.ClientAsync(HubRoles.Operator);
        var hub = await host.SiteIdAsync("서울AI허브");
        var a = await host.CreateOrganizationAsync();
        var b = await host.CreateOrganizationAsync();
        var c = await host.CreateOrganizationAsync();
        var today = KstToday;

        // An organization holding a room today, and a site where it holds none: a stop there is "outside its site".
        var held = await host.QueryAsync(db => db.RoomAssignments
            .Where(r => r.StartsOn <= today && (r.EndsOn == null || r.EndsOn > today) &&
                r.Tenancy.Organization.TenancyStatus == TenancyStatus.Resident)
            .Select(r => new { r.Tenancy.OrganizationId, r.Room.Floor.SiteId }).ToListAsync());
        var roomHolder = held[0].OrganizationId;
        var holderSites = held.Where(h => h.OrganizationId == roomHolder).Select(h => h.SiteId).ToHashSet();
        var elsewhere = await host.QueryAsync(db => db.Sites.Where(s => !holderSites.Contains(s.Id)).Select(s => s.Id).FirstAsync());

        // The new-visit form starts with the hub's office as host.
        var blank = await op.GetDocumentAsync("/engagement/visits/new");
        Assert.Equal("서울AI허브 운영사무국", blank.QuerySelector("#v-host")!.GetAttribute("value"));
        var title = $"현장방문 시험 {Guid.NewGuid():N}";
        using var created = await op.SubmitFormAsync("/engagement/visits/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Visit", ["Input.Title"] = title, ["Input.Date"] = Iso(today), ["Input.Purpose"] = "입주기업 현장 점검",
            ["Input.SiteId"] = hub.ToString(),
        }, "#visit-new");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(url["/engagement/visits/".Length..]);
        var visit = await host.StoredVisitAsync(id);
        Assert.Equal((title, "서울AI허브 운영사무국", hub, VisitStatus.Planned), (visit.Title, visit.Host, visit.SiteId!.Value, visit.Status));

        async Task AddStopAsync(string starts, string ends, Guid organization, Guid site, string place)
        {
            using var response = await op.SubmitFormAsync(url, new Dictionary<string, string>
            {
                ["Stop.StartsAt"] = starts, ["Stop.EndsAt"] = ends, ["Stop.OrganizationId"] = organization.ToString(),
                ["Stop.SiteId"] = site.ToString(), ["Stop.Place"] = place, ["Stop.BriefingPerson"] = "대표", ["Stop.Note"] = "시험",
            }, "#add-stop");
            AssertRedirectToPage(response, url);
        }

        await AddStopAsync("10:00", "10:40", a.Id, hub, "3층 301호");
        await AddStopAsync("10:40", "11:20", b.Id, hub, "3층 302호");  // starts when the first ends: no overlap
        await AddStopAsync("11:00", "11:30", c.Id, hub, "3층 303호");  // overlaps the second
        await AddStopAsync("13:00", "13:30", roomHolder, elsewhere, "1층 로비");
        Assert.Equal(4, (await host.StoredVisitAsync(id)).Stops.Count);

        var page = await op.GetDocumentAsync(url);
        Assert.Contains("일정을 추가했습니다", page.QuerySelector(".alert.ok")?.TextContent ?? "", StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#itinerary-table tbody tr").ToList();
        Assert.Equal(["10:00–10:40", "10:40–11:20", "11:00–11:30", "13:00–13:30"],
            rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        string[] Flags(int row) => [.. rows[row].QuerySelectorAll(".ev-conflict").Select(f => f.GetAttribute("data-kind")!)];
        Assert.Empty(Flags(0));
        Assert.Equal(["Overlap"], Flags(1));
        Assert.Equal(["Overlap"], Flags(2));
        Assert.Equal(["OutsideOrganizationSite"], Flags(3));
        // Flagged with a marker and words, not colour only.
        Assert.Contains("⚠", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("11:00–11:30", rows[1].QuerySelector(".ev-conflicts")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".ev-conflict-summary"));

        // Participants: the council chair as a guest, and an overseer from the hub.
        using (var guest = await op.SubmitFormAsync(url, new Dictionary<string, string> { ["Guest.Name"] = "최호정", ["Guest.Title"] = "의장",
            ["Guest.Affiliation"] = "서울특별시의회" }, "#add-guest"))
        {
            AssertRedirectToPage(guest, url);
        }

        var overseer = await host.CreateAsync(HubRoles.Overseer);
        using (var member = await op.SubmitFormAsync(url, new Dictionary<string, string> { ["Member.UserId"] = overseer.Id.ToString(),
            ["Member.Title"] = "감사관" }, "#add-member"))
        {
            AssertRedirectToPage(member, url);
        }

        visit = await host.StoredVisitAsync(id);
        var chair = Assert.Single(visit.Participants, p => p.IsGuest);
        Assert.Equal(("최호정", "의장", "서울특별시의회"), (chair.Name, chair.Title, chair.Affiliation));
        Assert.Equal(overseer.Id, Assert.Single(visit.Participants, p => !p.IsGuest).UserId);
        page = await op.GetDocumentAsync(url);
        Assert.Contains("서울특별시의회", page.QuerySelector("#participants-table")!.TextContent, StringComparison.Ordinal);

        // The same person twice is refused with the domain's message.
        await AssertRefusedAsync(await op.SubmitFormAsync(url,
            new Dictionary<string, string> { ["Member.UserId"] = overseer.Id.ToString() }, "#add-member"), "이미 참석자로");

        // A stop or participant of another visit cannot be removed through this one.
        var other = await host.PlanAsync(today.AddDays(3), a.Id);
        await AssertRefusedAsync(await op.PostAsync(url, url + "?handler=RemoveStop", ("stopId", other.Stops[0].Id.ToString())),
            "일정을 찾을 수 없습니다");
        await AssertRefusedAsync(await op.PostAsync(url, url + "?handler=RemoveParticipant",
            ("participantId", other.Participants[0].Id.ToString())), "참석자를 찾을 수 없습니다");
        Assert.Single((await host.StoredVisitAsync(other.Id)).Stops);
        Assert.Single((await host.StoredVisitAsync(other.Id)).Participants);

        // Removing the overlapping stop clears the overlap flags.
        var third = visit.Stops.Single(s => s.StartsAt == new TimeOnly(11, 0));
        AssertRedirectToPage(await op.PostAsync(url, url + "?handler=RemoveStop", ("stopId", third.Id.ToString())), url);
        page = await op.GetDocumentAsync(url);
        Assert.Equal(["OutsideOrganizationSite"], page.QuerySelectorAll("#itinerary-table .ev-conflict")
            .Select(f => f.GetAttribute("data-kind")!));

        // An opinion heard at the visit: source Visit, the stop organization, both categories, internal.
        using (var recorded = await op.SubmitFormAsync(url, new Dictionary<string, string>
               {
                   ["Opinion.Text"] = "실증 공간이 부족합니다.", ["Opinion.Speaker"] = "대표", ["Opinion.OrganizationId"] = b.Id.ToString(),
                   ["Opinion.Categories"] = "Infrastructure", ["Opinion.Visibility"] = "Internal",
               }, "#record-opinion"))
        {
            AssertRedirectToPage(recorded, url);
        }

        var opinion = await host.QueryAsync(db => db.FieldOpinions.SingleAsync(o => o.VisitId == id));
        Assert.Equal((OpinionSource.Visit, b.Id, OpinionCategory.Infrastructure, OpinionVisibility.Internal, today),
            (opinion.Source, opinion.SourceOrganizationId!.Value, opinion.Category, opinion.Visibility, opinion.SaidOn));
        page = await op.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector($"#opinions a[href='/engagement/opinions/{opinion.Id}']"));

        // The stop organizations come first in the opinion form's organization list.
        var firstOptions = page.QuerySelectorAll("#o-org option").Skip(1).Take(3)
            .Select(o => Guid.Parse(o.GetAttribute("value")!)).ToHashSet();
        Assert.Equal(new HashSet<Guid> { a.Id, b.Id, roomHolder }, firstOptions);

        // The day has come: the visit is marked held.
        AssertRedirectToPage(await op.PostAsync(url, url + "?handler=Held"), url);
        Assert.Equal(VisitStatus.Held, (await host.StoredVisitAsync(id)).Status);

        // The list shows it among today's (upcoming) visits with its three stops.
        var list = await op.GetDocumentAsync($"/engagement/visits?year={today.Year}&status=Held");
        var row = list.QuerySelectorAll("#visits-upcoming tbody tr").Single(r => r.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.Contains("3", row.Children[4].TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("a[href='/engagement/visits/new']"));
        Assert.DoesNotContain((await op.GetDocumentAsync("/engagement/visits?status=Cancelled")).QuerySelectorAll("tr"),
            r => r.TextContent.Contains(title, StringComparison.Ordinal));
    }
}
