using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Facilities;

/// <summary>One facility in one month: hours held by bookings against hours open.</summary>
public sealed record UtilizationRow(Guid FacilityId, string NameKo, string NameEn, string Month, double BookedHours, double OpenHours)
{
    public double Percent => OpenHours <= 0 ? 0 : Math.Round(100 * BookedHours / OpenHours, 1);

    public string Name(bool english) => english ? NameEn : NameKo;
}

/// <summary>Hours an organization's bookings held in the period (null: staff and public individuals).</summary>
public sealed record OrganizationUsage(Guid? OrganizationId, string? NameKo, string? NameEn, double Hours, int Bookings);

public sealed record Utilization(DateOnly FirstMonth, int Months, IReadOnlyList<UtilizationRow> Facilities,
    IReadOnlyList<OrganizationUsage> Organizations);

/// <summary>
/// 이용률 보고 — per facility and KST month, the hours held by bookings that were used or kept to the end (confirmed,
/// checked in, released no-shows count as held) against the hours the facility was open (its weekdays and hours, less
/// public holidays unless it opens on them); and per organization, the hours its bookings held.
/// </summary>
public sealed class UtilizationReports(HubDb db)
{
    public const int MaxMonths = 12;

    public async Task<Utilization> BuildAsync(DateOnly firstMonth, int months, CancellationToken ct = default)
    {
        firstMonth = new DateOnly(firstMonth.Year, firstMonth.Month, 1);
        months = Math.Clamp(months, 1, MaxMonths);
        var from = Grid.At(firstMonth, TimeOnly.MinValue);
        var to = Grid.At(firstMonth.AddMonths(months), TimeOnly.MinValue);
        var facilities = await db.Facilities.AsNoTracking().Where(f => f.Active).OrderBy(f => f.NameKo).ToListAsync(ct);
        var holidays = (await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= firstMonth && h.Date < firstMonth.AddMonths(months))
            .Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        var held = await db.Bookings.AsNoTracking()
            .Where(b => b.StartsAt >= from && b.StartsAt < to
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn || b.Status == BookingStatus.Released))
            .Select(b => new { b.FacilityId, b.OrganizationId, b.StartsAt, b.Minutes }).ToListAsync(ct);

        var byFacilityMonth = held.GroupBy(b => (b.FacilityId, Month(Grid.KstDate(b.StartsAt))))
            .ToDictionary(g => g.Key, g => g.Sum(b => b.Minutes) / 60.0);
        var rows = new List<UtilizationRow>();
        foreach (var f in facilities)
        {
            for (var m = 0; m < months; m++)
            {
                var month = firstMonth.AddMonths(m);
                var open = 0.0;
                for (var d = month; d < month.AddMonths(1); d = d.AddDays(1))
                {
                    open += f.IsOpenOn(d, holidays) ? (f.ClosesAt - f.OpensAt).TotalHours : 0;
                }

                rows.Add(new UtilizationRow(f.Id, f.NameKo, f.NameEn, Month(month),
                    byFacilityMonth.GetValueOrDefault((f.Id, Month(month))), open));
            }
        }

        var organizationIds = held.Where(b => b.OrganizationId != null).Select(b => b.OrganizationId!.Value).Distinct().ToList();
        var names = await db.OrganizationsByIdAsync(organizationIds, ct);
        var organizations = held.GroupBy(b => b.OrganizationId)
            .Select(g => new OrganizationUsage(g.Key, g.Key is { } id ? names[id].NameKo : null,
                g.Key is { } id2 ? names[id2].NameEn : null, g.Sum(b => b.Minutes) / 60.0, g.Count()))
            .OrderByDescending(o => o.Hours).ToList();
        return new Utilization(firstMonth, months, rows, organizations);
    }

    private static string Month(DateOnly date) => $"{date.Year:0000}-{date.Month:00}";
}
