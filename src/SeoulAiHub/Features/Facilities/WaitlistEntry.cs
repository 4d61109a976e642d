using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Identity;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

/// <summary>대기 상태.</summary>
public enum WaitlistStatus
{
    Waiting,
    Offered,
    Booked,
    Expired,
    Withdrawn,
}

/// <summary>
/// 대기자 — someone who wants a taken slot. When the whole slot becomes free (a cancellation, rejection, no-show release
/// or a lapsed offer), the first waiting entry (FIFO by <see cref="CreatedAt"/>) is offered it as an
/// <see cref="BookingStatus.Offered"/> booking that holds the cells; accepting books it, declining or letting the hold
/// run out passes it on. An entry lapses when its slot has started.
/// </summary>
public sealed class WaitlistEntry
{
    public Guid Id { get; private init; }
    public Guid FacilityId { get; private init; }
    public Guid? OrganizationId { get; private init; }
    public Guid UserId { get; private init; }
    public bool ByStaff { get; private init; }
    public string Purpose { get; private init; } = "";
    public int Attendees { get; private init; }
    public DateTimeOffset StartsAt { get; private init; }
    public DateTimeOffset EndsAt { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public WaitlistStatus Status { get; private set; }
    public Guid? OfferBookingId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static WaitlistEntry Join(Guid facilityId, Guid? organizationId, Guid userId, bool byStaff, string? purpose, int attendees,
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), FacilityId = facilityId, OrganizationId = organizationId, UserId = userId, ByStaff = byStaff,
        Purpose = Text(purpose, Booking.MaxPurpose, "Facilities.Error.Purpose"), Attendees = attendees,
        StartsAt = start.ToUniversalTime(), EndsAt = end.ToUniversalTime(), CreatedAt = now.ToUniversalTime(),
        UpdatedAt = now.ToUniversalTime(), Status = WaitlistStatus.Waiting,
    };

    public void Offered(Booking offer, DateTimeOffset now)
    {
        Require(Status == WaitlistStatus.Waiting, "Facilities.Error.NotWaiting");
        Status = WaitlistStatus.Offered;
        OfferBookingId = offer.Id;
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>The offer was accepted (booked), declined (withdrawn) or ran out (expired).</summary>
    public void OfferEnded(bool accepted, bool declined, DateTimeOffset now)
    {
        Require(Status == WaitlistStatus.Offered, "Facilities.Error.NotOffered");
        Status = accepted ? WaitlistStatus.Booked : declined ? WaitlistStatus.Withdrawn : WaitlistStatus.Expired;
        UpdatedAt = now.ToUniversalTime();
    }

    public void Withdraw(DateTimeOffset now)
    {
        Require(Status == WaitlistStatus.Waiting, "Facilities.Error.NotWaiting");
        Status = WaitlistStatus.Withdrawn;
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>The slot has started while still waiting.</summary>
    public void Lapse(DateTimeOffset now)
    {
        Require(Status == WaitlistStatus.Waiting && now >= StartsAt, "Facilities.Error.NotWaiting");
        Status = WaitlistStatus.Expired;
        UpdatedAt = now.ToUniversalTime();
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> b)
    {
        b.ToTable("WaitlistEntries");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Purpose).HasMaxLength(Booking.MaxPurpose);
        b.HasOne<Facility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<HubUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.FacilityId, x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.UserId, x.Status });
    }
}
