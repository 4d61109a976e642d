using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Time;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

/// <summary>The waitlist side of the desk: offers of freed cells, accepting or declining them, joining and leaving the
/// waitlist, and the background releases and expiries that free cells again.</summary>
public sealed partial class BookingDesk
{
    public async Task AcceptOfferAsync(Guid bookingId, Guid userId, CancellationToken ct = default)
    {
        var (booking, facility, booker) = await LoadAsync(bookingId, userId, ct);
        Require(booker.Owns(booking.BookedBy, booking.OrganizationId), RuleKind.Forbidden, "Facilities.Error.NotAllowed");
        var now = clock.GetUtcNow();
        booking.AcceptOffer(facility, userId, now);
        var entry = await db.WaitlistEntries.SingleAsync(w => w.Id == booking.WaitlistEntryId, ct);
        entry.OfferEnded(accepted: true, declined: false, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (booking.Status == BookingStatus.Pending)
        {
            await TellOperatorsAsync(facility, booking, ct);
        }

        await transaction.CommitAsync(ct);
    }

    public async Task DeclineOfferAsync(Guid bookingId, Guid userId, CancellationToken ct = default)
    {
        var (booking, facility, booker) = await LoadAsync(bookingId, userId, ct);
        Require(booker.Owns(booking.BookedBy, booking.OrganizationId), RuleKind.Forbidden, "Facilities.Error.NotAllowed");
        await EndOfferAsync(booking, userId, ct);
        await PromoteAsync(facility.Id, ct);
    }

    /// <summary>Joins the waitlist for a slot that is taken now (a free one is booked instead).</summary>
    public async Task<WaitlistEntry> JoinWaitlistAsync(Guid userId, BookingRequest request, CancellationToken ct = default)
    {
        var (booker, facility, organization) = await BookingForAsync(userId, request.FacilityId, request.OrganizationId, ct);
        var now = clock.GetUtcNow();
        await CheckSlotAsync(facility, request, now, ct);
        var entry = WaitlistEntry.Join(facility.Id, organization, userId, booker.IsStaff, request.Purpose, request.Attendees,
            request.StartsAt, request.EndsAt, now);
        Require(await TakenAsync(facility.Id, Grid.Cells(entry.StartsAt, entry.EndsAt, facility.BufferMinutes), ct),
            "Facilities.Error.NotTaken");
        var start = entry.StartsAt;
        var end = entry.EndsAt;
        Require(!await db.WaitlistEntries.AnyAsync(w => w.FacilityId == facility.Id && w.UserId == userId &&
            w.Status == WaitlistStatus.Waiting
            && w.StartsAt == start && w.EndsAt == end, ct), RuleKind.Conflict, "Facilities.Error.AlreadyWaiting");
        db.WaitlistEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task WithdrawAsync(Guid entryId, Guid userId, CancellationToken ct = default)
    {
        var booker = await access.BookerAsync(userId, ct);
        var entry = await db.WaitlistEntries.SingleOrDefaultAsync(w => w.Id == entryId, ct);
        Require(entry is not null && (booker.SeesAll || booker.Owns(entry.UserId, entry.OrganizationId)), RuleKind.NotFound,
            "Facilities.Error.NoSuchEntry");
        Require(booker.IsStaff || booker.Owns(entry!.UserId, entry.OrganizationId), RuleKind.Forbidden, "Facilities.Error.NotAllowed");
        entry!.Withdraw(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Releases a confirmed booking nobody checked in to; the cells from now on are freed and offered on.</summary>
    internal async Task<bool> ReleaseAsync(Guid bookingId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var booking = await db.Bookings.SingleAsync(b => b.Id == bookingId, ct);
        var facility = await db.Facilities.AsNoTracking().SingleAsync(f => f.Id == booking.FacilityId, ct);
        if (booking.Status != BookingStatus.Confirmed || clock.GetUtcNow() < booking.NoShowAt(facility))
        {
            return false;
        }

        var from = booking.Release(facility, clock.GetUtcNow());
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await FreeAsync(booking, from, ct);
            await transaction.CommitAsync(ct);
        }

        await PromoteAsync(facility.Id, ct);
        return true;
    }

    /// <summary>Ends an offer whose hold ran out and passes the slot on.</summary>
    internal async Task<bool> ExpireOfferAsync(Guid bookingId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var booking = await db.Bookings.SingleAsync(b => b.Id == bookingId, ct);
        if (booking.Status != BookingStatus.Offered || clock.GetUtcNow() < booking.OfferExpiresAt)
        {
            return false;
        }

        await EndOfferAsync(booking, null, ct);
        await PromoteAsync(booking.FacilityId, ct);
        return true;
    }

    /// <summary>
    /// Offers freed slots of a facility to its waitlist: in order of joining, each waiting entry whose whole slot (with
    /// the buffer) is now free gets an offered booking holding the cells, and its person is told. An entry over its
    /// quota stays waiting. Each offer is its own transaction; a concurrent booking of the cells simply wins.
    /// </summary>
    internal async Task<int> PromoteAsync(Guid facilityId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        var facility = await db.Facilities.AsNoTracking().SingleAsync(f => f.Id == facilityId, ct);
        var waiting = await db.WaitlistEntries.AsNoTracking()
            .Where(w => w.FacilityId == facilityId && w.Status == WaitlistStatus.Waiting && w.StartsAt > now)
            .OrderBy(w => w.CreatedAt).ThenBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
        var offers = 0;
        foreach (var id in waiting)
        {
            db.ChangeTracker.Clear();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var entry = await db.WaitlistEntries.SingleAsync(w => w.Id == id, ct);
                var offer = Booking.Offer(facility, entry, now.AddMinutes(options.Value.OfferHoldMinutes), now);
                if (entry.Status != WaitlistStatus.Waiting || await TakenAsync(facilityId, offer.Claims, ct))
                {
                    continue;
                }

                if (!entry.ByStaff)
                {
                    await quota.CheckAsync(new QuotaHolder(entry.OrganizationId, entry.OrganizationId is null ? entry.UserId : null),
                        [(offer.StartsAt, offer.Minutes)], ct);
                }

                entry.Offered(offer, now);
                db.Bookings.Add(offer);
                await SaveClaimsAsync(ct);
                await TellBookerAsync(offer, facility, "대기 예약 제안", "A waitlisted slot is free",
                    $"기다리시던 시간이 비었습니다. {Kst.Format(offer.OfferExpiresAt!.Value)}까지 수락해 주세요.",
                    $"The slot you waited for is free. Please accept by {Kst.Format(offer.OfferExpiresAt!.Value)}.", ct);
                await transaction.CommitAsync(ct);
                offers++;
            }
            catch (RuleException ex)
            {
                log.LogInformation("Waitlist entry {Entry} not offered: {Rule}", id, ex.Key);
            }
        }

        db.ChangeTracker.Clear();
        return offers;
    }

    private async Task EndOfferAsync(Booking booking, Guid? by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        booking.DeclineOffer(by, now);
        var entry = await db.WaitlistEntries.SingleAsync(w => w.Id == booking.WaitlistEntryId, ct);
        entry.OfferEnded(accepted: false, declined: by is not null, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await FreeAsync(booking, null, ct);
        await transaction.CommitAsync(ct);
    }
}
