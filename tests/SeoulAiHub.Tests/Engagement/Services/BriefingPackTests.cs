using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Features.Engagement.Demo;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Services;

public sealed class BriefingPackTests
{
    [Theory, OnEveryDatabase]
    public async Task The_article_visit_is_briefed_stop_by_stop_with_tenancy_KPI_trends_and_open_opinions(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var visitId = await host.QueryAsync(db => db.Visits.Where(v => v.Title == DemoEngagement.ArticleVisitTitle)
            .Select(v => v.Id).SingleAsync());

        var pack = await host.WithAsync<BriefingPacks, BriefingPack?>(b => b.ForVisitAsync(visitId));

        Assert.NotNull(pack);
        Assert.Equal(DemoEngagement.ArticleVisitDate, pack.Visit.Date);
        Assert.Equal("서울AI허브", pack.SiteKo);
        Assert.Equal(4, pack.Visit.Participants.Count(p => p.IsGuest));
        Assert.Equal(["한국인공지능산업협회", "국가 AI연구거점", "KAIST 김재철AI대학원", "공군 AI신기술융합센터"],
            pack.Stops.Select(s => s.Organization?.Organization.NameKo));
        Assert.Empty(pack.Conflicts);   // back to back, each at the hub
        foreach (var stop in pack.Stops)
        {
            var brief = stop.Organization!;
            Assert.Equal("서울AI허브", stop.SiteKo);
            Assert.Equal(TenancyStatus.Resident, brief.Tenancy?.Status);
            Assert.NotEmpty(brief.Kpis);
            Assert.All(brief.Kpis, trend =>
            {
                Assert.InRange(trend.Values.Count, 1, BriefingPacks.TrendQuarters);
                Assert.All(trend.Values, v => Assert.Equal(3, v.Period.Months));
                Assert.Equal(trend.Values.Select(v => v.Period.EndMonth).Order(), trend.Values.Select(v => v.Period.EndMonth));
                Assert.Equal(trend.Values.Count, trend.Values.Select(v => v.Period.EndMonth).Distinct().Count());
                Assert.Equal(trend.Values[^1].Value, trend.Latest);
            });
            // eight quarters reported: the last four shown
            Assert.Contains(brief.Kpis, trend => trend.Values.Count == BriefingPacks.TrendQuarters);
            Assert.All(brief.OpenOpinions, o =>
            {
                Assert.Equal(brief.Organization.Id, o.OrganizationId);
                Assert.NotEqual(FollowUpStage.Completed, o.Stage);
            });
        }

        // What was heard on the day: the association's demonstration request is underway, the institute's was answered
        // (both open); KAIST's talent request and the air force's GPU request are completed, so not in the pack.
        string[] Open(int stop) => [.. pack.Stops[stop].Organization!.OpenOpinions.Select(o => o.Text)];
        Assert.Contains(Open(0), t => t.Contains("실증사업 확대", StringComparison.Ordinal));
        Assert.Contains(Open(1), t => t.Contains("연계 전략", StringComparison.Ordinal));
        Assert.DoesNotContain(Open(2), t => t.Contains("인재 전략", StringComparison.Ordinal));
        Assert.DoesNotContain(Open(3), t => t.Contains("격리된 GPU", StringComparison.Ordinal));
    }

    [Theory, OnEveryDatabase]
    public async Task A_planned_visit_flags_overlapping_stops_on_both_and_lists_only_open_opinions(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var first = await host.CreateOrganizationAsync();
        var second = await host.CreateOrganizationAsync();
        var op = await host.CreateAsync(HubRoles.Operator);
        var today = host.Today();
        var waiting = await host.RecordAsync(first.Id, "실증 공간이 필요합니다.", OpinionVisibility.Internal, op.Id);
        var answered = await host.RecordAsync(first.Id, "교육 과정이 필요합니다.", OpinionVisibility.Public, op.Id);
        var completed = await host.RecordAsync(first.Id, "주차 공간이 부족합니다.", OpinionVisibility.Public, op.Id);
        await host.WithAsync<OpinionDesk>(d => d.AnswerAsync(answered.Id, "과정을 개설합니다.", op.Id));
        var parking = await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(completed.Id, "주차 공간 확보", "운영사무국", null,
            today.AddDays(5), op.Id));
        await host.WithAsync<OpinionDesk>(d => d.MoveActionAsync(parking.Id, ActionStatus.Done, "인근 공영주차장과 협약했습니다.", op.Id));

        var visit = await host.PlanVisitAsync(today.AddDays(7), op.Id, v =>
        {
            v.AddStop(new(10, 0), new(11, 0), "3층 301호", null, first.Id, "대표", null, DateTimeOffset.UtcNow);
            v.AddStop(new(10, 30), new(11, 30), "3층 대회의실", null, null, null, null, DateTimeOffset.UtcNow);
            v.AddStop(new(11, 30), new(12, 0), null, null, second.Id, "대표", null, DateTimeOffset.UtcNow);
        });

        var pack = (await host.WithAsync<BriefingPacks, BriefingPack?>(b => b.ForVisitAsync(visit.Id)))!;

        var overlap = Assert.Single(pack.Conflicts);
        Assert.Equal(ConflictKind.Overlap, overlap.Kind);
        Assert.Equal([overlap], pack.Stops[0].Conflicts);
        Assert.Equal([overlap], pack.Stops[1].Conflicts);
        Assert.Empty(pack.Stops[2].Conflicts);
        Assert.Equal(new HashSet<Guid> { pack.Stops[0].Stop.Id, pack.Stops[1].Stop.Id },
            new HashSet<Guid> { overlap.Stop, overlap.Other!.Value });

        var brief = pack.Stops[0].Organization!;
        Assert.Equal(first.Id, brief.Organization.Id);
        Assert.Null(brief.Tenancy);   // a new organization: no tenancy, no KPIs, no programs
        Assert.Empty(brief.Kpis);
        Assert.Empty(brief.Programs);
        Assert.Equal(new HashSet<Guid> { waiting.Id, answered.Id }, brief.OpenOpinions.Select(o => o.Id).ToHashSet());
        Assert.Null(pack.Stops[1].Organization);
        Assert.Empty(pack.Stops[2].Organization!.OpenOpinions);

        Assert.Null(await host.WithAsync<BriefingPacks, BriefingPack?>(b => b.ForVisitAsync(Guid.NewGuid())));
    }

    [Theory, OnEveryDatabase]
    public async Task A_stop_at_another_site_than_the_organizations_room_is_flagged(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var op = await host.CreateAsync(HubRoles.Operator);
        var (kaist, sites) = await host.QueryAsync(async db => (
            await db.Organizations.Where(o => o.NameKo == "KAIST 김재철AI대학원").Select(o => o.Id).SingleAsync(),
            await db.Sites.ToDictionaryAsync(s => s.NameKo, s => s.Id)));
        var district = sites["양재 AI 특화지구 창업센터"];
        var hub = sites["서울AI허브"];

        var visit = await host.PlanVisitAsync(host.Today().AddDays(3), op.Id, v =>
        {
            v.AddStop(new(10, 0), new(10, 30), "5층 501호", hub, kaist, null, null, DateTimeOffset.UtcNow);
            v.AddStop(new(11, 0), new(11, 30), "창업센터 세미나실", district, kaist, null, null, DateTimeOffset.UtcNow);
        });
        var pack = (await host.WithAsync<BriefingPacks, BriefingPack?>(b => b.ForVisitAsync(visit.Id)))!;

        var away = Assert.Single(pack.Conflicts);
        Assert.Equal(new ItineraryConflict(ConflictKind.OutsideOrganizationSite, pack.Stops[1].Stop.Id), away);
        Assert.Equal("양재 AI 특화지구 창업센터", pack.Stops[1].SiteKo);
        Assert.Empty(pack.Stops[0].Conflicts);
    }

    [Theory, OnEveryDatabase]
    public async Task A_stop_lists_the_newest_open_opinions_of_its_organization_and_counts_the_rest(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var op = await host.CreateAsync(HubRoles.Operator);
        var organization = await host.CreateOrganizationAsync();
        var extra = 3;
        var said = new List<Guid>();
        for (var i = 0; i < FollowUpReports.BriefingOpinionsPerOrganization + extra; i++)
        {
            said.Add((await host.RecordAsync(organization.Id, $"열린 의견 {i}", OpinionVisibility.Internal, op.Id,
                saidOn: host.Today().AddDays(-40 + i))).Id);
        }

        var visit = await host.PlanVisitAsync(host.Today().AddDays(5), op.Id,
            v => v.AddStop(new(10, 0), new(10, 30), "회의실", null, organization.Id, null, null, DateTimeOffset.UtcNow));
        var brief = (await host.WithAsync<BriefingPacks, BriefingPack?>(b => b.ForVisitAsync(visit.Id)))!.Stops[0].Organization!;

        Assert.Equal(FollowUpReports.BriefingOpinionsPerOrganization + extra, brief.OpenTotal);
        Assert.Equal(extra, brief.OpenNotListed);
        Assert.Equal(said.Skip(extra).Order(), brief.OpenOpinions.Select(o => o.Id).Order());
    }
}
