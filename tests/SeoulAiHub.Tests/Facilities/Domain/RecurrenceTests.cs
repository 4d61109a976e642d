using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Features.Facilities.Demo;

namespace SeoulAiHub.Tests.Facilities.Domain;

public sealed class RecurrenceTests
{
    private static readonly HashSet<DateOnly> Holidays2026 = DemoFacilities.Holidays2026.Select(h => h.Date).ToHashSet();
    private static readonly HashSet<DateOnly> NoHoliday = [];
    private static readonly TimeOnly Ten = new(10, 0);
    private static readonly TimeOnly Eleven = new(11, 0);

    [Fact]
    public void Chuseok_week_skips_the_holidays_and_the_exception_and_keeps_the_other_working_days()
    {
        // 2026-09-21 (Mon) … 09-27 (Sun); 추석 연휴 24–26, the 22nd is an exception.
        var rule = new RecurrenceRule(Weekdays.WorkingDays, Ten, Eleven, new DateOnly(2026, 9, 21), new DateOnly(2026, 9, 27),
            [new DateOnly(2026, 9, 22)]);

        var expansion = Recurrence.Expand(rule, Holidays2026, openOnHolidays: false, Weekdays.WorkingDays);

        Assert.Equal([new DateOnly(2026, 9, 21), new DateOnly(2026, 9, 23)], expansion.Occurrences.Select(o => o.Date));
        Assert.Equal([(new DateOnly(2026, 9, 22), SkipReason.Exception), (new DateOnly(2026, 9, 24), SkipReason.Holiday),
            (new DateOnly(2026, 9, 25), SkipReason.Holiday)], expansion.Skipped.Select(s => (s.Date, s.Reason)));
    }

    [Fact]
    public void Occurrences_are_kst_wall_clock_times_stored_in_utc()
    {
        var rule = new RecurrenceRule(Weekdays.Monday, Ten, Eleven, new DateOnly(2026, 9, 21), new DateOnly(2026, 9, 21), []);

        var occurrence = Assert.Single(Recurrence.Expand(rule, Holidays2026, false).Occurrences);

        Assert.Equal(new DateTimeOffset(2026, 9, 21, 1, 0, 0, TimeSpan.Zero), occurrence.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 9, 21, 2, 0, 0, TimeSpan.Zero), occurrence.EndsAt);
    }

    [Fact]
    public void A_facility_open_on_holidays_keeps_them_but_still_skips_its_closed_days()
    {
        var rule = new RecurrenceRule(Weekdays.Thursday | Weekdays.Friday | Weekdays.Saturday, Ten, Eleven, new DateOnly(2026, 9, 21),
            new DateOnly(2026, 9, 27), []);

        var expansion = Recurrence.Expand(rule, Holidays2026, openOnHolidays: true, Weekdays.WorkingDays);

        Assert.Equal([new DateOnly(2026, 9, 24), new DateOnly(2026, 9, 25)], expansion.Occurrences.Select(o => o.Date));
        Assert.Equal((new DateOnly(2026, 9, 26), SkipReason.ClosedDay), expansion.Skipped.Select(s => (s.Date, s.Reason)).Single());
    }

    [Fact]
    public void Weekly_on_two_days_over_three_weeks_gives_six_dates_in_order()
    {
        var rule = new RecurrenceRule(Weekdays.Tuesday | Weekdays.Thursday, Ten, Eleven, new DateOnly(2026, 6, 8),
            new DateOnly(2026, 6, 28), []);

        var dates = Recurrence.Expand(rule, Holidays2026, false).Occurrences.Select(o => o.Date.ToString("MM-dd"));

        Assert.Equal(["06-09", "06-11", "06-16", "06-18", "06-23", "06-25"], dates);
    }

    [Fact]
    public void A_series_longer_than_26_weeks_or_without_weekdays_or_ending_before_it_starts_is_refused()
    {
        var from = new DateOnly(2026, 1, 5);
        Rooms.Refused("Facilities.Error.SeriesTooLong", () => Recurrence.Expand(new RecurrenceRule(Weekdays.Monday, Ten, Eleven, from,
            from.AddDays(26 * 7), []), NoHoliday, false));
        Rooms.Refused("Facilities.Error.SeriesDays", () => Recurrence.Expand(new RecurrenceRule(Weekdays.None, Ten, Eleven, from,
            from.AddDays(7), []), NoHoliday, false));
        Rooms.Refused("Facilities.Error.SeriesRange", () => Recurrence.Expand(new RecurrenceRule(Weekdays.Monday, Ten, Eleven, from,
            from.AddDays(-1), []), NoHoliday, false));
        Assert.Equal(26, Recurrence.Expand(new RecurrenceRule(Weekdays.Monday, Ten, Eleven, from, from.AddDays(26 * 7 - 1), []), NoHoliday,
            true).Occurrences.Count);
    }
}
