using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Features.Outcomes.Figures;

namespace SeoulAiHub.Tests.Outcomes.Figures;

public sealed class ProgramEffectTests
{
    private static readonly KpiDefinition Revenue = KpiDefinition.Create("revenue", "매출액", "Revenue", KpiUnit.Krw, KpiKind.Flow, true, 10);
    private static readonly KpiDefinition Headcount = KpiDefinition.Create("headcount", "고용 인원", "Headcount", KpiUnit.Persons,
        KpiKind.Stock, false, 20);
    private static readonly ReportingPeriod Award = ReportingPeriod.Of(PeriodGrain.Quarter, 2025, 2);   // 2025-Q2

    private static EffectFact Q(Guid org, int year, int quarter, long value)
    {
        var p = ReportingPeriod.Of(PeriodGrain.Quarter, year, quarter);
        return new EffectFact(org, p.EndMonth, p.Months, value);
    }

    [Fact]
    public void Flows_sum_the_four_quarters_before_the_award_quarter_against_the_four_after_it()
    {
        var a = Guid.NewGuid();
        List<EffectFact> facts =
        [
            Q(a, 2024, 1, 999),   // outside: five quarters before
            Q(a, 2024, 2, 10), Q(a, 2024, 3, 20), Q(a, 2024, 4, 30), Q(a, 2025, 1, 40),
            Q(a, 2025, 2, 5000),  // the award quarter counts in neither window
            Q(a, 2025, 3, 100), Q(a, 2025, 4, 200), Q(a, 2026, 1, 300), Q(a, 2026, 2, 400),
            Q(a, 2026, 3, 999),   // outside
        ];
        var effect = ProgramEffect.Compute(Revenue, new Dictionary<Guid, ReportingPeriod> { [a] = Award }, facts);
        Assert.Equal((1, 0, 100L, 1000L), (effect.Counted, effect.LeftOut, effect.Before, effect.After));
        Assert.Equal(9.0, effect.Change);
    }

    [Fact]
    public void Organizations_without_complete_windows_are_left_out_and_counted()
    {
        Guid complete = Guid.NewGuid(), gap = Guid.NewGuid(), recent = Guid.NewGuid();
        var facts = new List<EffectFact>();
        foreach (var org in new[] { complete, gap, recent })
        {
            facts.AddRange([Q(org, 2024, 2, 1), Q(org, 2024, 3, 1), Q(org, 2024, 4, 1), Q(org, 2025, 1, 1), Q(org, 2025, 3, 2),
                Q(org, 2025, 4, 2), Q(org, 2026, 1, 2)]);
        }

        facts.Add(Q(complete, 2026, 2, 2));
        facts.RemoveAll(f => f.OrganizationId == gap && f.EndMonth == ReportingPeriod.Of(PeriodGrain.Quarter, 2024, 3).EndMonth);
        facts.Add(Q(gap, 2026, 2, 2));
        var effect = ProgramEffect.Compute(Revenue, new Dictionary<Guid, ReportingPeriod> { [complete] = Award, [gap] = Award,
            [recent] = Award }, facts);
        Assert.Equal((1, 2, 4L, 8L), (effect.Counted, effect.LeftOut, effect.Before, effect.After));
    }

    [Fact]
    public void A_window_reported_as_a_half_and_quarters_is_complete()
    {
        var a = Guid.NewGuid();
        var h2 = ReportingPeriod.Of(PeriodGrain.Half, 2024, 2);
        List<EffectFact> facts =
        [
            Q(a, 2024, 2, 10), new(a, h2.EndMonth, h2.Months, 50), Q(a, 2025, 1, 40),
            Q(a, 2025, 3, 1), Q(a, 2025, 4, 1), Q(a, 2026, 1, 1), Q(a, 2026, 2, 1),
        ];
        var effect = ProgramEffect.Compute(Revenue, new Dictionary<Guid, ReportingPeriod> { [a] = Award }, facts);
        Assert.Equal((1, 100L, 4L), (effect.Counted, effect.Before, effect.After));
    }

    [Fact]
    public void Stocks_compare_the_level_before_the_award_with_the_level_a_year_after()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        List<EffectFact> facts =
        [
            Q(a, 2024, 4, 99), Q(a, 2025, 1, 10), Q(a, 2025, 2, 12), Q(a, 2026, 1, 15), Q(a, 2026, 2, 25),
            Q(b, 2025, 1, 7),   // no level at the end of the fourth quarter after
        ];
        var effect = ProgramEffect.Compute(Headcount, new Dictionary<Guid, ReportingPeriod> { [a] = Award, [b] = Award }, facts);
        Assert.Equal((1, 1, 10L, 25L), (effect.Counted, effect.LeftOut, effect.Before, effect.After));
        Assert.Equal(10.0, effect.BeforeAverage);
    }

    [Fact]
    public void No_awardees_gives_no_change()
    {
        var effect = ProgramEffect.Compute(Revenue, new Dictionary<Guid, ReportingPeriod>(), []);
        Assert.Equal((0, 0), (effect.Counted, effect.LeftOut));
        Assert.Null(effect.Change);
        Assert.Null(effect.BeforeAverage);
    }
}
