using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>
/// One dashboard with the names its segments need (technology domains by code, programs by id, the site). The
/// dashboard page, the public page, the report and every export are written from one of these, so they cannot
/// disagree about a figure.
/// </summary>
public sealed record FigureSheet(
    Dashboard Dashboard,
    IReadOnlyDictionary<string, (string Ko, string En)> Domains,
    IReadOnlyDictionary<Guid, (string Ko, string En)> Programs,
    (string Ko, string En)? Site)
{
    public DashboardFilter Filter => Dashboard.Filter;
    public ReportingPeriod Current => Dashboard.Filter.To;
    public bool Public => Dashboard.Filter.Public;

    /// <summary>Whether any KPI has an official figure in any period shown.</summary>
    public bool HasData => Dashboard.Kpis.Any(k => k.Trend.Any(f => f.HasData) || k.Current.HasData);

    public KpiFigures? Kpi(string code) => Dashboard.Kpis.FirstOrDefault(k => k.Kpi.Code == code)
        ?? (Dashboard.Kpis.Count > 0 ? Dashboard.Kpis[0] : null);

    /// <summary>A domain's name; "-" is the organizations without a domain (the caller passes the localized text).</summary>
    public string DomainName(string code, bool english, string noDomain) =>
        code == RollupBuilder.NoDomain ? noDomain : Domains.TryGetValue(code, out var n) ? (english ? n.En : n.Ko) : code;

    public string ProgramName(Guid id, bool english) => Programs.TryGetValue(id, out var n) ? (english ? n.En : n.Ko) : id.ToString();
}

/// <summary>Builds <see cref="FigureSheet"/>s: the dashboard from <see cref="OutcomeFigures"/> and the names beside it.</summary>
public sealed class FigureSheets(HubDb db, OutcomeFigures figures)
{
    public async Task<FigureSheet> LoadAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var dashboard = await figures.DashboardAsync(filter, ct);
        var domains = (await db.TechnologyDomains.AsNoTracking().Select(d => new { d.Code, d.NameKo, d.NameEn }).ToListAsync(ct))
            .ToDictionary(d => d.Code, d => (d.NameKo, d.NameEn));
        var programs = (await db.Programs.AsNoTracking().Select(p => new { p.Id, p.NameKo, p.NameEn }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => (p.NameKo, p.NameEn));
        (string, string)? site = null;
        if (filter.SiteId is { } siteId)
        {
            var s = await db.AllSites().Where(x => x.Id == siteId).Select(x => new { x.NameKo, x.NameEn }).FirstOrDefaultAsync(ct);
            site = s is null ? null : (s.NameKo, s.NameEn);
        }

        return new FigureSheet(dashboard, domains, programs, site);
    }
}

/// <summary>What the shared sections partial draws: one sheet, the KPI of the detail views, and whether it is the printed report.</summary>
public sealed record FigureSections(FigureSheet Sheet, string KpiCode, bool Report);

/// <summary>The filter form as shown: the choices and what was asked (kept as typed, so a wrong period can be corrected).</summary>
public sealed record FigureFilterForm(
    IReadOnlyList<(Guid Id, string NameKo, string NameEn)> Sites,
    IReadOnlyList<KpiDefinition> Kpis,
    string? Site, PeriodGrain Grain, string? From, string? To, string? Kpi,
    IReadOnlyList<string> Errors);
