using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Services.OutcomesServiceScenario;

namespace SeoulAiHub.Tests.Outcomes.Services;

/// <summary>A campaign from opening to lock through the real services, on both databases.</summary>
public sealed class CampaignLifecycleTests
{
    private static readonly Guid Operator = Guid.NewGuid();

    [Theory, OnEveryDatabase]
    public async Task Opening_to_lock_makes_exactly_the_accepted_values_official(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var kpis = await KpisAsync(host);
        var asked = new[] { kpis.Flow.Id, kpis.Stock.Id };
        var orgs = await OrganizationsAsync(host, OrganizationType.Startup, OrganizationType.Startup, OrganizationType.Sme,
            OrganizationType.Startup);
        var (a, b, c, d) = (orgs[0], orgs[1], orgs[2], orgs[3]);
        var reporter = Guid.NewGuid();
        var p1 = ReportingPeriod.Containing(host.Today(), PeriodGrain.Quarter).Previous.Previous;
        var p0 = p1.Previous;

        // The quarter before: three report, one never does. Both campaigns open before the test's KPIs retire.
        var first = await OpenAsync(host, p0, orgs, asked, Operator);
        var second = await OpenAsync(host, p1, [a, b, c], asked, Operator);
        await RetireAsync(host, kpis);
        Assert.Equal(4, first.Tasks.Count);
        Assert.Equal(asked, first.KpiIds);
        await ReportAcceptedAsync(host, first.Id, a.Id, reporter, kpis, flow: 100_000_000, stock: 10);
        await ReportAcceptedAsync(host, first.Id, b.Id, reporter, kpis, flow: 200_000_000, stock: 5);
        await ReportAcceptedAsync(host, first.Id, c.Id, reporter, kpis, flow: 0, stock: 3);
        await host.WithAsync<CampaignService>(s => s.SaveAsync(first.Tasks.Single(t => t.OrganizationId == d.Id).Id,
            [new KpiEntry(kpis.Flow.Id, 999, null)]));
        Assert.Equal(6, await host.WithAsync<CampaignService, int>(s => s.LockAsync(first.Id, Operator)));
        var firstFacts = await FactsAsync(host, first.Id);
        Assert.Equal(6, firstFacts.Count);
        Assert.DoesNotContain(firstFacts, f => f.OrganizationId == d.Id);   // a draft is not official
        Assert.All(firstFacts, f => Assert.Equal(p0, f.Period));
        Assert.Equal(CampaignStatus.Locked, (await host.QueryAsync(db => db.KpiCampaigns.AsNoTracking()
            .SingleAsync(x => x.Id == first.Id))).Status);

        // What the reporter sees beside each field next quarter.
        var previous = await host.WithAsync<CampaignService, Dictionary<Guid, long>>(s => s.PreviousValuesAsync(a.Id, p1));
        Assert.Equal(new Dictionary<Guid, long> { [kpis.Flow.Id] = 100_000_000, [kpis.Stock.Id] = 10 }, previous);
        Assert.Empty(await host.WithAsync<CampaignService, Dictionary<Guid, long>>(s => s.PreviousValuesAsync(d.Id, p1)));
        Assert.Empty(await host.WithAsync<CampaignService, Dictionary<Guid, long>>(s => s.PreviousValuesAsync(a.Id, p0)));

        // This quarter: a, b and c are asked.
        var taskA = await TaskIdAsync(host, second.Id, a.Id);
        await host.WithAsync<CampaignService>(s => s.SaveAsync(taskA, [new KpiEntry(kpis.Flow.Id, 1_000_000_000, null),
            new KpiEntry(kpis.Stock.Id, 12, null)]));
        var refused = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<CampaignService>(s => s.SubmitAsync(taskA, reporter)));
        Assert.Equal(
            new[] { (kpis.Flow.Id, "Outcomes.Campaign.Error.EvidenceRequired"),
                (kpis.Flow.Id, "Outcomes.Campaign.Error.OutlierNoteRequired") },
            refused.Problems.Select(p => (Guid.Parse(p.Field), p.Key)).OrderBy(p => p.Key));
        Assert.Equal(KpiTaskStatus.Draft, (await TaskAsync(host, taskA)).Status);

        var evidence = await EvidenceAsync(host, taskA, kpis.Flow.Id, reporter);
        Assert.Equal("세금계산서.pdf", evidence.FileName);
        Assert.Equal("application/pdf", evidence.ContentType);
        await host.WithAsync<CampaignService>(s => s.SaveAsync(taskA, [new KpiEntry(kpis.Flow.Id, 1_000_000_000, "대형 공급계약 체결")]));
        await host.WithAsync<CampaignService>(s => s.SubmitAsync(taskA, reporter));
        var submitted = await TaskAsync(host, taskA);
        Assert.Equal(KpiTaskStatus.Submitted, submitted.Status);
        Assert.Equal(OutlierFlags.AboveFiveTimes, submitted.Line(kpis.Flow.Id)!.Outliers);
        Assert.Equal(OutlierFlags.None, submitted.Line(kpis.Stock.Id)!.Outliers);
        Assert.Equal(12, submitted.Line(kpis.Stock.Id)!.Value);   // a save of one value keeps the others

        // The operator returns the revenue; the headcount is accepted.
        await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<CampaignService>(s =>
            s.ReviewAsync(taskA, [new LineDecision(kpis.Flow.Id, false, "")], Operator)));
        await host.WithAsync<CampaignService>(s => s.ReviewAsync(taskA, [new LineDecision(kpis.Flow.Id, false, "계약서 금액과 다릅니다")], Operator));
        var returned = await TaskAsync(host, taskA);
        Assert.Equal(KpiTaskStatus.Returned, returned.Status);
        Assert.Equal(LineReview.Returned, returned.Line(kpis.Flow.Id)!.Review);
        Assert.Equal("계약서 금액과 다릅니다", returned.Line(kpis.Flow.Id)!.ReviewComment);
        Assert.Equal(LineReview.Accepted, returned.Line(kpis.Stock.Id)!.Review);

        // b submits and waits for review: no lock yet.
        var taskB = await TaskIdAsync(host, second.Id, b.Id);
        await host.WithAsync<CampaignService>(s => s.SaveAsync(taskB, [new KpiEntry(kpis.Flow.Id, 150_000_000, null),
            new KpiEntry(kpis.Stock.Id, 5, null)]));
        await EvidenceAsync(host, taskB, kpis.Flow.Id, reporter);
        await host.WithAsync<CampaignService>(s => s.SubmitAsync(taskB, reporter));
        var waiting = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<CampaignService, int>(s =>
            s.LockAsync(second.Id, Operator)));
        Assert.Equal("Outcomes.Campaign.Error.AwaitingReview", waiting.Key);
        Assert.Equal([1], waiting.Arguments);
        Assert.Empty(await FactsAsync(host, second.Id));
        Assert.Equal(CampaignStatus.Open, (await host.QueryAsync(db => db.KpiCampaigns.AsNoTracking()
            .SingleAsync(x => x.Id == second.Id))).Status);
        await host.WithAsync<CampaignService>(s => s.ReviewAsync(taskB, [], Operator));

        // a fixes the returned value; the accepted headcount cannot change.
        await host.WithAsync<CampaignService>(s => s.SaveAsync(taskA, [new KpiEntry(kpis.Flow.Id, 900_000_000, "계약서 기준으로 수정"),
            new KpiEntry(kpis.Stock.Id, 99, null)]));
        await host.WithAsync<CampaignService>(s => s.SubmitAsync(taskA, reporter));
        var resubmitted = await TaskAsync(host, taskA);
        Assert.Equal(LineReview.Pending, resubmitted.Line(kpis.Flow.Id)!.Review);
        Assert.Equal(LineReview.Accepted, resubmitted.Line(kpis.Stock.Id)!.Review);
        Assert.Equal(12, resubmitted.Line(kpis.Stock.Id)!.Value);
        await host.WithAsync<CampaignService>(s => s.ReviewAsync(taskA, [], Operator));
        Assert.Equal(KpiTaskStatus.Accepted, (await TaskAsync(host, taskA)).Status);

        // c reports and is returned, never fixed: missing at lock.
        var taskC = await TaskIdAsync(host, second.Id, c.Id);
        await host.WithAsync<CampaignService>(s => s.SaveAsync(taskC, [new KpiEntry(kpis.Flow.Id, 0, null),
            new KpiEntry(kpis.Stock.Id, 4, null)]));
        await host.WithAsync<CampaignService>(s => s.SubmitAsync(taskC, reporter));
        await host.WithAsync<CampaignService>(s => s.ReviewAsync(taskC, [new LineDecision(kpis.Flow.Id, false, "매출 0원 확인 필요")], Operator));

        Assert.Equal(4, await host.WithAsync<CampaignService, int>(s => s.LockAsync(second.Id, Operator)));
        var facts = (await FactsAsync(host, second.Id)).Select(f => (f.OrganizationId, f.KpiId, f.Value, f.Period))
            .OrderBy(f => f.Value).ToList();
        Assert.Equal(
            new[] { (b.Id, kpis.Stock.Id, 5L, p1), (a.Id, kpis.Stock.Id, 12L, p1), (b.Id, kpis.Flow.Id, 150_000_000L, p1),
                (a.Id, kpis.Flow.Id, 900_000_000L, p1) },
            facts);

        // The rollups add up to the facts, and count c as asked but missing.
        var rollups = await RollupsAsync(host, second.Id);
        var flowTotal = Assert.Single(rollups, r => r.KpiId == kpis.Flow.Id && r.Dimension == RollupDimension.Total);
        Assert.Equal((1_050_000_000L, 2, 3), (flowTotal.Sum, flowTotal.Reporting, flowTotal.Expected));
        Assert.Null(flowTotal.SiteId);
        var stockTotal = Assert.Single(rollups, r => r.KpiId == kpis.Stock.Id && r.Dimension == RollupDimension.Total);
        Assert.Equal((17L, 2, 3), (stockTotal.Sum, stockTotal.Reporting, stockTotal.Expected));
        var startups = Assert.Single(rollups, r => r.KpiId == kpis.Flow.Id && r.Dimension == RollupDimension.Type &&
            r.Key == nameof(OrganizationType.Startup));
        Assert.Equal((1_050_000_000L, 2, 2), (startups.Sum, startups.Reporting, startups.Expected));
        var smes = Assert.Single(rollups, r => r.KpiId == kpis.Flow.Id && r.Dimension == RollupDimension.Type &&
            r.Key == nameof(OrganizationType.Sme));
        Assert.Equal((0L, 0, 1), (smes.Sum, smes.Reporting, smes.Expected));
        var unclassified = Assert.Single(rollups, r => r.KpiId == kpis.Flow.Id && r.Dimension == RollupDimension.Domain);
        Assert.Equal((RollupBuilder.NoDomain, 1_050_000_000L, 2, 3), (unclassified.Key, unclassified.Sum, unclassified.Reporting,
            unclassified.Expected));
        Assert.DoesNotContain(rollups, r => r.Dimension == RollupDimension.Program);
        foreach (var kpi in asked)
        {
            Assert.Equal(
                (await FactsAsync(host, second.Id)).Where(f => f.KpiId == kpi).Sum(f => f.Value),
                rollups.Where(r => r.KpiId == kpi && r.Dimension == RollupDimension.Total).Sum(r => r.Sum));
        }

        // The figures of the two quarters and of their half (when both lie in one), as the dashboard computes them.
        var flowCells = await TotalCellsAsync(host, kpis.Flow.Id);
        Assert.Equal(new Figure(300_000_000, 3, 4, 1, false, false), Aggregation.Of(KpiKind.Flow, p0, flowCells));
        Assert.Equal(new Figure(1_050_000_000, 2, 3, 1, false, false), Aggregation.Of(KpiKind.Flow, p1, flowCells));
        var stockCells = await TotalCellsAsync(host, kpis.Stock.Id);
        Assert.Equal(new Figure(18, 3, 4, 1, false, false), Aggregation.Of(KpiKind.Stock, p0, stockCells));
        Assert.Equal(new Figure(17, 2, 3, 1, false, false), Aggregation.Of(KpiKind.Stock, p1, stockCells));
        var year = ReportingPeriod.Containing(p1.EndsOn, PeriodGrain.Year);
        var inYear = year.Contains(p0) ? 1_350_000_000L : 1_050_000_000L;
        var yearFigure = Aggregation.Of(KpiKind.Flow, year, flowCells);
        Assert.Equal(inYear, yearFigure.Sum);
        Assert.True(yearFigure.Partial);
        Assert.Equal(p1.Index == 4 ? new Figure(17, 2, 3, 1, false, false) : Figure.None, Aggregation.Of(KpiKind.Stock, year, stockCells));

        // Top movers between the two quarters: a up most, then nobody else up (c is missing now); b down.
        var (up, down) = await host.WithAsync<OutcomeFigures, (IReadOnlyList<Mover>, IReadOnlyList<Mover>)>(f =>
            f.TopMoversAsync(kpis.Flow.Id, p1, null));
        var mover = Assert.Single(up);
        Assert.Equal((a.Id, 100_000_000L, 900_000_000L, 800_000_000L, (double?)8.0),
            (mover.OrganizationId, mover.Previous, mover.Current, mover.Change, mover.Growth));
        Assert.Equal(a.NameKo, mover.NameKo);
        var faller = Assert.Single(down);
        Assert.Equal((b.Id, -50_000_000L), (faller.OrganizationId, faller.Change));
        var (stockUp, stockDown) = await host.WithAsync<OutcomeFigures, (IReadOnlyList<Mover>, IReadOnlyList<Mover>)>(f =>
            f.TopMoversAsync(kpis.Stock.Id, p1, null));
        Assert.Equal([(a.Id, 2L)], stockUp.Select(m => (m.OrganizationId, m.Change)));
        Assert.Empty(stockDown);   // b kept 5 people: no change is no move

        // Official values of one organization, newest first.
        var values = await host.WithAsync<OutcomeFigures, List<KpiFact>>(f => f.ValuesOfAsync(a.Id));
        Assert.Equal([p1, p1, p0, p0], values.Select(v => v.Period));

        // Locked: nothing changes any more.
        Assert.Equal("Outcomes.Campaign.Error.Locked", (await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<CampaignService>(s => s.SaveAsync(taskC, [new KpiEntry(kpis.Flow.Id, 1, null)])))).Key);
        Assert.Equal("Outcomes.Campaign.Error.Locked", (await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<CampaignService, int>(s => s.LockAsync(second.Id, Operator)))).Key);
        Assert.Equal("Outcomes.Campaign.Error.Locked", (await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<CampaignService>(s => s.ExtendAsync(second.Id, host.Today().AddDays(30))))).Key);
        Assert.Equal(4, (await FactsAsync(host, second.Id)).Count);
    }
}
