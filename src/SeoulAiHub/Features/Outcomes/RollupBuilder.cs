using SeoulAiHub.Features.Organizations;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>The segments an organization counts in when its campaign locks.</summary>
public sealed record OrganizationSegments(Guid? SiteId, OrganizationType Type, IReadOnlyList<string> Domains,
    IReadOnlyList<Guid> AwardedPrograms);

/// <summary>One reported value, as the rollup sees it.</summary>
public readonly record struct ReportedValue(Guid OrganizationId, Guid KpiId, long Value);

/// <summary>
/// Sums one campaign's values into rollup rows: per KPI, site and segment (the total, each technology domain, each
/// organization type, each program the organization was awarded by), with how many organizations reported and how
/// many were asked. An organization without a domain counts under <see cref="NoDomain"/> so the domain rows still
/// account for everyone.
/// </summary>
public static class RollupBuilder
{
    public const string NoDomain = "-";

    public static List<KpiRollup> Build(Guid campaignId, ReportingPeriod period, IReadOnlyCollection<Guid> kpiIds,
        IReadOnlyDictionary<Guid, OrganizationSegments> asked, IEnumerable<ReportedValue> values)
    {
        var cells =
            new Dictionary<(Guid Kpi, Guid? Site, RollupDimension Dimension, string Key), (long Sum, int Reporting, int Expected)>();

        void Add(Guid kpi, OrganizationSegments org, long? value)
        {
            foreach (var (dimension, key) in SegmentsOf(org))
            {
                var cellKey = (kpi, org.SiteId, dimension, key);
                cells.TryGetValue(cellKey, out var cell);
                cells[cellKey] = value is { } v ? (cell.Sum + v, cell.Reporting + 1, cell.Expected)
                    : (cell.Sum, cell.Reporting, cell.Expected + 1);
            }
        }

        foreach (var org in asked.Values)
        {
            foreach (var kpi in kpiIds)
            {
                Add(kpi, org, null);
            }
        }

        foreach (var value in values)
        {
            // A value from an organization that was not asked (or for a KPI not asked) is not this campaign's to count.
            if (asked.TryGetValue(value.OrganizationId, out var org) && kpiIds.Contains(value.KpiId))
            {
                Add(value.KpiId, org, value.Value);
            }
        }

        return cells.Select(c => KpiRollup.Of(campaignId, c.Key.Kpi, period, c.Key.Site, c.Key.Dimension, c.Key.Key, c.Value.Sum,
            c.Value.Reporting, c.Value.Expected))
            .ToList();
    }

    private static IEnumerable<(RollupDimension, string)> SegmentsOf(OrganizationSegments org)
    {
        yield return (RollupDimension.Total, "");
        yield return (RollupDimension.Type, org.Type.ToString());
        if (org.Domains.Count == 0)
        {
            yield return (RollupDimension.Domain, NoDomain);
        }

        foreach (var domain in org.Domains.Distinct())
        {
            yield return (RollupDimension.Domain, domain);
        }

        foreach (var program in org.AwardedPrograms.Distinct())
        {
            yield return (RollupDimension.Program, program.ToString());
        }
    }
}
