using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Platform.Data;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

public sealed record BookingRequest(Guid FacilityId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Purpose, int Attendees,
    Guid? OrganizationId = null);

public sealed record SeriesRequest(Guid FacilityId, RecurrenceRule Rule, string? Purpose, int Attendees, Guid? OrganizationId = null);

/// <summary>
/// What booking a series did: every free occurrence is booked (in one transaction); taken occurrences are reported,
/// not fatal, and dates left out by the rule (exceptions, holidays, closed days) are listed with the reason.
/// </summary>
public sealed record SeriesResult(BookingSeries Series, IReadOnlyList<Booking> Booked, IReadOnlyList<Occurrence> Taken,
    IReadOnlyList<SkippedDate> Skipped);

/// <summary>
/// 예약 창구 — every write of facility booking: book, book a series, approve, reject, cancel, check in, answer a
/// waitlist offer, join or leave the waitlist. Who may do what is checked here (<see cref="Booker"/>). A booking and
/// its cell claims are saved in one transaction; the claims' primary key refuses a second booking of any of the same
/// cells, also from a concurrent request, and that refusal becomes the rule error "already booked". Freed cells are
/// offered to the waitlist after the freeing transaction commits, one offer per transaction.
/// </summary>
public sealed partial class BookingDesk(HubDb db, FacilitiesAccess access, Quota quota, HolidayCalendar holidays, Notifier notifier,
    IOptions<FacilitiesOptions> options, TimeProvider clock, ILogger<BookingDesk> log)
{
    public async Task<Booking> BookAsync(Guid userId, BookingRequest request, CancellationToken ct = default)
    {
        var (booker, facility, organization) = await BookingForAsync(userId, request.FacilityId, request.OrganizationId, ct);
        var now = clock.GetUtcNow();
        await CheckSlotAsync(facility, request, now, ct);
        var booking = Booking.Request(facility, organization, userId, booker.IsStaff, request.Purpose, request.Attendees, request.StartsAt,
            request.EndsAt, null, now);

        await using var transaction = await BeginAsync(booker, organization, ct);
        Require(!await TakenAsync(facility.Id, booking.Claims, ct), RuleKind.Conflict, "Facilities.Error.Taken");
        await CheckQuotaAsync(booker, organization, [(booking.StartsAt, booking.Minutes)], ct);
        db.Bookings.Add(booking);
        await SaveClaimsAsync(ct);
        if (booking.Status == BookingStatus.Pending)
        {
            await TellOperatorsAsync(facility, booking, ct);
        }

        await transaction.CommitAsync(ct);
        return booking;
    }

    public async Task<SeriesResult> BookSeriesAsync(Guid userId, SeriesRequest request, CancellationToken ct = default)
    {
        var (booker, facility, organization) = await BookingForAsync(userId, request.FacilityId, request.OrganizationId, ct);
        request.Rule.Check();
        var now = clock.GetUtcNow();
        var closed = await holidays.DatesAsync(request.Rule.From, request.Rule.Until, ct);
        var expansion = Recurrence.Expand(request.Rule, closed, facility.OpenOnHolidays, facility.OpenDays);
        var series = BookingSeries.Create(facility.Id, organization, userId, request.Rule, request.Purpose, now);
        var candidates = expansion.Occurrences.Where(o => o.StartsAt > now).ToList();
        Require(candidates.Count > 0, "Facilities.Error.SeriesEmpty");
        var bookings = candidates.Select(o =>
        {
            facility.CheckSlot(o.StartsAt, o.EndsAt, request.Attendees, closed, now);
            return (Occurrence: o, Booking: Booking.Request(facility, organization, userId, booker.IsStaff, request.Purpose,
                request.Attendees, o.StartsAt, o.EndsAt, series.Id, now));
        }).ToList();

        await using var transaction = await BeginAsync(booker, organization, ct);
        var cells = bookings.SelectMany(b => b.Booking.Claims.Select(c => c.CellStart)).ToList();
        var (first, last) = (cells.Min(), cells.Max());
        var held = (await db.SlotClaims.AsNoTracking().Where(c => c.FacilityId == facility.Id && c.CellStart >= first &&
            c.CellStart <= last)
            .Select(c => c.CellStart).ToListAsync(ct)).ToHashSet();
        var free = bookings.Where(b => !b.Booking.Claims.Any(c => held.Contains(c.CellStart))).ToList();
        var taken = bookings.Where(b => b.Booking.Claims.Any(c => held.Contains(c.CellStart))).Select(b => b.Occurrence).ToList();
        Require(free.Count > 0, RuleKind.Conflict, "Facilities.Error.SeriesAllTaken");
        await CheckQuotaAsync(booker, organization, free.Select(b => (b.Booking.StartsAt, b.Booking.Minutes)), ct);
        db.BookingSeries.Add(series);
        db.Bookings.AddRange(free.Select(b => b.Booking));
        await SaveClaimsAsync(ct);
        if (free[0].Booking.Status == BookingStatus.Pending)
        {
            await TellOperatorsAsync(facility, free[0].Booking, ct);
        }

        await transaction.CommitAsync(ct);
        return new SeriesResult(series, free.Select(b => b.Booking).ToList(), taken, expansion.Skipped);
    }

    public async Task ApproveAsync(Guid bookingId, Guid userId, CancellationToken ct = default)
    {
        var (booking, facility, booker) = await LoadAsync(bookingId, userId, ct);
        Require(booker.IsStaff, RuleKind.Forbidden, "Facilities.Error.NotAllowed");
        booking.Approve(userId, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await TellBookerAsync(booking, facility, "예약 승인", "Booking approved", "예약이 승인되었습니다.", "Your booking was approved.", ct);
        await transaction.CommitAsync(ct);
    }

    public async Task RejectAsync(Guid bookingId, string? reason, Guid userId, CancellationToken ct = default)
    {
        var (booking, facility, booker) = await LoadAsync(bookingId, userId, ct);
        Require(booker.IsStaff, RuleKind.Forbidden, "Facilities.Error.NotAllowed");
        booking.Reject(reason, userId, clock.GetUtcNow());
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await FreeAsync(booking, null, ct);
            await TellBookerAsync(booking, facility, "예약 반려", "Booking rejected", $"예약이 반려되었습니다. 사유: {booking.Reason}",
                $"Your booking was rejected. Reason: {booking.Reason}", ct);
            await transaction.CommitAsync(ct);
        }

        await PromoteAsync(facility.Id, ct);
    }

    /// <summary>Cancels a pending or confirmed booking before its start; returns whether the cancellation was late.</summary>
    public async Task<bool> CancelAsync(Guid bookingId, Guid userId, CancellationToken ct = default)
    {
        var (booking, facility, booker) = await LoadAsync(bookingId, userId, ct);
        Require(booker.IsStaff || booker.Owns(booking.BookedBy, booking.OrganizationId), RuleKind.Forbidden, "Facilities.Error.NotAllowed");
        var late = booking.Cancel(facility, userId, clock.GetUtcNow());
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await FreeAsync(booking, null, ct);
            await transaction.CommitAsync(ct);
        }

        await PromoteAsync(facility.Id, ct);
        return late;
    }

    public async Task CheckInAsync(Guid bookingId, Guid userId, CancellationToken ct = default)
    {
        var (booking, facility, booker) = await LoadAsync(bookingId, userId, ct);
        Require(booker.IsStaff || booker.Owns(booking.BookedBy, booking.OrganizationId), RuleKind.Forbidden, "Facilities.Error.NotAllowed");
        booking.CheckIn(facility, userId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
