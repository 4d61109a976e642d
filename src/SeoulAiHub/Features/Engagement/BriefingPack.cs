using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Engagement;

/// <summary>One KPI's last reported quarters for one organization (oldest first), for the briefing's trend.</summary>
public sealed record KpiTrend(KpiDefinition Kpi, IReadOnlyList<(ReportingPeriod Period, long Value)> Values)
{
    public long Latest => Values[^1].Value;

    /// <summary>Change on the quarter before, when both exist and the earlier is not zero.</summary>
    public double? Change => Values.Count >= 2 && Values[^2].Value != 0 ? (double)(Values[^1].Value - Values[^2].Value) /
        Math.Abs(Values[^2].Value) : null;
}

public sealed record TenancyBrief(TenancyStatus Status, DateOnly? AdmittedOn, DateOnly? MovedInOn, DateOnly? PlannedEndOn,
    IReadOnlyList<RoomBrief> Rooms);

public sealed record RoomBrief(string SiteKo, string SiteEn, int Floor, string Number);

public sealed record ProgramBrief(string ProgramKo, string ProgramEn, string CallKo, string CallEn,
    ApplicationStatus Status, long? AwardKrw);

/// <summary>What the briefing says about one visited organization.</summary>
public sealed record OrganizationBrief(Organization Organization, TenancyBrief? Tenancy, IReadOnlyList<KpiTrend> Kpis,
    IReadOnlyList<ProgramBrief> Programs, IReadOnlyList<OpinionLine> OpenOpinions, int OpenTotal)
{
    /// <summary>
    /// Open opinions not listed (the pack lists the newest <see cref="FollowUpReports.BriefingOpinionsPerOrganization"/>).
    /// </summary>
    public int OpenNotListed => OpenTotal - OpenOpinions.Count;
}

public sealed record StopBrief(VisitStop Stop, string? SiteKo, string? SiteEn, OrganizationBrief? Organization,
    IReadOnlyList<ItineraryConflict> Conflicts);

/// <summary>브리핑 자료 — the visit, who comes, and per stop what the visitors should know.</summary>
public sealed record BriefingPack(Visit Visit, string? SiteKo, string? SiteEn, IReadOnlyList<StopBrief> Stops,
    IReadOnlyList<ItineraryConflict> Conflicts);

/// <summary>
/// Builds a visit's briefing pack: per stop the organization's profile, tenancy and rooms, latest KPIs with their trend
/// over the last four reported quarters, the programs it takes part in (selected or beyond), and its opinions whose
/// follow-up is not completed (the newest few, and how many more). A handful of queries per pack, each for all stops at once.
/// </summary>
public sealed class BriefingPacks(HubDb db, VisitPlanner planner, FollowUpReports followUps)
{
    public const int TrendQuarters = 4;

    private static readonly ApplicationStatus[] TakingPart =
        [ApplicationStatus.Selected, ApplicationStatus.Agreement, ApplicationStatus.InProgress, ApplicationStatus.Completed];

    public async Task<BriefingPack?> ForVisitAsync(Guid visitId, CancellationToken ct = default)
    {
        var visit = await db.Visits.AsNoTracking().AsSplitQuery()
            .Include(v => v.Participants).Include(v => v.Stops)
            .SingleOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null)
        {
            return null;
        }

        var conflicts = await planner.ConflictsAsync(visit, ct);
        var organizationIds = visit.Stops.Where(s => s.OrganizationId != null).Select(s => s.OrganizationId!.Value).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().AsSplitQuery()
            .Include(o => o.Domains).Include(o => o.Industries)
            .Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, ct);
        var tenancies = await TenanciesAsync(organizationIds, visit.Date, ct);
        var kpis = await KpisAsync(organizationIds, ct);
        var programs = (await db.Applications.AsNoTracking()
                .Where(a => organizationIds.Contains(a.OrganizationId) && TakingPart.Contains(a.Status))
                .OrderByDescending(a => a.DecidedAt)
                .Select(a => new { a.OrganizationId, Line = new ProgramBrief(a.Call.Program.NameKo, a.Call.Program.NameEn, a.Call.TitleKo,
                    a.Call.TitleEn, a.Status, a.AwardKrw) })
                .ToListAsync(ct))
            .ToLookup(p => p.OrganizationId, p => p.Line);
        var (openReport, openCounts) = await followUps.OpenForOrganizationsAsync(organizationIds, ct);
        var open = openReport.Opinions.ToLookup(o => o.OrganizationId);
        var siteIds = visit.Stops.Select(s => s.SiteId).Append(visit.SiteId).OfType<Guid>().Distinct().ToList();
        var sites = await db.AllSites().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

        var stops = visit.StopsInOrder().Select(stop =>
        {
            OrganizationBrief? brief = stop.OrganizationId is { } id && organizations.TryGetValue(id, out var organization)
                ? new OrganizationBrief(organization, tenancies.GetValueOrDefault(id), kpis[id].ToList(),
                    programs[id].ToList(), open[id].ToList(), openCounts.GetValueOrDefault(id))
                : null;
            var site = stop.SiteId is { } s ? sites.GetValueOrDefault(s) : null;
            return new StopBrief(stop, site?.NameKo, site?.NameEn, brief, conflicts.Of(stop.Id).ToList());
        }).ToList();
        var visitSite = visit.SiteId is { } vs ? sites.GetValueOrDefault(vs) : null;
        return new BriefingPack(visit, visitSite?.NameKo, visitSite?.NameEn, stops, conflicts);
    }

    private async Task<Dictionary<Guid, TenancyBrief>> TenanciesAsync(List<Guid> organizationIds, DateOnly day, CancellationToken ct)
    {
        var tenancies = await db.Tenancies.AsNoTracking()
            .Where(t => organizationIds.Contains(t.OrganizationId))
            .OrderByDescending(t => t.AppliedOn)
            .Select(t => new
            {
                t.OrganizationId, t.Status, t.AdmittedOn, t.MovedInOn, t.PlannedEndOn,
                Rooms = t.Rooms.Where(r => r.StartsOn <= day && (r.EndsOn == null || r.EndsOn > day))
                    .Select(r => new RoomBrief(r.Room.Floor.Site.NameKo, r.Room.Floor.Site.NameEn, r.Room.Floor.Level, r.Room.Number))
                    .ToList(),
            })
            .ToListAsync(ct);

        // The latest tenancy per organization: an organization that left and came back is briefed on its current stay.
        return tenancies.GroupBy(t => t.OrganizationId)
            .ToDictionary(g => g.Key, g => g.First() is var t ? new TenancyBrief(t.Status, t.AdmittedOn, t.MovedInOn,
                t.PlannedEndOn, t.Rooms) : null!);
    }

    private async Task<ILookup<Guid, KpiTrend>> KpisAsync(List<Guid> organizationIds, CancellationToken ct)
    {
        var definitions = await db.KpiDefinitions.AsNoTracking().Where(k => k.Active).OrderBy(k => k.SortOrder).ToListAsync(ct);
        var activeIds = definitions.Select(k => k.Id).ToList();

        // Quarterly facts only: a year's figure would not line up with the quarters of the trend.
        var facts = await db.KpiFacts.AsNoTracking()
            .Where(f => organizationIds.Contains(f.OrganizationId) && f.Months == 3 && activeIds.Contains(f.KpiId))
            .Select(f => new { f.OrganizationId, f.KpiId, f.EndMonth, f.Value })
            .ToListAsync(ct);
        var trends = new List<(Guid Organization, KpiTrend Trend)>();
        foreach (var organization in facts.GroupBy(f => f.OrganizationId))
        {
            var quarters = organization.Select(f => f.EndMonth).Distinct().OrderDescending().Take(TrendQuarters).ToHashSet();
            foreach (var kpi in definitions)
            {
                var values = organization.Where(f => f.KpiId == kpi.Id && quarters.Contains(f.EndMonth)).OrderBy(f => f.EndMonth)
                    .Select(f => (ReportingPeriod.FromStored(f.EndMonth, 3), f.Value)).ToList();
                if (values.Count > 0)
                {
                    trends.Add((organization.Key, new KpiTrend(kpi, values)));
                }
            }
        }

        return trends.ToLookup(t => t.Organization, t => t.Trend);
    }
}
