using Microsoft.Extensions.Time.Testing;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Features.Engagement.OpinionCategory;

namespace SeoulAiHub.Tests.Engagement.Services;

public sealed class OversightSummaryTests
{
    [Theory, OnEveryDatabase]
    public async Task The_overseer_home_shows_upcoming_visits_overdue_actions_and_counts_opinions_per_category_once(string provider)
    {
        var clock = new FakeTimeProvider(OwnClockHost.Start);
        await using var host = await TestHosts.StartWithClockAsync(provider, clock);
        var organization = await host.CreateOrganizationAsync();
        var op = await host.CreateAsync(HubRoles.Operator);
        var today = host.Today();
        var before = await host.WithAsync<OversightSummaries, CategoryTrend>(s => s.TrendAsync(today, OversightSummaries.TrendQuarters));
        Assert.Equal(ReportingPeriod.Containing(today, PeriodGrain.Quarter), before.Quarters[^1]);
        Assert.Equal(OversightSummaries.TrendQuarters, before.Quarters.Count);

        // Two categories count in both; a duplicate counts until it is merged, then only through the survivor's categories.
        var survivor = await host.RecordAsync(organization.Id, "규제 샌드박스와 해외 실증이 필요합니다.", OpinionVisibility.Public, op.Id,
            Regulation | Global);
        var duplicate = await host.RecordAsync(organization.Id, "규제 때문에 교육 과정을 못 엽니다.", OpinionVisibility.Internal, op.Id,
            Regulation | Education);
        var lastQuarter = await host.WithAsync<OpinionDesk, FieldOpinion>(d =>
            d.RecordAsync(OpinionSource.Survey, null, null, null, "자금이 부족합니다.",
            Funding, OpinionVisibility.Public, today.AddMonths(-3), op.Id));
        var unmerged = await host.WithAsync<OversightSummaries, CategoryTrend>(s => s.TrendAsync(today, OversightSummaries.TrendQuarters));
        Assert.Equal(Changes((Regulation, 7, 2), (Global, 7, 1), (Education, 7, 1), (Funding, 6, 1)), Delta(before, unmerged));

        await host.WithAsync<OpinionDesk>(d => d.MergeAsync(duplicate.Id, survivor.Id, op.Id));
        var merged = await host.WithAsync<OversightSummaries, CategoryTrend>(s => s.TrendAsync(today, OversightSummaries.TrendQuarters));
        Assert.Equal(Changes((Regulation, 7, 1), (Global, 7, 1), (Education, 7, 1), (Funding, 6, 1)), Delta(before, merged));
        Assert.Equal(before.Total(Regulation) + 1, merged.Total(Regulation));
        Assert.Equal(lastQuarter.SaidOn, today.AddMonths(-3));

        // Overdue: open or in progress past the due day, with the days late; finished ones are not.
        var late = await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(survivor.Id, "샌드박스 사전 컨설팅 개설", "운영사무국", op.Id,
            today.AddDays(1), op.Id));
        var finished = await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(survivor.Id, "해외 실증 안내", "운영사무국", op.Id,
            today.AddDays(1), op.Id));
        var onTime = await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(survivor.Id, "교육 과정 협의", "운영사무국", op.Id,
            today.AddDays(4), op.Id));
        await host.WithAsync<OpinionDesk>(d => d.MoveActionAsync(late.Id, ActionStatus.InProgress, null, op.Id));
        await host.WithAsync<OpinionDesk>(d => d.MoveActionAsync(finished.Id, ActionStatus.Done, "안내했습니다.", op.Id));
        var upcoming = await host.PlanVisitAsync(today.AddDays(10), op.Id, v => v.AddGuest("위원장", "위원장", "서울특별시의회", OwnClockHost.Start));
        clock.Advance(TimeSpan.FromDays(4));

        var home = await host.WithAsync<OversightSummaries, OversightHome>(s => s.HomeAsync());

        var overdue = Assert.Single(home.Overdue, a => a.OpinionId == survivor.Id);
        Assert.Equal((late.Id, ActionStatus.InProgress, 3, "시험 사용자 (가상)", today.AddDays(1)),
            (overdue.Id, overdue.Status, overdue.DaysLate, overdue.OwnerName, overdue.DueOn));
        Assert.DoesNotContain(home.Overdue, a => a.Id == onTime.Id || a.Id == finished.Id);
        var visit = Assert.Single(home.Upcoming, v => v.Id == upcoming.Id);
        Assert.Equal((1, 0), (visit.Participants, visit.Stops));
        Assert.All(home.Upcoming, v => Assert.True(v.Date >= today.AddDays(4)));
        Assert.Equal(merged.Counts[Regulation], home.Trend.Counts[Regulation]);
    }

    private static Dictionary<(OpinionCategory, int), int> Changes(params (OpinionCategory Category, int Quarter, int By)[] changes) =>
        changes.ToDictionary(c => (c.Category, c.Quarter), c => c.By);

    private static Dictionary<(OpinionCategory, int), int> Delta(CategoryTrend before, CategoryTrend after) =>
        FieldOpinion.Categories
            .SelectMany(c => Enumerable.Range(0, after.Quarters.Count).Select(q =>
                (Key: (c, q), By: after.Counts[c][q] - before.Counts[c][q])))
            .Where(x => x.By != 0)
            .ToDictionary(x => x.Key, x => x.By);
}
