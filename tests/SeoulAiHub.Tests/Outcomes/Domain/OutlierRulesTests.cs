using SeoulAiHub.Features.Outcomes;

namespace SeoulAiHub.Tests.Outcomes.Domain;

public sealed class OutlierRulesTests
{
    [Theory]
    [InlineData(500, 100, OutlierFlags.None)]           // exactly five times: not flagged
    [InlineData(501, 100, OutlierFlags.AboveFiveTimes)]
    [InlineData(20, 100, OutlierFlags.None)]            // exactly a fifth: not flagged
    [InlineData(19, 100, OutlierFlags.BelowFifth)]
    [InlineData(5, 1, OutlierFlags.None)]
    [InlineData(6, 1, OutlierFlags.AboveFiveTimes)]
    [InlineData(1, 5, OutlierFlags.None)]
    [InlineData(0, 5, OutlierFlags.BelowFifth)]         // from something to nothing needs a word
    [InlineData(0, 4, OutlierFlags.BelowFifth)]
    [InlineData(100, 100, OutlierFlags.None)]
    [InlineData(-10, 100, OutlierFlags.None)]           // negative is an error, not an outlier
    public void A_value_is_compared_with_the_previous_period(long value, long previous, OutlierFlags expected) =>
        Assert.Equal(expected, OutlierRules.Check(value, previous));

    [Theory]
    [InlineData(1_000_000_000)]
    [InlineData(0)]
    [InlineData(1)]
    public void Without_a_previous_value_above_zero_nothing_is_flagged(long value)
    {
        Assert.Equal(OutlierFlags.None, OutlierRules.Check(value, null));
        Assert.Equal(OutlierFlags.None, OutlierRules.Check(value, 0));
        Assert.Equal(OutlierFlags.None, OutlierRules.Check(value, -5));
    }

    [Fact]
    public void Huge_values_do_not_overflow()
    {
        Assert.Equal(OutlierFlags.AboveFiveTimes, OutlierRules.Check(long.MaxValue, long.MaxValue / 5));
        Assert.Equal(OutlierFlags.None, OutlierRules.Check(long.MaxValue / 5 * 5, long.MaxValue / 5));
        Assert.Equal(OutlierFlags.None, OutlierRules.Check(long.MaxValue, long.MaxValue));
        Assert.Equal(OutlierFlags.None, OutlierRules.Check(long.MaxValue, long.MaxValue - 1));
        Assert.Equal(OutlierFlags.BelowFifth, OutlierRules.Check(1, long.MaxValue));
        Assert.Equal(OutlierFlags.BelowFifth, OutlierRules.Check(long.MaxValue / 5 - 1, long.MaxValue));
        Assert.Equal(OutlierFlags.AboveFiveTimes, OutlierRules.Check(long.MaxValue, 1));
        // A trillion won against two hundred billion is exactly five times.
        Assert.Equal(OutlierFlags.None, OutlierRules.Check(1_000_000_000_000, 200_000_000_000));
        Assert.Equal(OutlierFlags.AboveFiveTimes, OutlierRules.Check(1_000_000_000_001, 200_000_000_000));
    }

    [Fact]
    public void More_new_hires_than_headcount_is_flagged()
    {
        var report = new Dictionary<string, long> { ["headcount"] = 10 };
        Assert.Equal(OutlierFlags.HiresAboveHeadcount, OutlierRules.CheckAcross("new-hires", 11, report));
        Assert.Equal(OutlierFlags.None, OutlierRules.CheckAcross("new-hires", 10, report));
        Assert.Equal(OutlierFlags.None, OutlierRules.CheckAcross("new-hires", 0, report));
        Assert.Equal(OutlierFlags.None, OutlierRules.CheckAcross("new-hires", 11, new Dictionary<string, long>()));
        Assert.Equal(OutlierFlags.None, OutlierRules.CheckAcross("revenue", 11, report));
        Assert.Equal(OutlierFlags.None, OutlierRules.CheckAcross("headcount", 11, report));
    }

    [Fact]
    public void Negative_values_are_impossible_unless_the_kpi_allows_them()
    {
        var revenue = StandardKpis.Create().Single(k => k.Code == "revenue");
        var net = KpiDefinition.Create("net-change", "순증감", "Net change", KpiUnit.Persons, KpiKind.Flow, false, 999, allowsNegative: true);
        Assert.True(OutlierRules.IsImpossible(revenue, -1));
        Assert.True(OutlierRules.IsImpossible(revenue, long.MinValue));
        Assert.False(OutlierRules.IsImpossible(revenue, 0));
        Assert.False(OutlierRules.IsImpossible(revenue, long.MaxValue));
        Assert.False(OutlierRules.IsImpossible(net, -1));
        Assert.All(StandardKpis.Create(), k => Assert.True(OutlierRules.IsImpossible(k, -1)));
    }

    [Fact]
    public void Standard_kpis_are_eleven_with_unique_codes_and_both_names()
    {
        var kpis = StandardKpis.Create().ToList();
        Assert.Equal(11, kpis.Count);
        Assert.Equal(11, kpis.Select(k => k.Code).Distinct().Count());
        Assert.Equal(11, kpis.Select(k => k.SortOrder).Distinct().Count());
        Assert.All(kpis, k => Assert.False(string.IsNullOrWhiteSpace(k.NameKo) || string.IsNullOrWhiteSpace(k.NameEn)));
        Assert.Equal(KpiKind.Stock, kpis.Single(k => k.Code == "headcount").Kind);
        Assert.Single(kpis, k => k.Kind == KpiKind.Stock);
        Assert.Contains(kpis, k => k.Code == "new-hires");
        Assert.All(kpis.Where(k => k.Unit == KpiUnit.Krw), k => Assert.True(k.EvidenceRequired));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("매출")]
    [InlineData("revenue total")]
    [InlineData("revenue/q")]
    [InlineData("a234567890123456789012345678901234567890x")]
    public void A_kpi_code_is_short_lowercase_ascii(string code) =>
        Assert.Equal("Outcomes.Kpi.Error.Code", Assert.Throws<RuleException>(() =>
            KpiDefinition.Create(code, "이름", "Name", KpiUnit.Count, KpiKind.Flow, false, 1)).Key);

    [Fact]
    public void A_kpi_code_is_normalized_and_needs_both_names()
    {
        Assert.Equal("export-usd_2", KpiDefinition.Create(" Export-USD_2 ", "수출", "Exports", KpiUnit.Krw, KpiKind.Flow, true, 1).Code);
        Assert.Equal("Outcomes.Kpi.Error.Name", Assert.Throws<RuleException>(() =>
            KpiDefinition.Create("x", " ", "Name", KpiUnit.Count, KpiKind.Flow, false, 1)).Key);
        Assert.Equal("Outcomes.Kpi.Error.Name", Assert.Throws<RuleException>(() =>
            KpiDefinition.Create("x", "이름", "", KpiUnit.Count, KpiKind.Flow, false, 1)).Key);
        var kpi = KpiDefinition.Create("x", " 이름 ", " Name ", KpiUnit.Count, KpiKind.Flow, false, 1);
        Assert.Equal("이름", kpi.Name(false));
        Assert.Equal("Name", kpi.Name(true));
        Assert.True(kpi.Active);
    }
}
