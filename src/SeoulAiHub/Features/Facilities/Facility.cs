using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

/// <summary>시설 유형.</summary>
public enum FacilityKind
{
    MeetingRoom,
    ConferenceHall,
    Studio,
    Classroom,
}

/// <summary>예약 가능 대상 — a [Flags] integer so "facilities open to the public" is a bitwise test in SQL.</summary>
[Flags]
public enum Audience
{
    None = 0,
    Staff = 1,
    Tenants = 2,
    Public = 4,
}

/// <summary>요일 — a set of weekdays, one bit per <see cref="DayOfWeek"/>.</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Sunday = 1 << DayOfWeek.Sunday,
    Monday = 1 << DayOfWeek.Monday,
    Tuesday = 1 << DayOfWeek.Tuesday,
    Wednesday = 1 << DayOfWeek.Wednesday,
    Thursday = 1 << DayOfWeek.Thursday,
    Friday = 1 << DayOfWeek.Friday,
    Saturday = 1 << DayOfWeek.Saturday,
    WorkingDays = Monday | Tuesday | Wednesday | Thursday | Friday,
    All = WorkingDays | Saturday | Sunday,
}

public static class WeekdaysExtensions
{
    public static bool Has(this Weekdays days, DayOfWeek day) => ((int)days & (1 << (int)day)) != 0;

    public static Weekdays Of(DayOfWeek day) => (Weekdays)(1 << (int)day);

    public static IEnumerable<DayOfWeek> Days(this Weekdays days) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
            DayOfWeek.Saturday, DayOfWeek.Sunday }
            .Where(d => days.Has(d));
}

/// <summary>What an operator sets about a facility (create and edit take the same).</summary>
public sealed record FacilitySettings(
    Guid SiteId, int FloorLevel, string? NameKo, string? NameEn, FacilityKind Kind, int Capacity, IReadOnlyList<string> Equipment,
    Audience Audience, bool RequiresApproval, Weekdays OpenDays, TimeOnly OpensAt, TimeOnly ClosesAt,
    int MinMinutes = 30, int MaxMinutes = 240, int BufferMinutes = 0, bool OpenOnHolidays = false,
    int NoShowGraceMinutes = 15, int LateCancelHours = 24, bool Active = true);

/// <summary>
/// 시설 — a bookable room of a site (meeting room, conference hall, studio, classroom). Times are KST on the 15-minute
/// grid: opening hours, minimum and maximum length and the buffer kept free after every booking. Staff may book any
/// facility; <see cref="Audience"/> says whether tenants and signed-up members of the public may too.
/// </summary>
public sealed class Facility
{
    public const int MaxName = 100;
    public const int MaxEquipmentItems = 12;
    public const int MaxEquipmentText = 40;

    public Guid Id { get; private init; }
    public Guid SiteId { get; private set; }
    public int FloorLevel { get; private set; }
    public string NameKo { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public FacilityKind Kind { get; private set; }
    public int Capacity { get; private set; }
    public List<string> Equipment { get; private set; } = [];
    public Audience Audience { get; private set; }
    public bool RequiresApproval { get; private set; }
    public Weekdays OpenDays { get; private set; }
    public TimeOnly OpensAt { get; private set; }
    public TimeOnly ClosesAt { get; private set; }
    public int MinMinutes { get; private set; }
    public int MaxMinutes { get; private set; }
    public int BufferMinutes { get; private set; }
    public bool OpenOnHolidays { get; private set; }
    public int NoShowGraceMinutes { get; private set; }

    /// <summary>Cancelling later than this many hours before the start is a late cancellation (its hours still count).</summary>
    public int LateCancelHours { get; private set; }
    public bool Active { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public string Name(bool english) => english ? NameEn : NameKo;

    public static Facility Create(FacilitySettings settings, DateTimeOffset now)
    {
        var facility = new Facility { Id = Guid.CreateVersion7() };
        facility.Update(settings, now);
        return facility;
    }

    public void Update(FacilitySettings s, DateTimeOffset now)
    {
        Require(s.SiteId != Guid.Empty, "Facilities.Error.Site");
        Require(Enum.IsDefined(s.Kind), "Facilities.Error.Kind");
        Require(s.Capacity is >= 1 and <= 2000, "Facilities.Error.Capacity");
        Require(s.FloorLevel is >= -10 and <= 200, "Facilities.Error.Floor");
        Require(((int)s.Audience & ~(int)(Audience.Staff | Audience.Tenants | Audience.Public)) == 0, "Facilities.Error.Audience");
        Require(s.OpenDays != Weekdays.None && ((int)s.OpenDays & ~(int)Weekdays.All) == 0, "Facilities.Error.OpenDays");
        Require(Grid.IsOnGrid(s.OpensAt) && Grid.IsOnGrid(s.ClosesAt) && s.OpensAt < s.ClosesAt, "Facilities.Error.Hours");
        Require(Grid.IsOnGrid(s.MinMinutes) && Grid.IsOnGrid(s.MaxMinutes) && s.MinMinutes <= s.MaxMinutes, "Facilities.Error.Lengths");
        Require(s.BufferMinutes is >= 0 and <= 120 && s.BufferMinutes % Grid.CellMinutes == 0, "Facilities.Error.Buffer");
        Require(s.NoShowGraceMinutes is >= 5 and <= 120, "Facilities.Error.Grace");
        Require(s.LateCancelHours is >= 0 and <= 168, "Facilities.Error.LateCancel");
        var equipment = s.Equipment.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Require(equipment.Count <= MaxEquipmentItems && equipment.All(e => e.Length <= MaxEquipmentText), "Facilities.Error.Equipment",
            MaxEquipmentItems, MaxEquipmentText);
        SiteId = s.SiteId;
        FloorLevel = s.FloorLevel;
        NameKo = Text(s.NameKo, MaxName, "Facilities.Error.NameKo");
        NameEn = Text(s.NameEn, MaxName, "Facilities.Error.NameEn");
        Kind = s.Kind;
        Capacity = s.Capacity;
        Equipment = equipment;
        Audience = s.Audience | Audience.Staff;   // staff (operators) may book every facility
        RequiresApproval = s.RequiresApproval;
        OpenDays = s.OpenDays;
        OpensAt = s.OpensAt;
        ClosesAt = s.ClosesAt;
        MinMinutes = s.MinMinutes;
        MaxMinutes = s.MaxMinutes;
        BufferMinutes = s.BufferMinutes;
        OpenOnHolidays = s.OpenOnHolidays;
        NoShowGraceMinutes = s.NoShowGraceMinutes;
        LateCancelHours = s.LateCancelHours;
        Active = s.Active;
        UpdatedAt = now.ToUniversalTime();
    }

    public FacilitySettings Settings => new(SiteId, FloorLevel, NameKo, NameEn, Kind, Capacity, Equipment, Audience, RequiresApproval,
        OpenDays, OpensAt, ClosesAt, MinMinutes, MaxMinutes, BufferMinutes, OpenOnHolidays, NoShowGraceMinutes, LateCancelHours, Active);

    public bool HasEquipment(string item) => Equipment.Any(e => e.Contains(item.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the facility is open on that KST date (weekday, and public holidays unless allowed).</summary>
    public bool IsOpenOn(DateOnly date, IReadOnlySet<DateOnly> holidays) =>
        OpenDays.Has(date.DayOfWeek) && (OpenOnHolidays || !holidays.Contains(date));

    /// <summary>
    /// The rules a time slot must meet to be booked here: on the grid, in the future, within the length limits, within
    /// one day's opening hours (KST), on an open day, not a public holiday unless allowed, and the attendees fit.
    /// </summary>
    public void CheckSlot(DateTimeOffset start, DateTimeOffset end, int attendees, IReadOnlySet<DateOnly> holidays, DateTimeOffset now)
    {
        Require(Active, "Facilities.Error.Inactive");
        Require(Grid.IsOnGrid(start) && Grid.IsOnGrid(end), "Facilities.Error.Grid");
        Require(end > start, "Facilities.Error.EndBeforeStart");
        Require(start > now, "Facilities.Error.InPast");
        var minutes = (int)(end - start).TotalMinutes;
        Require(minutes >= MinMinutes && minutes <= MaxMinutes, "Facilities.Error.Length", MinMinutes, MaxMinutes);
        var date = Grid.KstDate(start);
        var endTime = Grid.KstTime(end);
        Require(Grid.KstDate(end) == date, "Facilities.Error.OneDay");
        Require(OpenDays.Has(date.DayOfWeek), "Facilities.Error.ClosedDay");
        Require(OpenOnHolidays || !holidays.Contains(date), "Facilities.Error.Holiday");
        Require(Grid.KstTime(start) >= OpensAt && endTime <= ClosesAt, "Facilities.Error.OutsideHours",
            OpensAt.ToString("HH:mm"), ClosesAt.ToString("HH:mm"));
        Require(attendees >= 1, "Facilities.Error.Attendees");
        Require(attendees <= Capacity, "Facilities.Error.OverCapacity", Capacity);
    }
}

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> b)
    {
        b.ToTable("Facilities");
        b.Property(f => f.NameKo).HasMaxLength(Facility.MaxName);
        b.Property(f => f.NameEn).HasMaxLength(Facility.MaxName);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.Equipment).HasJsonConversion(() => []).HasMaxLength(1000);
        b.HasOne<Site>().WithMany().HasForeignKey(f => f.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.Active, f.Capacity });
        b.HasIndex(f => f.SiteId);
    }
}
