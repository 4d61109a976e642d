using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Facilities;

/// <summary>Whose monthly hours a booking uses: an organization's, or a public individual's own.</summary>
public sealed record QuotaHolder(Guid? OrganizationId, Guid? PublicUserId);

/// <summary>
/// 월 이용 한도 — hours booked in a KST calendar month (of the booking's start) by an organization, or by a member of
/// the public, counting active bookings, late cancellations and no-shows. Staff bookings are exempt.
/// </summary>
public sealed class Quota(HubDb db, IOptions<FacilitiesOptions> options)
{
    /// <summary>The KST month [start, end) in UTC that a moment falls in.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) MonthOf(DateTimeOffset utc)
    {
        var date = Grid.KstDate(utc);
        var first = new DateOnly(date.Year, date.Month, 1);
        return (Grid.At(first, TimeOnly.MinValue), Grid.At(first.AddMonths(1), TimeOnly.MinValue));
    }

    /// <summary>Minutes left after adding <paramref name="wanted"/> minutes; negative means over the quota (pure).</summary>
    public static int MinutesLeft(int limitHours, int usedMinutes, int wantedMinutes) => limitHours * 60 - usedMinutes - wantedMinutes;

    public async Task<int> LimitHoursAsync(QuotaHolder holder, CancellationToken ct = default)
    {
        if (holder.OrganizationId is { } organization)
        {
            var own = await db.FacilityQuotas.AsNoTracking().Where(q => q.OrganizationId == organization).Select(q => (int?)q.MonthlyHours)
                .SingleOrDefaultAsync(ct);
            return own ?? options.Value.DefaultMonthlyHours;
        }

        return options.Value.PublicMonthlyHours;
    }

    public async Task<int> UsedMinutesAsync(QuotaHolder holder, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var bookings = db.Bookings.AsNoTracking().Where(b => !b.ByStaff && b.StartsAt >= from && b.StartsAt < to);
        bookings = holder.OrganizationId is { } organization
            ? bookings.Where(b => b.OrganizationId == organization)
            : bookings.Where(b => b.OrganizationId == null && b.BookedBy == holder.PublicUserId);
        return await bookings
            .Where(b => b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn
                || b.Status == BookingStatus.Offered || b.Status == BookingStatus.Released
                || (b.Status == BookingStatus.Cancelled && b.LateCancellation))
            .SumAsync(b => b.Minutes, ct);
    }

    /// <summary>
    /// Refuses when the new bookings (minutes per their start) would pass the holder's monthly hours; names the hours left.
    /// </summary>
    public async Task CheckAsync(QuotaHolder holder, IEnumerable<(DateTimeOffset StartsAt, int Minutes)> wanted,
        CancellationToken ct = default)
    {
        var limit = await LimitHoursAsync(holder, ct);
        foreach (var month in wanted.GroupBy(w => MonthOf(w.StartsAt)))
        {
            var used = await UsedMinutesAsync(holder, month.Key.From, month.Key.To, ct);
            var left = MinutesLeft(limit, used, month.Sum(w => w.Minutes));
            if (left < 0)
            {
                var before = Math.Max(0, limit * 60 - used);
                throw new RuleException(RuleKind.Conflict, "Facilities.Error.Quota", limit, (before / 60.0).ToString("0.##"),
                    Grid.KstDate(month.Key.From.AddDays(1)).ToString("yyyy-MM"));
            }
        }
    }
}
