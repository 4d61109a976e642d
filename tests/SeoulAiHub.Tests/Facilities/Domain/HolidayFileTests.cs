using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Features.Facilities.Demo;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Facilities.Domain;

public sealed class HolidayFileTests
{
    [Fact]
    public void The_demo_2026_holidays_are_exactly_what_the_published_calendar_file_says()
    {
        var (days, problems) = HolidayCalendar.Read(File.ReadAllText(TestPaths.Sample("ics-holidays-kr-2026.ics")));

        Assert.Empty(problems);
        Assert.Equal(22, days.Count);
        Assert.Equal(DemoFacilities.Holidays2026.Select(h => (h.Date, h.Ko)), days.OrderBy(d => d.Date));
        Assert.Contains((new DateOnly(2026, 9, 25), "추석"), days);
    }

    [Fact]
    public void Timed_events_are_reported_and_a_multi_day_all_day_event_gives_each_day()
    {
        const string ics = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//KO\n" +
            "BEGIN:VEVENT\nUID:a\nDTSTAMP:20260101T000000Z\nDTSTART;VALUE=DATE:20260924\nDTEND;VALUE=DATE:20260927\nSUMMARY:추석 " +
            "연휴\nEND:VEVENT\n" +
            "BEGIN:VEVENT\nUID:b\nDTSTAMP:20260101T000000Z\nDTSTART:20260101T100000Z\nSUMMARY:회의\nEND:VEVENT\nEND:VCALENDAR\n";

        var (days, problems) = HolidayCalendar.Read(ics);

        Assert.Equal([new DateOnly(2026, 9, 24), new DateOnly(2026, 9, 25), new DateOnly(2026, 9, 26)], days.Select(d => d.Date));
        Assert.Contains("회의", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_a_calendar_is_a_problem_not_an_exception()
    {
        var (days, problems) = HolidayCalendar.Read("this is not a calendar");

        Assert.Empty(days);
        Assert.NotEmpty(problems);
    }
}
