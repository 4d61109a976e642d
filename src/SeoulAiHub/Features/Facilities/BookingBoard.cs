using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Facilities;

/// <summary>A booking as lists show it (never the entity).</summary>
public sealed record BookingRow(Guid Id, Guid FacilityId, string FacilityKo, string FacilityEn, Guid? OrganizationId,
    string? OrganizationKo, string? OrganizationEn, Guid BookedBy, string Purpose, int Attendees, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, BookingStatus Status, bool LateCancellation, string? Reason, DateTimeOffset? OfferExpiresAt, Guid? SeriesId)
{
    public string Facility(bool english) => english ? FacilityEn : FacilityKo;

    public string? Organization(bool english) => english ? OrganizationEn : OrganizationKo;
}

public sealed record WaitlistRow(Guid Id, Guid FacilityId, string FacilityKo, string FacilityEn, string Purpose, DateTimeOffset StartsAt,
    DateTimeOffset EndsAt, WaitlistStatus Status, DateTimeOffset CreatedAt)
{
    public string Facility(bool english) => english ? FacilityEn : FacilityKo;
}

/// <summary>Reads for the booking pages and the API: a person's (and their organizations') bookings, the approval queue.</summary>
public sealed class BookingBoard(HubDb db, FacilitiesAccess access, TimeProvider clock)
{
    /// <summary>
    /// Bookings of the person and their organizations (staff: their own only) from the start of yesterday (KST) on, soonest
    /// first: yesterday stays in view so a check-in or a no-show of the day before can still be looked at.
    /// </summary>
    public async Task<List<BookingRow>> MineAsync(Guid userId, int take = 200, CancellationToken ct = default)
    {
        var booker = await access.BookerAsync(userId, ct);
        var since = Grid.At(Kst.Today(clock).AddDays(-1), TimeOnly.MinValue);
        var organizations = booker.Organizations.ToList();
        var bookings = db.Bookings.AsNoTracking().Where(b => b.EndsAt >= since &&
            (b.BookedBy == userId || (b.OrganizationId != null && organizations.Contains(b.OrganizationId.Value))));
        return await Rows(bookings.OrderBy(b => b.StartsAt).Take(take)).ToListAsync(ct);
    }

    public async Task<List<WaitlistRow>> WaitlistOfAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return await (from w in db.WaitlistEntries.AsNoTracking()
                      join f in db.Facilities on w.FacilityId equals f.Id
                      where w.UserId == userId && (w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered) &&
                          w.EndsAt > now
                      orderby w.StartsAt
                      select new WaitlistRow(w.Id, w.FacilityId, f.NameKo, f.NameEn, w.Purpose, w.StartsAt, w.EndsAt, w.Status,
                          w.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>Pending bookings awaiting an operator, soonest first.</summary>
    public async Task<List<BookingRow>> PendingAsync(CancellationToken ct = default) =>
        await Rows(db.Bookings.AsNoTracking().Where(b => b.Status == BookingStatus.Pending).OrderBy(b => b.StartsAt).Take(200))
            .ToListAsync(ct);

    /// <summary>A facility's active bookings in [from, to) — what its week grid shows.</summary>
    public async Task<List<BookingRow>> OfFacilityAsync(Guid facilityId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct = default) =>
        await Rows(db.Bookings.AsNoTracking().Where(b => b.FacilityId == facilityId && b.StartsAt < to && b.EndsAt > from
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.CheckedIn ||
                b.Status == BookingStatus.Offered))
            .OrderBy(b => b.StartsAt)).ToListAsync(ct);

    public async Task<BookingRow?> FindAsync(Guid bookingId, Guid userId, CancellationToken ct = default)
    {
        var booker = await access.BookerAsync(userId, ct);
        return await Rows(FacilitiesAccess.Visible(db.Bookings.AsNoTracking(), booker).Where(b => b.Id == bookingId))
            .SingleOrDefaultAsync(ct);
    }

    private IQueryable<BookingRow> Rows(IQueryable<Booking> bookings) =>
        from b in bookings
        join f in db.Facilities on b.FacilityId equals f.Id
        join o in db.Organizations on b.OrganizationId equals o.Id into os
        from o in os.DefaultIfEmpty()
        select new BookingRow(b.Id, b.FacilityId, f.NameKo, f.NameEn, b.OrganizationId, o == null ? null : o.NameKo,
            o == null ? null : o.NameEn, b.BookedBy, b.Purpose, b.Attendees, b.StartsAt, b.EndsAt, b.Status, b.LateCancellation, b.Reason,
            b.OfferExpiresAt, b.SeriesId);
}
