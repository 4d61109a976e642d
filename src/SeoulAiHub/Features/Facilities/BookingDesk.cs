using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Time;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

public sealed record BookingRequest(Guid FacilityId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Purpose, int Attendees, Guid? OrganizationId = null);

public sealed record SeriesRequest(Guid FacilityId, RecurrenceRule Rule, string? Purpose, int Attendees, Guid? OrganizationId = null);

/// <summary>
/// What booking a series did: every free occurrence is booked (in one transaction); taken occurrences are reported,
/// not fatal, and dates left out by the rule (exceptions, holidays, closed days) are listed with the reason.
/// </summary>
public sealed record SeriesResult(BookingSeries Series, IReadOnlyList<Booking> Booked, IReadOnlyList<Occurrence> Taken, IReadOnlyList<SkippedDate> Skipped);

/// <summary>
/// 예약 창구 — every write of facility booking: book, book a series, approve, reject, cancel, check in, answer a
/// waitlist offer, join or leave the waitlist. Who may do what is checked here (<see cref="Booker"/>). A booking and
/// its cell claims are saved in one transaction; the claims' primary key refuses a second booking of any of the same
/// cells, also from a concurrent request, and that refusal becomes the rule error "already booked". Freed cells are
/// offered to the waitlist after the freeing transaction commits, one offer per transaction.
/// </summary>
public sealed class BookingDesk(HubDb db, FacilitiesAccess access, Quota quota, HolidayCalendar holidays, Notifier notifier,
    IOptions<FacilitiesOptions> options, TimeProvider clock, ILogger<BookingDesk> log)
{
    public async Task<Booking> BookAsync(Guid userId, BookingRequest request, CancellationToken ct = default)
    {
        var (booker, facility, organization) = await BookingForAsync(userId, request.FacilityId, request.OrganizationId, ct);
        var now = clock.GetUtcNow();
        await CheckSlotAsync(facility, request, now, ct);
        var booking = Booking.Request(facility, organization, userId, booker.IsStaff, request.Purpose, request.Attendees, request.StartsAt, request.EndsAt, null, now);

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
            return (Occurrence: o, Booking: Booking.Request(facility, organization, userId, booker.IsStaff, request.Purpose, request.Attendees, o.StartsAt, o.EndsAt, series.Id, now));
        }).ToList();

        await using var transaction = await BeginAsync(booker, organization, ct);
        var cells = bookings.SelectMany(b => b.Booking.Claims.Select(c => c.CellStart)).ToList();
        var (first, last) = (cells.Min(), cells.Max());
        var held = (await db.SlotClaims.AsNoTracking().Where(c => c.FacilityId == facility.Id && c.CellStart >= first && c.CellStart <= last)
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
        var entry = WaitlistEntry.Join(facility.Id, organization, userId, booker.IsStaff, request.Purpose, request.Attendees, request.StartsAt, request.EndsAt, now);
        Require(await TakenAsync(facility.Id, Grid.Cells(entry.StartsAt, entry.EndsAt, facility.BufferMinutes), ct), "Facilities.Error.NotTaken");
        var start = entry.StartsAt;
        var end = entry.EndsAt;
        Require(!await db.WaitlistEntries.AnyAsync(w => w.FacilityId == facility.Id && w.UserId == userId && w.Status == WaitlistStatus.Waiting
            && w.StartsAt == start && w.EndsAt == end, ct), RuleKind.Conflict, "Facilities.Error.AlreadyWaiting");
        db.WaitlistEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task WithdrawAsync(Guid entryId, Guid userId, CancellationToken ct = default)
    {
        var booker = await access.BookerAsync(userId, ct);
        var entry = await db.WaitlistEntries.SingleOrDefaultAsync(w => w.Id == entryId, ct);
        Require(entry is not null && (booker.SeesAll || booker.Owns(entry.UserId, entry.OrganizationId)), RuleKind.NotFound, "Facilities.Error.NoSuchEntry");
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
                    await quota.CheckAsync(new QuotaHolder(entry.OrganizationId, entry.OrganizationId is null ? entry.UserId : null), [(offer.StartsAt, offer.Minutes)], ct);
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

    /// <summary>Saves the booking's new state and gives up its cells (from <paramref name="from"/> on, or all).</summary>
    private async Task FreeAsync(Booking booking, DateTimeOffset? from, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var claims = db.SlotClaims.Where(c => c.BookingId == booking.Id);
        if (from is { } start)
        {
            claims = claims.Where(c => c.CellStart >= start);
        }

        await db.AuditedDeleteAsync(claims, $"cells of booking {booking.Id} freed", ct);
    }

    /// <summary>Who books, which facility (active, or any for staff), and the organization whose hours it counts against.</summary>
    private async Task<(Booker Booker, Facility Facility, Guid? Organization)> BookingForAsync(Guid userId, Guid facilityId, Guid? organizationId,
        CancellationToken ct)
    {
        var booker = await access.BookerAsync(userId, ct);
        var facility = await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Id == facilityId, ct);
        Require(facility is not null && (facility.Active || booker.IsStaff), RuleKind.NotFound, "Facilities.Error.NoSuchFacility");
        return (booker, facility!, booker.BookingFor(facility!, organizationId));
    }

    /// <summary>One slot against the facility's hours, lengths, capacity and the day's holidays.</summary>
    private async Task CheckSlotAsync(Facility facility, BookingRequest request, DateTimeOffset now, CancellationToken ct)
    {
        var date = Grid.KstDate(request.StartsAt);
        facility.CheckSlot(request.StartsAt, request.EndsAt, request.Attendees, await holidays.DatesAsync(date, date, ct), now);
    }

    private async Task<(Booking Booking, Facility Facility, Booker Booker)> LoadAsync(Guid bookingId, Guid userId, CancellationToken ct)
    {
        var booker = await access.BookerAsync(userId, ct);
        var booking = await FacilitiesAccess.Visible(db.Bookings, booker).SingleOrDefaultAsync(b => b.Id == bookingId, ct);
        Require(booking is not null, RuleKind.NotFound, "Facilities.Error.NoSuchBooking");
        var facility = await db.Facilities.AsNoTracking().SingleAsync(f => f.Id == booking!.FacilityId, ct);
        return (booking!, facility, booker);
    }

    private async Task<bool> TakenAsync(Guid facilityId, IEnumerable<SlotClaim> claims, CancellationToken ct) =>
        await TakenAsync(facilityId, claims.Select(c => c.CellStart), ct);

    private async Task<bool> TakenAsync(Guid facilityId, IEnumerable<DateTimeOffset> cells, CancellationToken ct)
    {
        var list = cells.ToList();
        var (first, last) = (list.Min(), list.Max());
        return await db.SlotClaims.AnyAsync(c => c.FacilityId == facilityId && c.CellStart >= first && c.CellStart <= last, ct);
    }

    private async Task CheckQuotaAsync(Booker booker, Guid? organization, IEnumerable<(DateTimeOffset, int)> wanted, CancellationToken ct)
    {
        if (!booker.IsStaff)
        {
            await quota.CheckAsync(new QuotaHolder(organization, organization is null ? booker.UserId : null), wanted, ct);
        }
    }

    /// <summary>
    /// The quota check and the insert must not interleave with another booking of the same holder, or both could pass
    /// the check. SQLite's transactions take the write lock at their start (BEGIN IMMEDIATE); on PostgreSQL a
    /// transaction-scoped advisory lock per quota holder does the same for that holder only. The cells need no lock:
    /// their primary key decides.
    /// </summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(Booker booker, Guid? organization, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!booker.IsStaff && db.Database.IsNpgsql())
        {
            var key = BitConverter.ToInt64((organization ?? booker.UserId).ToByteArray(), 8);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }

        return transaction;
    }

    /// <summary>Saves; a claim that another booking holds (the key on (facility, cell)) becomes "already booked".</summary>
    private async Task SaveClaimsAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (IsTakenCell(ex))
        {
            db.ChangeTracker.Clear();
            throw new RuleException(RuleKind.Conflict, "Facilities.Error.Taken");
        }
    }

    internal static bool IsTakenCell(DbUpdateException ex) => ex.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation && pg.ConstraintName == "PK_SlotClaims",
        SqliteException lite => lite.SqliteErrorCode == 19 && lite.Message.Contains("SlotClaims.", StringComparison.Ordinal),
        _ => false,
    };

    private async Task TellOperatorsAsync(Facility facility, Booking booking, CancellationToken ct)
    {
        var operators = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               join u in db.Users on ur.UserId equals u.Id
                               where r.Name == HubRoles.Operator
                               select new { u.Id, u.Email }).ToListAsync(ct);
        var when = Kst.Format(booking.StartsAt);
        foreach (var op in operators)
        {
            await notifier.UserAsync(op.Id, op.Email, $"예약 승인 요청: {facility.NameKo}", $"Booking to approve: {facility.NameEn}",
                $"{facility.NameKo} {when} — {booking.Purpose}", $"{facility.NameEn} {when} — {booking.Purpose}", "/facilities/manage", ct);
        }
    }

    private async Task TellBookerAsync(Booking booking, Facility facility, string titleKo, string titleEn, string bodyKo, string bodyEn, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == booking.BookedBy).Select(u => u.Email).SingleAsync(ct);
        var when = Kst.Format(booking.StartsAt);
        await notifier.UserAsync(booking.BookedBy, email, $"{titleKo}: {facility.NameKo}", $"{titleEn}: {facility.NameEn}",
            $"{bodyKo}\n{facility.NameKo} {when}", $"{bodyEn}\n{facility.NameEn} {when}", "/facilities/bookings", ct);
    }
}
