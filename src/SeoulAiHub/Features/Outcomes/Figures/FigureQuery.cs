using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Features.Outcomes.Figures;

/// <summary>The filters of the dashboards, the report and the exports as typed in the address (all optional).</summary>
public sealed record FigureQueryInput(string? Site, string? Grain, string? From, string? To, string? Kpi);

/// <summary>
/// The filters checked: the range of periods, the site and the KPI of the detail views. <see cref="Empty"/> means
/// nothing is locked yet (no figures to show); <see cref="Errors"/> holds the message keys of input that was wrong.
/// </summary>
public sealed record FigureQuery(DashboardFilter? Filter, string KpiCode, PeriodGrain Grain, IReadOnlyList<string> Errors, bool Empty)
{
    public bool IsValid => Errors.Count == 0 && Filter is not null;
}

/// <summary>
/// Reads the filters the same way for every page and export, so a link copied from the dashboard gives the file with
/// the same figures. Defaults: quarters, the last 8 periods up to the latest one with official figures, revenue.
/// </summary>
public sealed class FigureQueries(HubDb db, OutcomeFigures figures)
{
    public const int DefaultPeriods = 8;
    public const int MaxPeriods = 60;
    public const string DefaultKpi = "revenue";

    public async Task<FigureQuery> ReadAsync(FigureQueryInput input, bool isPublic, CancellationToken ct = default)
    {
        var errors = new List<string>();
        PeriodGrain? grain = null;
        if (!string.IsNullOrWhiteSpace(input.Grain))
        {
            grain = FormValue.Enum<PeriodGrain>(input.Grain);
            if (grain is null)
            {
                errors.Add("Outcomes.Figures.Error.Grain");
            }
        }

        ReportingPeriod? from = Parse(input.From, errors);
        ReportingPeriod? to = Parse(input.To, errors);
        if (from is { } f1 && to is { } t1)
        {
            if (f1.Grain != t1.Grain)
            {
                errors.Add("Outcomes.Figures.Error.MixedGrain");
            }
            else if (f1 > t1)
            {
                errors.Add("Outcomes.Figures.Error.Order");
            }
            else if ((t1.EndMonth - f1.EndMonth) / f1.Months + 1 > MaxPeriods)
            {
                errors.Add("Outcomes.Figures.Error.TooLong");
            }
        }

        var chosen = grain ?? to?.Grain ?? from?.Grain ?? PeriodGrain.Quarter;
        if ((to is { } t2 && t2.Grain != chosen) || (from is { } f2 && f2.Grain != chosen))
        {
            errors.Add("Outcomes.Figures.Error.MixedGrain");
        }

        Guid? siteId = null;
        if (!string.IsNullOrWhiteSpace(input.Site))
        {
            if (FormValue.Id(input.Site) is { } site && await db.SiteExistsAsync(site, ct))
            {
                siteId = site;
            }
            else
            {
                errors.Add("Outcomes.Figures.Error.Site");
            }
        }

        var kpi = string.IsNullOrWhiteSpace(input.Kpi) ? DefaultKpi : input.Kpi.Trim().ToLowerInvariant();
        if (!await db.KpiDefinitions.AnyAsync(k => k.Code == kpi && k.Active, ct))
        {
            if (!string.IsNullOrWhiteSpace(input.Kpi))
            {
                errors.Add("Outcomes.Figures.Error.Kpi");
            }

            kpi = await db.KpiDefinitions.Where(k => k.Active).OrderBy(k => k.SortOrder).Select(k => k.Code)
                .FirstOrDefaultAsync(ct) ?? DefaultKpi;
        }

        if (errors.Count > 0)
        {
            return new FigureQuery(null, kpi, chosen, errors.Distinct().ToList(), false);
        }

        var end = to;
        if (end is null)
        {
            end = from is { } f3 ? Last(f3, DefaultPeriods) : await figures.LatestPeriodAsync(chosen, ct);
            if (end is null)
            {
                return new FigureQuery(null, kpi, chosen, [], true);
            }
        }

        var start = from ?? First(end.Value, DefaultPeriods);
        return new FigureQuery(new DashboardFilter(start, end.Value, siteId, isPublic), kpi, chosen, [], false);
    }

    /// <summary>The period <paramref name="count"/> − 1 periods before <paramref name="last"/>, of its grain.</summary>
    public static ReportingPeriod First(ReportingPeriod last, int count)
    {
        var p = last;
        for (var i = 1; i < count; i++)
        {
            p = p.Previous;
        }

        return p;
    }

    private static ReportingPeriod Last(ReportingPeriod first, int count)
    {
        var p = first;
        for (var i = 1; i < count; i++)
        {
            p = p.Next;
        }

        return p;
    }

    private static ReportingPeriod? Parse(string? text, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ReportingPeriod.TryParse(text, out var period))
        {
            return period;
        }

        errors.Add("Outcomes.Figures.Error.Period");
        return null;
    }
}
