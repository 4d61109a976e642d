using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>
/// 확정 성과 — an official value: one organization, one KPI, one period, written when its campaign is locked and never
/// changed after. Kept narrow (integers only) because there are millions: 10,000 organizations × 11 KPIs × 40 quarters.
/// </summary>
public sealed class KpiFact
{
    public long Id { get; private init; }
    public Guid OrganizationId { get; private init; }
    public Guid KpiId { get; private init; }
    public int EndMonth { get; private init; }
    public int Months { get; private init; }
    public long Value { get; private init; }
    public Guid CampaignId { get; private init; }

    /// <summary>The organization's site when the campaign locked (for the site filter of top movers); null without a room.</summary>
    public Guid? SiteId { get; private init; }

    public ReportingPeriod Period => ReportingPeriod.FromStored(EndMonth, Months);

    public static KpiFact Of(Guid organizationId, Guid kpiId, ReportingPeriod period, long value, Guid campaignId, Guid? siteId) => new()
    {
        OrganizationId = organizationId, KpiId = kpiId, EndMonth = period.EndMonth, Months = period.Months, Value = value,
        CampaignId = campaignId, SiteId = siteId,
    };
}

/// <summary>The segment a rollup row counts: the whole hub, or one technology domain, organization type or program.</summary>
public enum RollupDimension
{
    Total,
    Domain,
    Type,
    Program,
}

/// <summary>
/// 집계 — the sum of one KPI over one segment of one campaign's organizations at one site, with how many reported and
/// how many were asked. Written with the facts when a campaign locks, from each organization's site, type, domains and
/// awards as they stand then: an official figure does not move when a company later changes its profile. Dashboards
/// read these few thousand rows, never the millions of facts.
/// </summary>
public sealed class KpiRollup
{
    public long Id { get; private init; }
    public Guid CampaignId { get; private init; }
    public Guid KpiId { get; private init; }
    public int EndMonth { get; private init; }
    public int Months { get; private init; }

    /// <summary>The site the organizations were at; null for organizations without a room.</summary>
    public Guid? SiteId { get; private init; }
    public RollupDimension Dimension { get; private init; }

    /// <summary>Domain code, organization type or program id; empty for the total.</summary>
    public string Key { get; private init; } = "";
    public long Sum { get; private init; }

    /// <summary>Organizations whose value is in <see cref="Sum"/>.</summary>
    public int Reporting { get; private init; }

    /// <summary>Organizations asked; the difference is reported as missing.</summary>
    public int Expected { get; private init; }

    public static KpiRollup Of(Guid campaignId, Guid kpiId, ReportingPeriod period, Guid? siteId, RollupDimension dimension, string key,
        long sum, int reporting, int expected) => new()
    {
        CampaignId = campaignId, KpiId = kpiId, EndMonth = period.EndMonth, Months = period.Months, SiteId = siteId,
        Dimension = dimension, Key = key, Sum = sum, Reporting = reporting, Expected = expected,
    };
}

internal sealed class KpiFactConfiguration : IEntityTypeConfiguration<KpiFact>
{
    public void Configure(EntityTypeBuilder<KpiFact> b)
    {
        b.ToTable("KpiFacts");
        b.Ignore(f => f.Period);

        // One official value per organization, KPI and period; also the path of "this organization's history".
        b.HasIndex(f => new { f.OrganizationId, f.KpiId, f.EndMonth, f.Months }).IsUnique();

        // Top movers read one KPI's values of two periods across all organizations (80,000 rows for two years of
        // quarters). With every column the query needs in the key, the index answers it alone: no lookup of 80,000
        // table rows (SQLite has no INCLUDE, so the columns are key columns on both providers). See benchmarks.md.
        b.HasIndex(f => new { f.KpiId, f.EndMonth, f.Months, f.OrganizationId, f.Value, f.SiteId });
        b.HasIndex(f => f.CampaignId);
    }
}

internal sealed class KpiRollupConfiguration : IEntityTypeConfiguration<KpiRollup>
{
    public void Configure(EntityTypeBuilder<KpiRollup> b)
    {
        b.ToTable("KpiRollups");
        b.Property(r => r.Dimension).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Key).HasMaxLength(40);
        b.HasIndex(r => new { r.Dimension, r.EndMonth, r.KpiId });
        b.HasIndex(r => r.CampaignId);
    }
}
