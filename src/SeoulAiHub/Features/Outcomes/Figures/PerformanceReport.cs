using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>A program's results in the period: its calls that closed then and what became of their applications.</summary>
public sealed record ProgramResult(Guid ProgramId, string NameKo, string NameEn, int CallsClosed, int Applications, int Selected,
    long AwardedKrw, int AgreementsInProgress, int AgreementsCompleted);

/// <summary>Tenancy in the period: residents at its end, and admissions, graduations and exits during it.</summary>
public sealed record TenancyFigures(int Residents, int Admitted, int Graduated, int Exited);

public sealed record SiteRate(Guid SiteId, string NameKo, string NameEn, int Rooms, int OccupiedRooms, decimal Rate);

/// <summary>An organization awarded in the period (지원 기업), with the program, the call and the award.</summary>
public sealed record SupportedOrganization(Guid OrganizationId, string NameKo, string NameEn, string ProgramKo, string ProgramEn,
    string CallKo, string CallEn, long? AwardKrw, DateTimeOffset DecidedAt);

/// <summary>
/// 운영성과 보고서 — everything the council's report for one period shows: the figures (one <see cref="FigureSheet"/>
/// with the 8 periods up to the chosen one), program results, tenancy and occupancy, and the organizations supported.
/// </summary>
public sealed record PerformanceReport(FigureSheet Sheet, ReportingPeriod Period, DateTimeOffset MadeAt,
    IReadOnlyList<ProgramResult> Programs, TenancyFigures Tenancy, IReadOnlyList<SiteRate> Occupancy,
    IReadOnlyList<SupportedOrganization> Supported);

public sealed class PerformanceReports(HubDb db, FigureSheets sheets, OccupancyReport occupancy, TimeProvider clock)
{
    public const int TrendPeriods = 8;

    public async Task<PerformanceReport> LoadAsync(ReportingPeriod period, Guid? siteId, CancellationToken ct = default)
    {
        var filter = new DashboardFilter(FigureQueries.First(period, TrendPeriods), period, siteId, Public: false);
        var sheet = await sheets.LoadAsync(filter, ct);
        var startUtc = new DateTimeOffset(period.StartsOn.ToDateTime(TimeOnly.MinValue), Kst.Offset);
        var endUtc = new DateTimeOffset(period.EndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue), Kst.Offset);
        bool Inside(DateTimeOffset? at) => at is { } a && a >= startUtc && a < endUtc;

        // Calls and applications are hundreds, not millions; the instants are compared in memory (SQLite keeps them as numbers).
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.NameKo)
            .Select(p => new { p.Id, p.NameKo, p.NameEn }).ToListAsync(ct);
        var calls = (await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published)
            .Select(c => new { c.Id, c.ProgramId, c.ClosesAt, c.TitleKo, c.TitleEn }).ToListAsync(ct));
        var closed = calls.Where(c => Inside(c.ClosesAt)).ToDictionary(c => c.Id);
        var closedIds = closed.Keys.ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => closedIds.Contains(a.CallId) &&
            a.Status != ApplicationStatus.Draft)
            .Select(a => new { a.CallId, a.Status, a.AwardKrw }).ToListAsync(ct);
        var results = programs.Select(p =>
        {
            var own = applications.Where(a => closed[a.CallId].ProgramId == p.Id).ToList();
            var selected = own.Where(a => OutcomeRollups.Awarded.Contains(a.Status)).ToList();
            return new ProgramResult(p.Id, p.NameKo, p.NameEn, closed.Values.Count(c => c.ProgramId == p.Id), own.Count, selected.Count,
                selected.Sum(a => a.AwardKrw ?? 0),
                own.Count(a => a.Status is ApplicationStatus.Agreement or ApplicationStatus.InProgress),
                own.Count(a => a.Status == ApplicationStatus.Completed));
        }).Where(r => r.CallsClosed > 0).ToList();

        var start = period.StartsOn;
        var end = period.EndsOn;
        var tenancy = new TenancyFigures(
            await db.Tenancies.CountAsync(t => t.MovedInOn != null && t.MovedInOn <= end && (t.EndedOn == null || t.EndedOn > end), ct),
            await db.Tenancies.CountAsync(t => t.AdmittedOn != null && t.AdmittedOn >= start && t.AdmittedOn <= end, ct),
            await db.Tenancies.CountAsync(t => t.Status == Organizations.TenancyStatus.Graduated && t.EndedOn >= start &&
                t.EndedOn <= end, ct),
            await db.Tenancies.CountAsync(t => t.Status == Organizations.TenancyStatus.Exited && t.EndedOn >= start &&
                t.EndedOn <= end, ct));

        var rates = new List<SiteRate>();
        foreach (var site in await occupancy.SitesAsync(ct))
        {
            if ((siteId is null || site.Id == siteId) && await occupancy.ForSiteAsync(site.Id, end, ct) is { } o)
            {
                rates.Add(new SiteRate(site.Id, site.NameKo, site.NameEn, o.RoomCount, o.OccupiedRooms, o.Rate));
            }
        }

        var awarded = await db.Applications.AsNoTracking()
            .Where(a => OutcomeRollups.Awarded.Contains(a.Status) && a.DecidedAt != null)
            .Select(a => new
            {
                a.OrganizationId, OrgKo = a.Organization.NameKo, OrgEn = a.Organization.NameEn, a.Call.ProgramId,
                CallKo = a.Call.TitleKo, CallEn = a.Call.TitleEn, a.AwardKrw, a.DecidedAt,
            })
            .ToListAsync(ct);
        var programNames = programs.ToDictionary(p => p.Id);
        var supported = awarded.Where(a => Inside(a.DecidedAt))
            .OrderBy(a => a.OrgKo, StringComparer.Ordinal).ThenBy(a => a.DecidedAt)
            .Select(a => new SupportedOrganization(a.OrganizationId, a.OrgKo, a.OrgEn,
                programNames.TryGetValue(a.ProgramId, out var p) ? p.NameKo : "", p?.NameEn ?? "", a.CallKo, a.CallEn, a.AwardKrw,
                a.DecidedAt!.Value))
            .ToList();

        return new PerformanceReport(sheet, period, clock.GetUtcNow(), results, tenancy, rates, supported);
    }
}
