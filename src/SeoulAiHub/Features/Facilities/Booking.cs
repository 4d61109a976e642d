using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

/// <summary>예약 상태.</summary>
public enum BookingStatus
{
    /// <summary>승인 대기 — the facility needs an operator's approval.</summary>
    Pending,
    Confirmed,
    CheckedIn,
    Rejected,
    Cancelled,

    /// <summary>노쇼 해제 — not checked in within the grace time; the rest of the slot was freed.</summary>
    Released,

    /// <summary>대기자 제안 — held for a waitlisted person until they accept, decline or the hold expires.</summary>
    Offered,

    /// <summary>제안 거절·만료 — a waitlist offer that was declined or not accepted in time.</summary>
    Declined,
}

/// <summary>What happened to a booking.</summary>
public enum BookingEventKind
{
    Requested,
    Offered,
    Approved,
    Rejected,
    Cancelled,
    CheckedIn,
    Released,
    Accepted,
    Declined,
    Expired,
}

/// <summary>
/// 예약 — a facility held for a purpose, by a person, for an organization (none for staff and public individuals).
/// While active (pending, confirmed, checked in, offered) it owns the <see cref="SlotClaim"/> cells of its slot plus
/// the facility's buffer; the database's key on those cells is what makes double booking impossible. Rules:
/// pending → confirmed (approve) or rejected (with a reason); pending or confirmed → cancelled before the start (late
/// when within the facility's notice, and its hours still count); confirmed → checked in from 15 minutes before the
/// start until the grace time has passed, or released after it; offered → accepted (confirmed, or pending where approval
/// is needed) or declined/expired. Every change is a <see cref="BookingEvent"/>.
/// </summary>
public sealed class Booking
{
    public const int MaxPurpose = 200;
    public const int MaxReason = 500;
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromMinutes(15);

    public Guid Id { get; private init; }
    public Guid FacilityId { get; private init; }
    public Guid? OrganizationId { get; private init; }
    public Guid BookedBy { get; private init; }

    /// <summary>Booked by staff (an operator): exempt from quotas, never waits for approval.</summary>
    public bool ByStaff { get; private init; }
    public string Purpose { get; private init; } = "";
    public int Attendees { get; private init; }
    public DateTimeOffset StartsAt { get; private init; }
    public DateTimeOffset EndsAt { get; private init; }

    /// <summary>Length in minutes, stored so quotas are a SUM in SQL on both providers.</summary>
    public int Minutes { get; private init; }
    public BookingStatus Status { get; private set; }
    public bool LateCancellation { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset? OfferExpiresAt { get; private set; }
    public Guid? WaitlistEntryId { get; private init; }
    public Guid? SeriesId { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<BookingEvent> History { get; private init; } = [];
    public List<SlotClaim> Claims { get; private init; } = [];

    public static readonly BookingStatus[] ActiveStatuses = [BookingStatus.Pending, BookingStatus.Confirmed, BookingStatus.CheckedIn,
        BookingStatus.Offered];

    public bool IsActive => IsActiveStatus(Status);

    public static bool IsActiveStatus(BookingStatus status) => ActiveStatuses.Contains(status);

    /// <summary>Whether the booking's hours count against the monthly quota (active, late-cancelled or a no-show).</summary>
    public bool CountsAgainstQuota => IsActive || Status == BookingStatus.Released ||
        (Status == BookingStatus.Cancelled && LateCancellation);

    public static Booking Request(Facility facility, Guid? organizationId, Guid bookedBy, bool byStaff, string? purpose, int attendees,
        DateTimeOffset start, DateTimeOffset end, Guid? seriesId, DateTimeOffset now)
    {
        var booking = New(facility, organizationId, bookedBy, byStaff, purpose, attendees, start, end, seriesId, null, now);
        booking.Status = facility.RequiresApproval && !byStaff ? BookingStatus.Pending : BookingStatus.Confirmed;
        booking.Log(BookingEventKind.Requested, bookedBy, now, null);
        return booking;
    }

    /// <summary>A freed slot held for a waitlisted person until <paramref name="expiresAt"/> (never past the start).</summary>
    public static Booking Offer(Facility facility, WaitlistEntry entry, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var booking = New(facility, entry.OrganizationId, entry.UserId, entry.ByStaff, entry.Purpose, entry.Attendees, entry.StartsAt,
            entry.EndsAt, null, entry.Id, now);
        booking.Status = BookingStatus.Offered;
        booking.OfferExpiresAt = (expiresAt < booking.StartsAt ? expiresAt : booking.StartsAt).ToUniversalTime();
        booking.Log(BookingEventKind.Offered, null, now, null);
        return booking;
    }

    private static Booking New(Facility facility, Guid? organizationId, Guid bookedBy, bool byStaff, string? purpose, int attendees,
        DateTimeOffset start, DateTimeOffset end, Guid? seriesId, Guid? waitlistEntryId, DateTimeOffset now)
    {
        var booking = new Booking
        {
            Id = Guid.CreateVersion7(), FacilityId = facility.Id, OrganizationId = organizationId, BookedBy = bookedBy, ByStaff = byStaff,
            Purpose = Text(purpose, MaxPurpose, "Facilities.Error.Purpose"), Attendees = attendees,
            StartsAt = start.ToUniversalTime(), EndsAt = end.ToUniversalTime(), Minutes = (int)(end - start).TotalMinutes,
            SeriesId = seriesId, WaitlistEntryId = waitlistEntryId, CreatedAt = now.ToUniversalTime(), UpdatedAt = now.ToUniversalTime(),
        };
        booking.Claims.AddRange(Grid.Cells(booking.StartsAt, booking.EndsAt, facility.BufferMinutes)
            .Select(cell => new SlotClaim { FacilityId = facility.Id, CellStart = cell, BookingId = booking.Id }));
        return booking;
    }

    public void Approve(Guid by, DateTimeOffset now)
    {
        Require(Status == BookingStatus.Pending, "Facilities.Error.NotPending");
        Require(now < StartsAt, "Facilities.Error.Started");
        Move(BookingStatus.Confirmed, BookingEventKind.Approved, by, now, null);
    }

    public void Reject(string? reason, Guid by, DateTimeOffset now)
    {
        Require(Status == BookingStatus.Pending, "Facilities.Error.NotPending");
        var text = Text(reason, MaxReason, "Facilities.Error.RejectReason");
        Reason = text;
        Move(BookingStatus.Rejected, BookingEventKind.Rejected, by, now, text);
    }

    /// <summary>Cancels before the start; returns whether it was late (within the facility's notice).</summary>
    public bool Cancel(Facility facility, Guid by, DateTimeOffset now)
    {
        Require(Status is BookingStatus.Pending or BookingStatus.Confirmed, "Facilities.Error.CannotCancel");
        Require(now < StartsAt, "Facilities.Error.Started");
        LateCancellation = now > StartsAt.AddHours(-facility.LateCancelHours);
        Move(BookingStatus.Cancelled, BookingEventKind.Cancelled, by, now, LateCancellation ? "late" : null);
        return LateCancellation;
    }

    public void CheckIn(Facility facility, Guid by, DateTimeOffset now)
    {
        Require(Status == BookingStatus.Confirmed, "Facilities.Error.NotConfirmed");
        Require(now >= StartsAt - CheckInOpensBefore, "Facilities.Error.CheckInTooEarly");
        Require(now < NoShowAt(facility) && now < EndsAt, "Facilities.Error.CheckInTooLate");
        Move(BookingStatus.CheckedIn, BookingEventKind.CheckedIn, by, now, null);
    }

    /// <summary>When a confirmed booking not checked in is released.</summary>
    public DateTimeOffset NoShowAt(Facility facility) => StartsAt.AddMinutes(facility.NoShowGraceMinutes);

    /// <summary>Releases a no-show; returns the first cell that is freed (the cells before stay: they are past).</summary>
    public DateTimeOffset Release(Facility facility, DateTimeOffset now)
    {
        Require(Status == BookingStatus.Confirmed, "Facilities.Error.NotConfirmed");
        Require(now >= NoShowAt(facility), "Facilities.Error.NotNoShow");
        Move(BookingStatus.Released, BookingEventKind.Released, null, now, null);
        return Grid.Ceiling(now);
    }

    public void AcceptOffer(Facility facility, Guid by, DateTimeOffset now)
    {
        Require(Status == BookingStatus.Offered, "Facilities.Error.NotOffered");
        Require(now < OfferExpiresAt, "Facilities.Error.OfferExpired");
        OfferExpiresAt = null;
        Move(facility.RequiresApproval && !ByStaff ? BookingStatus.Pending : BookingStatus.Confirmed,
            BookingEventKind.Accepted, by, now, null);
    }

    /// <summary>Declined by the person (<paramref name="by"/>) or expired (by nobody, after the hold).</summary>
    public void DeclineOffer(Guid? by, DateTimeOffset now)
    {
        Require(Status == BookingStatus.Offered, "Facilities.Error.NotOffered");
        Require(by is not null || now >= OfferExpiresAt, "Facilities.Error.OfferNotExpired");
        Move(BookingStatus.Declined, by is null ? BookingEventKind.Expired : BookingEventKind.Declined, by, now, null);
    }

    private void Move(BookingStatus to, BookingEventKind kind, Guid? by, DateTimeOffset now, string? note)
    {
        Status = to;
        UpdatedAt = now.ToUniversalTime();
        Log(kind, by, now, note);
    }

    private void Log(BookingEventKind kind, Guid? by, DateTimeOffset now, string? note) =>
        History.Add(new BookingEvent { Id = Guid.CreateVersion7(), BookingId = Id, Kind = kind, At = now.ToUniversalTime(), By = by,
            Status = Status, Note = note });
}

/// <summary>One entry of a booking's history; <see cref="By"/> is null for what the system did (offers, expiry, release).</summary>
public sealed class BookingEvent
{
    public Guid Id { get; internal init; }
    public Guid BookingId { get; internal init; }
    public BookingEventKind Kind { get; internal init; }
    public BookingStatus Status { get; internal init; }
    public DateTimeOffset At { get; internal init; }
    public Guid? By { get; internal init; }
    public string? Note { get; internal init; }
}

/// <summary>
/// One 15-minute cell of a facility held by an active booking. The primary key (FacilityId, CellStart) is the guarantee
/// against double booking on both databases: two bookings that overlap, even in part, share a cell, and the second
/// insert fails whatever the timing.
/// </summary>
public sealed class SlotClaim
{
    public Guid FacilityId { get; internal init; }
    public DateTimeOffset CellStart { get; internal init; }
    public Guid BookingId { get; internal init; }
}

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> b)
    {
        b.ToTable("Bookings");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Purpose).HasMaxLength(Booking.MaxPurpose);
        b.Property(x => x.Reason).HasMaxLength(Booking.MaxReason);
        b.HasOne<Facility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<HubUser>().WithMany().HasForeignKey(x => x.BookedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BookingSeries>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.History).WithOne().HasForeignKey(e => e.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Claims).WithOne().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.FacilityId, x.StartsAt });
        b.HasIndex(x => new { x.OrganizationId, x.StartsAt });
        b.HasIndex(x => new { x.BookedBy, x.StartsAt });
        b.HasIndex(x => new { x.Status, x.StartsAt });
    }
}

internal sealed class BookingEventConfiguration : IEntityTypeConfiguration<BookingEvent>
{
    public void Configure(EntityTypeBuilder<BookingEvent> b)
    {
        b.ToTable("BookingEvents");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Note).HasMaxLength(Booking.MaxReason);
        b.HasIndex(x => x.BookingId);
    }
}

internal sealed class SlotClaimConfiguration : IEntityTypeConfiguration<SlotClaim>
{
    public void Configure(EntityTypeBuilder<SlotClaim> b)
    {
        b.ToTable("SlotClaims");
        b.HasKey(c => new { c.FacilityId, c.CellStart });
        b.HasOne<Facility>().WithMany().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.BookingId);
        // Availability reads every claimed cell of a date range for all facilities: with the facility in the index the
        // read never visits the table (a 14-day search touches some 50,000 cells).
        b.HasIndex(c => new { c.CellStart, c.FacilityId });
    }
}
