using SeoulAiHub.Features.Facilities;

namespace SeoulAiHub.Tests.Facilities.Domain;

/// <summary>Shared bits of the facility domain tests: a room, a fixed "now", KST times, and asserting which rule refused.</summary>
internal static class Rooms
{
    /// <summary>Monday 2026-09-21 09:00 KST, the week of Chuseok.</summary>
    public static readonly DateTimeOffset Now = new(2026, 9, 21, 0, 0, 0, TimeSpan.Zero);
    public static readonly Guid Site = Guid.NewGuid();
    public static readonly Guid Person = Guid.NewGuid();
    public static readonly HashSet<DateOnly> NoHolidays = [];

    public static Facility Room(int buffer = 0, bool approval = false, int capacity = 12, Weekdays days = Weekdays.WorkingDays,
        bool openOnHolidays = false, int lateCancelHours = 24, int grace = 15) =>
        Facility.Create(new FacilitySettings(Site, 2, "2층 회의실 B", "Meeting Room B", FacilityKind.MeetingRoom, capacity, ["디스플레이/Display"],
            Audience.Tenants, approval, days, new TimeOnly(9, 0), new TimeOnly(21, 0), 30, 240, buffer, openOnHolidays, grace,
            lateCancelHours), Now);

    /// <summary>A KST wall-clock moment as UTC.</summary>
    public static DateTimeOffset Kst(int month, int day, int hour, int minute = 0) =>
        Grid.At(new DateOnly(2026, month, day), new TimeOnly(hour, minute));

    public static Booking Book(Facility room, DateTimeOffset start, DateTimeOffset end, Guid? organization = null) =>
        Booking.Request(room, organization ?? Guid.NewGuid(), Person, false, "주간 회의", 6, start, end, null, Now);

    public static RuleException Refused(string key, Action action)
    {
        var ex = Assert.Throws<RuleException>(action);
        Assert.Equal(key, ex.Key);
        return ex;
    }
}
