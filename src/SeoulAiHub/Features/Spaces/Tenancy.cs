using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Features.Organizations;

namespace SeoulAiHub.Features.Spaces;

/// <summary>
/// 입주 — an organization's stay in the hub: applied → admitted → resident → graduated or exited (exit is possible
/// from every open state), with the date and reason of each step, renewals of the planned end, and the rooms it
/// occupies. The rules live here; that no room is held twice at once is also enforced by the database.
/// </summary>
public sealed class Tenancy
{
    public Guid Id { get; private init; }
    public Guid OrganizationId { get; private init; }
    public Organization Organization { get; private init; } = null!;
    public TenancyStatus Status { get; private set; }
    public DateOnly AppliedOn { get; private init; }
    public DateOnly? AdmittedOn { get; private set; }
    public DateOnly? MovedInOn { get; private set; }
    public DateOnly? PlannedEndOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }
    public List<RoomAssignment> Rooms { get; private init; } = [];
    public List<TenancyEvent> History { get; private init; } = [];

    public bool IsOpen => Status is TenancyStatus.Applied or TenancyStatus.Admitted or TenancyStatus.Resident;

    public static Tenancy Apply(Guid organizationId, DateOnly on, string? note = null)
    {
        var tenancy = new Tenancy { Id = Guid.CreateVersion7(), OrganizationId = organizationId,
            Status = TenancyStatus.Applied, AppliedOn = on };
        tenancy.Record(TenancyStatus.Applied, on, note);
        return tenancy;
    }

    public void Admit(DateOnly on, DateOnly plannedEnd, string? note = null)
    {
        Rule.Require(Status == TenancyStatus.Applied, "Tenancy.Error.NotApplied");
        Rule.Require(on >= AppliedOn, "Tenancy.Error.DateOrder");
        Rule.Require(plannedEnd > on, "Tenancy.Error.PlannedEnd");
        Status = TenancyStatus.Admitted;
        AdmittedOn = on;
        PlannedEndOn = plannedEnd;
        Record(Status, on, note);
    }

    public void MoveIn(DateOnly on)
    {
        Rule.Require(Status == TenancyStatus.Admitted, "Tenancy.Error.NotAdmitted");
        Rule.Require(on >= AdmittedOn!.Value, "Tenancy.Error.DateOrder");
        Status = TenancyStatus.Resident;
        MovedInOn = on;
        Record(Status, on, null);
    }

    /// <summary>Extends the planned end (재계약·연장).</summary>
    public void Renew(DateOnly on, DateOnly newPlannedEnd, string? reason)
    {
        Rule.Require(Status is TenancyStatus.Admitted or TenancyStatus.Resident, "Tenancy.Error.NotOpenForRenewal");
        Rule.Require(newPlannedEnd > (PlannedEndOn ?? on), "Tenancy.Error.RenewalEnd");
        PlannedEndOn = newPlannedEnd;
        Record(Status, on, reason, renewedTo: newPlannedEnd);
    }

    public void Graduate(DateOnly on, string reason) => End(TenancyStatus.Graduated, on, reason);

    public void Exit(DateOnly on, string reason) => End(TenancyStatus.Exited, on, reason);

    /// <summary>Gives the tenancy a room from a date (to a date, or open-ended until the tenancy ends).</summary>
    public RoomAssignment AssignRoom(Room room, DateOnly from, DateOnly? to)
    {
        Rule.Require(Status is TenancyStatus.Admitted or TenancyStatus.Resident, "Tenancy.Error.NotAdmitted");
        Rule.Require(from >= AdmittedOn!.Value, "Tenancy.Error.DateOrder");
        Rule.Require(to is null || to > from, "Tenancy.Error.AssignmentDates");
        Rule.Require(!Rooms.Any(r => r.RoomId == room.Id && r.Overlaps(from, to)), "Tenancy.Error.RoomOccupied");
        var assignment = RoomAssignment.Create(this, room, from, to);
        Rooms.Add(assignment);
        return assignment;
    }

    private void End(TenancyStatus status, DateOnly on, string reason)
    {
        Rule.Require(status == TenancyStatus.Exited ? IsOpen : Status == TenancyStatus.Resident,
            status == TenancyStatus.Exited ? "Tenancy.Error.AlreadyEnded" : "Tenancy.Error.NotResident");
        Rule.Require(on >= (MovedInOn ?? AdmittedOn ?? AppliedOn), "Tenancy.Error.DateOrder");
        Rule.Require(!string.IsNullOrWhiteSpace(reason), "Tenancy.Error.ReasonRequired");
        Status = status;
        EndedOn = on;
        EndReason = reason.Trim();
        foreach (var room in Rooms)
        {
            room.EndBy(on);
        }

        Record(status, on, EndReason);
    }

    private void Record(TenancyStatus status, DateOnly on, string? note, DateOnly? renewedTo = null) =>
        History.Add(TenancyEvent.Create(Id, status, on, note, renewedTo));
}

/// <summary>A room held by a tenancy for a half-open period [StartsOn, EndsOn); EndsOn null means until further notice.</summary>
public sealed class RoomAssignment
{
    public Guid Id { get; private init; }
    public Guid TenancyId { get; private init; }
    public Tenancy Tenancy { get; private init; } = null!;
    public Guid RoomId { get; private init; }
    public Room Room { get; private init; } = null!;
    public DateOnly StartsOn { get; private init; }
    public DateOnly? EndsOn { get; private set; }

    internal static RoomAssignment Create(Tenancy tenancy, Room room, DateOnly from, DateOnly? to) =>
        new() { Id = Guid.CreateVersion7(), TenancyId = tenancy.Id, RoomId = room.Id, StartsOn = from, EndsOn = to };

    public bool Overlaps(DateOnly from, DateOnly? to) =>
        StartsOn < (to ?? DateOnly.MaxValue) && from < (EndsOn ?? DateOnly.MaxValue);

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || day < EndsOn);

    /// <summary>The tenancy ended: nothing is held from that day on.</summary>
    internal void EndBy(DateOnly on)
    {
        if (EndsOn is null || EndsOn > on)
        {
            EndsOn = on < StartsOn ? StartsOn : on;
        }
    }
}

/// <summary>One step of a tenancy's history: the status it reached, when, and why.</summary>
public sealed class TenancyEvent
{
    public Guid Id { get; private init; }
    public Guid TenancyId { get; private init; }
    public TenancyStatus Status { get; private init; }
    public DateOnly On { get; private init; }
    public string? Note { get; private init; }
    public DateOnly? RenewedTo { get; private init; }

    internal static TenancyEvent Create(Guid tenancyId, TenancyStatus status, DateOnly on, string? note, DateOnly? renewedTo) =>
        new() { Id = Guid.CreateVersion7(), TenancyId = tenancyId, Status = status, On = on, Note = note, RenewedTo = renewedTo };
}

internal sealed class TenancyConfiguration : IEntityTypeConfiguration<Tenancy>
{
    public void Configure(EntityTypeBuilder<Tenancy> b)
    {
        b.ToTable("Tenancies");
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.EndReason).HasMaxLength(500);
        b.HasOne(t => t.Organization).WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Rooms).WithOne(r => r.Tenancy).HasForeignKey(r => r.TenancyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.History).WithOne().HasForeignKey(e => e.TenancyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.OrganizationId, t.Status });
    }
}

internal sealed class RoomAssignmentConfiguration : IEntityTypeConfiguration<RoomAssignment>
{
    public void Configure(EntityTypeBuilder<RoomAssignment> b)
    {
        b.ToTable("RoomAssignments");
        b.HasOne(r => r.Room).WithMany().HasForeignKey(r => r.RoomId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.RoomId, r.StartsOn });
    }
}

internal sealed class TenancyEventConfiguration : IEntityTypeConfiguration<TenancyEvent>
{
    public void Configure(EntityTypeBuilder<TenancyEvent> b)
    {
        b.ToTable("TenancyEvents");
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Note).HasMaxLength(500);
    }
}
