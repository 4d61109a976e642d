using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Time;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

/// <summary>What every write of the desk shares: loading and checking a booking request, the quota lock, saving the
/// cell claims, and telling people.</summary>
public sealed partial class BookingDesk
{
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
    private async Task<(Booker Booker, Facility Facility, Guid? Organization)> BookingForAsync(Guid userId, Guid facilityId,
        Guid? organizationId, CancellationToken ct)
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
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(Booker booker, Guid? organization,
        CancellationToken ct)
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

    private async Task TellBookerAsync(Booking booking, Facility facility, string titleKo, string titleEn, string bodyKo, string bodyEn,
        CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == booking.BookedBy).Select(u => u.Email).SingleAsync(ct);
        var when = Kst.Format(booking.StartsAt);
        await notifier.UserAsync(booking.BookedBy, email, $"{titleKo}: {facility.NameKo}", $"{titleEn}: {facility.NameEn}",
            $"{bodyKo}\n{facility.NameKo} {when}", $"{bodyEn}\n{facility.NameEn} {when}", "/facilities/bookings", ct);
    }
}
