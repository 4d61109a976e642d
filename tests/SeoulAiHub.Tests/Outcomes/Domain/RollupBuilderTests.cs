using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;

namespace SeoulAiHub.Tests.Outcomes.Domain;

public sealed class RollupBuilderTests
{
    private static readonly ReportingPeriod Q3 = ReportingPeriod.Of(PeriodGrain.Quarter, 2025, 3);
    private static readonly Guid Campaign = Guid.NewGuid();
    private static readonly Guid K1 = Guid.NewGuid();
    private static readonly Guid K2 = Guid.NewGuid();
    private static readonly Guid NotAsked = Guid.NewGuid();
    private static readonly Guid Site1 = Guid.NewGuid();
    private static readonly Guid Site2 = Guid.NewGuid();
    private static readonly Guid Program = Guid.NewGuid();
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid(), Stranger = Guid.NewGuid();

    private static readonly Dictionary<Guid, OrganizationSegments> Asked = new()
    {
        [A] = new(Site1, OrganizationType.Startup, ["vision", "nlp", "vision"], [Program, Program]),
        [B] = new(Site1, OrganizationType.Sme, [], []),
        [C] = new(Site2, OrganizationType.Startup, ["vision"], [Program]),
        [D] = new(null, OrganizationType.Startup, [], []),
    };

    private static readonly ReportedValue[] Values =
    [
        new(A, K1, 100), new(B, K1, 50), new(C, K1, 7), new(A, K2, 1),
        new(Stranger, K1, 999_999), new(A, NotAsked, 5),
    ];

    private static List<KpiRollup> Build() => RollupBuilder.Build(Campaign, Q3, [K1, K2], Asked, Values);

    private static KpiRollup Row(Guid kpi, Guid? site, RollupDimension dimension, string key = "") =>
        Assert.Single(Build(), r => r.KpiId == kpi && r.SiteId == site && r.Dimension == dimension && r.Key == key);

    private static (long, int, int) Of(KpiRollup row) => (row.Sum, row.Reporting, row.Expected);

    [Fact]
    public void Totals_per_site_count_who_reported_and_who_was_asked()
    {
        Assert.Equal((150L, 2, 2), Of(Row(K1, Site1, RollupDimension.Total)));
        Assert.Equal((7L, 1, 1), Of(Row(K1, Site2, RollupDimension.Total)));
        Assert.Equal((0L, 0, 1), Of(Row(K1, null, RollupDimension.Total)));   // asked, no value: expected only
        Assert.Equal((1L, 1, 2), Of(Row(K2, Site1, RollupDimension.Total)));
        Assert.Equal((0L, 0, 1), Of(Row(K2, Site2, RollupDimension.Total)));
        Assert.All(Build(), r =>
        {
            Assert.Equal(Campaign, r.CampaignId);
            Assert.Equal(Q3.EndMonth, r.EndMonth);
            Assert.Equal(Q3.Months, r.Months);
            Assert.True(r.Reporting <= r.Expected);
        });
        Assert.Equal(157, Build().Where(r => r.KpiId == K1 && r.Dimension == RollupDimension.Total).Sum(r => r.Sum));
        Assert.Equal(4, Build().Where(r => r.KpiId == K1 && r.Dimension == RollupDimension.Total).Sum(r => r.Expected));
    }

    [Fact]
    public void Domains_count_each_organization_once_per_domain_and_the_unclassified_under_a_dash()
    {
        Assert.Equal((100L, 1, 1), Of(Row(K1, Site1, RollupDimension.Domain, "vision")));
        Assert.Equal((100L, 1, 1), Of(Row(K1, Site1, RollupDimension.Domain, "nlp")));
        Assert.Equal((50L, 1, 1), Of(Row(K1, Site1, RollupDimension.Domain, RollupBuilder.NoDomain)));
        Assert.Equal((7L, 1, 1), Of(Row(K1, Site2, RollupDimension.Domain, "vision")));
        Assert.Equal((0L, 0, 1), Of(Row(K1, null, RollupDimension.Domain, "-")));
        Assert.Equal(3, Build().Count(r => r.KpiId == K1 && r.SiteId == Site1 && r.Dimension == RollupDimension.Domain));
    }

    [Fact]
    public void Types_and_programs_are_segments_of_their_own()
    {
        Assert.Equal((100L, 1, 1), Of(Row(K1, Site1, RollupDimension.Type, nameof(OrganizationType.Startup))));
        Assert.Equal((50L, 1, 1), Of(Row(K1, Site1, RollupDimension.Type, nameof(OrganizationType.Sme))));
        Assert.Equal((7L, 1, 1), Of(Row(K1, Site2, RollupDimension.Type, nameof(OrganizationType.Startup))));
        Assert.Equal((0L, 0, 1), Of(Row(K1, null, RollupDimension.Type, nameof(OrganizationType.Startup))));
        Assert.Equal((100L, 1, 1), Of(Row(K1, Site1, RollupDimension.Program, Program.ToString())));   // awarded twice, counted once
        Assert.Equal((7L, 1, 1), Of(Row(K1, Site2, RollupDimension.Program, Program.ToString())));
        Assert.Equal((1L, 1, 1), Of(Row(K2, Site1, RollupDimension.Program, Program.ToString())));
        Assert.DoesNotContain(Build(), r => r.Dimension == RollupDimension.Program && r.SiteId == null);
    }

    [Fact]
    public void Values_of_organizations_or_kpis_not_asked_are_ignored()
    {
        var rows = Build();
        Assert.DoesNotContain(rows, r => r.KpiId == NotAsked);
        Assert.DoesNotContain(rows, r => r.Sum >= 999_999);
        Assert.Equal(2, rows.Select(r => r.KpiId).Distinct().Count());
    }

    [Fact]
    public void Nothing_asked_is_nothing_written()
    {
        Assert.Empty(RollupBuilder.Build(Campaign, Q3, [K1], new Dictionary<Guid, OrganizationSegments>(), Values));
        Assert.Empty(RollupBuilder.Build(Campaign, Q3, [], Asked, Values));
    }

    [Fact]
    public void The_rows_feed_aggregation_to_the_same_total()
    {
        var cells = Build().Where(r => r.KpiId == K1 && r.Dimension == RollupDimension.Total)
            .Select(r => new RollupCell(r.EndMonth, r.Months, r.Sum, r.Reporting, r.Expected));
        var figure = Aggregation.Of(KpiKind.Flow, Q3, cells);
        Assert.Equal(new Figure(157, 3, 4, 1, false, false), figure);
        Assert.Equal(new Figure(157, 3, 4, 1, false, false), Aggregation.Of(KpiKind.Flow, ReportingPeriod.Of(PeriodGrain.Half, 2025, 2),
            cells) with { Partial = false });
        Assert.True(Aggregation.Of(KpiKind.Flow, ReportingPeriod.Of(PeriodGrain.Half, 2025, 2), cells).Partial);
    }
}
