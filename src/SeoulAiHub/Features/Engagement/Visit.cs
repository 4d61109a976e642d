using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Identity;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Engagement;

/// <summary>현장방문 · 간담회 · 행사 — what kind of occasion.</summary>
public enum VisitKind
{
    Visit,
    Meeting,
    Event,
}

/// <summary>Planned until it took place (or was called off); a visit that took place keeps its record.</summary>
public enum VisitStatus
{
    Planned,
    Held,
    Cancelled,
}

/// <summary>
/// 현장방문 — a visit, meeting or event on one day: who hosts it, who takes part (people in the system and external
/// guests such as the council chair), and an itinerary of stops at organizations. Opinions heard there are recorded
/// against it (<see cref="FieldOpinion.VisitId"/>), so that what was heard can be followed to what was done.
/// </summary>
public sealed class Visit
{
    public const int MaxTitle = 200;
    public const int MaxPurpose = 2000;
    public const int MaxName = 100;

    public Guid Id { get; private init; }
    public VisitKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string Purpose { get; private set; } = "";

    /// <summary>Who hosts: a department or person, as written (서울AI허브 운영사무국).</summary>
    public string Host { get; private set; } = "";

    /// <summary>The site the visit takes place at, when it is one of the hub's sites.</summary>
    public Guid? SiteId { get; private set; }
    public VisitStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public Guid CreatedBy { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<VisitParticipant> Participants { get; private init; } = [];
    public List<VisitStop> Stops { get; private init; } = [];

    public static Visit Plan(VisitKind kind, string? title, DateOnly date, string? purpose, string? host, Guid? siteId,
        Guid by, DateTimeOffset now)
    {
        var visit = new Visit { Id = Guid.CreateVersion7(), Status = VisitStatus.Planned, CreatedAt = now, CreatedBy = by };
        visit.Describe(kind, title, date, purpose, host, siteId, now);
        return visit;
    }

    public void Describe(VisitKind kind, string? title, DateOnly date, string? purpose, string? host, Guid? siteId, DateTimeOffset now)
    {
        // Every check before any change: a refused edit leaves the visit as it was.
        Require(Enum.IsDefined(kind), "Engagement.Error.Kind");
        var checkedTitle = Text(title, MaxTitle, "Engagement.Error.Title");
        var checkedPurpose = Optional(purpose, MaxPurpose) ?? "";
        var checkedHost = Text(host, MaxTitle, "Engagement.Error.Host");
        Kind = kind;
        Title = checkedTitle;
        Date = date;
        Purpose = checkedPurpose;
        Host = checkedHost;
        SiteId = siteId;
        UpdatedAt = now.ToUniversalTime();
    }

    public void MarkHeld(DateOnly today, DateTimeOffset now)
    {
        Require(Status == VisitStatus.Planned, "Engagement.Error.NotPlanned");
        Require(Date <= today, "Engagement.Error.NotYetHeld");
        Status = VisitStatus.Held;
        UpdatedAt = now.ToUniversalTime();
    }

    public void Cancel(DateTimeOffset now)
    {
        Require(Status == VisitStatus.Planned, "Engagement.Error.NotPlanned");
        Status = VisitStatus.Cancelled;
        UpdatedAt = now.ToUniversalTime();
    }

    public VisitParticipant AddMember(Guid userId, string displayName, string? title, string? affiliation, DateTimeOffset now)
    {
        Require(Participants.All(p => p.UserId != userId), "Engagement.Error.ParticipantTwice");
        return Add(new VisitParticipant
        {
            Id = Guid.CreateVersion7(), VisitId = Id, UserId = userId,
            Name = Text(displayName, MaxName, "Engagement.Error.ParticipantName"),
            Title = Optional(title, MaxName), Affiliation = Optional(affiliation, MaxTitle), Order = NextParticipantOrder(),
        }, now);
    }

    /// <summary>An external guest (서울특별시의회 의장 …): name, title and affiliation as they are to be printed.</summary>
    public VisitParticipant AddGuest(string? name, string? title, string? affiliation, DateTimeOffset now) => Add(new VisitParticipant
    {
        Id = Guid.CreateVersion7(), VisitId = Id,
        Name = Text(name, MaxName, "Engagement.Error.ParticipantName"),
        Title = Text(title, MaxName, "Engagement.Error.GuestTitle"),
        Affiliation = Text(affiliation, MaxTitle, "Engagement.Error.GuestAffiliation"),
        Order = NextParticipantOrder(),
    }, now);

    public void RemoveParticipant(Guid participantId, DateTimeOffset now)
    {
        var participant = Participants.SingleOrDefault(p => p.Id == participantId);
        Require(participant is not null, "Engagement.Error.NoSuchParticipant");
        Participants.Remove(participant!);
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>
    /// Adds a stop. Overlaps and a place outside the organization's site are allowed but flagged
    /// (<see cref="Itinerary.Conflicts"/>): plans change, and the operator decides.
    /// </summary>
    public VisitStop AddStop(TimeOnly starts, TimeOnly ends, string? place, Guid? siteId, Guid? organizationId, string? briefingPerson,
        string? note, DateTimeOffset now)
    {
        Require(ends > starts, "Engagement.Error.StopTimes");
        Require(organizationId is not null || !string.IsNullOrWhiteSpace(place), "Engagement.Error.StopPlace");
        var stop = new VisitStop
        {
            Id = Guid.CreateVersion7(), VisitId = Id, StartsAt = starts, EndsAt = ends,
            Place = Optional(place, MaxTitle), SiteId = siteId, OrganizationId = organizationId,
            BriefingPerson = Optional(briefingPerson, MaxTitle), Note = Optional(note, MaxPurpose),
        };
        Stops.Add(stop);
        UpdatedAt = now.ToUniversalTime();
        return stop;
    }

    public void RemoveStop(Guid stopId, DateTimeOffset now)
    {
        var stop = Stops.SingleOrDefault(s => s.Id == stopId);
        Require(stop is not null, "Engagement.Error.NoSuchStop");
        Stops.Remove(stop!);
        UpdatedAt = now.ToUniversalTime();
    }

    public IEnumerable<VisitStop> StopsInOrder() => Stops.OrderBy(s => s.StartsAt).ThenBy(s => s.EndsAt);

    private int NextParticipantOrder() => Participants.Count == 0 ? 0 : Participants.Max(p => p.Order) + 1;

    private VisitParticipant Add(VisitParticipant participant, DateTimeOffset now)
    {
        Participants.Add(participant);
        UpdatedAt = now.ToUniversalTime();
        return participant;
    }
}

/// <summary>참석자 — a person in the system (<see cref="UserId"/> set) or an external guest.</summary>
public sealed class VisitParticipant
{
    public Guid Id { get; internal init; }
    public Guid VisitId { get; internal init; }
    public Guid? UserId { get; internal init; }
    public string Name { get; internal init; } = "";

    /// <summary>직함 (의장, 국회의원, 행정1부시장, 센터장 …).</summary>
    public string? Title { get; internal init; }

    /// <summary>소속 (서울특별시의회, 서울특별시 …).</summary>
    public string? Affiliation { get; internal init; }
    public int Order { get; internal init; }

    public bool IsGuest => UserId is null;
}

/// <summary>일정 — one stop of the itinerary: a time slot, a place, the organization visited, who briefs.</summary>
public sealed class VisitStop
{
    public Guid Id { get; internal init; }
    public Guid VisitId { get; internal init; }
    public TimeOnly StartsAt { get; internal init; }
    public TimeOnly EndsAt { get; internal init; }
    public string? Place { get; internal init; }
    public Guid? SiteId { get; internal init; }
    public Guid? OrganizationId { get; internal init; }
    public Organization? Organization { get; internal init; }
    public string? BriefingPerson { get; internal init; }
    public string? Note { get; internal init; }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("Visits");
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Title).HasMaxLength(Visit.MaxTitle);
        b.Property(v => v.Host).HasMaxLength(Visit.MaxTitle);
        b.Property(v => v.Purpose).HasMaxLength(Visit.MaxPurpose);
        b.HasOne<Site>().WithMany().HasForeignKey(v => v.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Participants).WithOne().HasForeignKey(p => p.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Stops).WithOne().HasForeignKey(s => s.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => v.Date);
    }
}

internal sealed class VisitParticipantConfiguration : IEntityTypeConfiguration<VisitParticipant>
{
    public void Configure(EntityTypeBuilder<VisitParticipant> b)
    {
        b.ToTable("VisitParticipants");
        b.Property(p => p.Name).HasMaxLength(Visit.MaxName);
        b.Property(p => p.Title).HasMaxLength(Visit.MaxName);
        b.Property(p => p.Affiliation).HasMaxLength(Visit.MaxTitle);
        b.HasOne<HubUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitStopConfiguration : IEntityTypeConfiguration<VisitStop>
{
    public void Configure(EntityTypeBuilder<VisitStop> b)
    {
        b.ToTable("VisitStops");
        b.Property(s => s.Place).HasMaxLength(Visit.MaxTitle);
        b.Property(s => s.BriefingPerson).HasMaxLength(Visit.MaxTitle);
        b.Property(s => s.Note).HasMaxLength(Visit.MaxPurpose);
        b.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.OrganizationId);
    }
}
