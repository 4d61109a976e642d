using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Seeding;
using SeoulAiHub.Platform.Time;
using static SeoulAiHub.Features.Facilities.Audience;
using static SeoulAiHub.Features.Facilities.FacilityKind;

namespace SeoulAiHub.Features.Facilities.Demo;

/// <summary>
/// The hub's bookable rooms at 서울AI허브, the 2025 and 2026 Korean public holidays (written here as data; a test checks
/// 2026 against the published calendar file), and this and next week's bookings by demo tenants: a weekly meeting with
/// one exception, a conference-hall request awaiting approval (the hall, the boardroom and the studio need one), and a
/// waitlist entry for a taken slot.
/// </summary>
internal sealed class DemoFacilities(HubDb db, TimeProvider clock) : IDemoData
{
    public static readonly (DateOnly Date, string Ko, string En)[] Holidays2025 =
    [
        (new(2025, 1, 1), "1월 1일", "New Year's Day"),
        (new(2025, 1, 27), "임시공휴일", "Temporary holiday"),
        (new(2025, 1, 28), "설날 전날", "Seollal (eve)"),
        (new(2025, 1, 29), "설날", "Seollal"),
        (new(2025, 1, 30), "설날 다음 날", "Seollal (day after)"),
        (new(2025, 3, 1), "3ㆍ1절", "Independence Movement Day"),
        (new(2025, 3, 3), "대체공휴일(3ㆍ1절)", "Substitute holiday (Independence Movement Day)"),
        (new(2025, 5, 5), "어린이날", "Children's Day"),
        (new(2025, 5, 6), "대체공휴일(어린이날)", "Substitute holiday (Children's Day)"),
        (new(2025, 6, 3), "제21대 대통령 선거", "Presidential election"),
        (new(2025, 6, 6), "현충일", "Memorial Day"),
        (new(2025, 8, 15), "광복절", "Liberation Day"),
        (new(2025, 10, 3), "개천절", "National Foundation Day"),
        (new(2025, 10, 5), "추석 전날", "Chuseok (eve)"),
        (new(2025, 10, 6), "추석", "Chuseok"),
        (new(2025, 10, 7), "추석 다음 날", "Chuseok (day after)"),
        (new(2025, 10, 8), "대체공휴일(추석)", "Substitute holiday (Chuseok)"),
        (new(2025, 10, 9), "한글날", "Hangeul Day"),
        (new(2025, 12, 25), "기독탄신일", "Christmas Day"),
    ];

    public static readonly (DateOnly Date, string Ko, string En)[] Holidays2026 =
    [
        (new(2026, 1, 1), "1월 1일", "New Year's Day"),
        (new(2026, 2, 16), "설날 전날", "Seollal (eve)"),
        (new(2026, 2, 17), "설날", "Seollal"),
        (new(2026, 2, 18), "설날 다음 날", "Seollal (day after)"),
        (new(2026, 3, 1), "3ㆍ1절", "Independence Movement Day"),
        (new(2026, 3, 2), "대체공휴일(3ㆍ1절)", "Substitute holiday (Independence Movement Day)"),
        (new(2026, 5, 1), "노동절", "Labour Day"),
        (new(2026, 5, 5), "어린이날", "Children's Day"),
        (new(2026, 5, 24), "부처님 오신 날", "Buddha's Birthday"),
        (new(2026, 5, 25), "대체공휴일(부처님 오신 날)", "Substitute holiday (Buddha's Birthday)"),
        (new(2026, 6, 3), "전국동시지방선거", "Local elections"),
        (new(2026, 6, 6), "현충일", "Memorial Day"),
        (new(2026, 7, 17), "제헌절", "Constitution Day"),
        (new(2026, 8, 15), "광복절", "Liberation Day"),
        (new(2026, 8, 17), "대체공휴일(광복절)", "Substitute holiday (Liberation Day)"),
        (new(2026, 9, 24), "추석 전날", "Chuseok (eve)"),
        (new(2026, 9, 25), "추석", "Chuseok"),
        (new(2026, 9, 26), "추석 다음 날", "Chuseok (day after)"),
        (new(2026, 10, 3), "개천절", "National Foundation Day"),
        (new(2026, 10, 5), "대체공휴일(개천절)", "Substitute holiday (National Foundation Day)"),
        (new(2026, 10, 9), "한글날", "Hangeul Day"),
        (new(2026, 12, 25), "기독탄신일", "Christmas Day"),
    ];

    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly TwentyOne = new(21, 0);

    /// <summary>The rooms: name, kind, floor, capacity, equipment, who may book, approval, hours, lengths, buffer.</summary>
    internal static IEnumerable<FacilitySettings> Rooms(Guid site) =>
    [
        new(site, 2, "2층 회의실 A", "Meeting Room A (2F)", MeetingRoom, 8, ["화이트보드/Whiteboard", "TV"], Tenants, false,
            Weekdays.WorkingDays, Nine, TwentyOne, 30, 240, 0),
        new(site, 2, "2층 회의실 B", "Meeting Room B (2F)", MeetingRoom, 12, ["디스플레이/Display", "화상회의/Video conferencing", "화이트보드/Whiteboard"],
            Tenants, false, Weekdays.WorkingDays, Nine, TwentyOne, 30, 240, 15),
        new(site, 3, "3층 세미나실", "Seminar Room (3F)", Classroom, 40, ["프로젝터/Projector", "마이크/Microphone"], Tenants, false,
            Weekdays.WorkingDays, Nine, TwentyOne, 60, 480, 15),
        // The boardroom is kept for the hub's own guests, so a tenant's booking waits for an operator's approval.
        new(site, 3, "3층 대회의실", "Boardroom (3F)", MeetingRoom, 16, ["디스플레이/Display", "화상회의/Video conferencing", "마이크/Microphone"], Tenants,
            true, Weekdays.WorkingDays, Nine, new TimeOnly(18, 0), 60, 240, 30),
        new(site, 1, "1층 컨퍼런스홀", "Conference Hall (1F)", ConferenceHall, 180,
            ["무대/Stage", "음향/Sound system", "프로젝터/Projector", "동시통역 부스/Interpretation booth"], Tenants, true,
            Weekdays.WorkingDays | Weekdays.Saturday, new TimeOnly(8, 0), new TimeOnly(22, 0), 60, 600, 60, LateCancelHours: 72),
        new(site, 4, "4층 스튜디오", "Studio (4F)", Studio, 4, ["촬영 장비/Camera kit", "조명/Lighting", "방음/Soundproofing"], Tenants, true,
            Weekdays.WorkingDays, Nine, new TimeOnly(18, 0), 60, 240, 30),
        new(site, 1, "공개 강의실 1", "Open Classroom 1", Classroom, 30, ["프로젝터/Projector", "노트북/Laptops"], Public | Tenants, false,
            Weekdays.WorkingDays | Weekdays.Saturday, Nine, TwentyOne, 60, 240, 15),
        new(site, 1, "공개 강의실 2", "Open Classroom 2", Classroom, 30, ["프로젝터/Projector"], Public | Tenants, false,
            Weekdays.WorkingDays | Weekdays.Saturday, Nine, TwentyOne, 60, 240, 15),
    ];

    public int Order => 50;

    public async Task SeedAsync(DemoHub demo, CancellationToken ct)
    {
        var people = demo.People;
        var now = clock.GetUtcNow();
        var today = Kst.Today(clock);
        var site = await db.AllSites().Where(s => s.NameKo == "서울AI허브").Select(s => s.Id).SingleAsync(ct);
        db.PublicHolidays.AddRange(Holidays2025.Concat(Holidays2026).Select(h => PublicHoliday.Create(h.Date, h.Ko, h.En)));
        var rooms = Rooms(site).Select(s => Facility.Create(s, now)).ToDictionary(f => f.NameKo);
        db.Facilities.AddRange(rooms.Values);
        await db.SaveChangesAsync(ct);

        var closed = Holidays2025.Concat(Holidays2026).Select(h => h.Date).ToHashSet();
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        Guid Org(string name) => demo.Organization(name);
        var malgyeol = (Org("말결랩스"), people["malgyeol"]);
        var nunbit = (Org("눈빛비전"), people["nunbit"]);
        var kaist = (Org("KAIST 김재철AI대학원"), people["kaist"]);

        void Book(string room, (Guid Org, Guid User)? who, DateOnly date, int fromHour, int toHour, string purpose, int attendees,
            Guid? series = null)
        {
            var facility = rooms[room];
            if (!facility.IsOpenOn(date, closed))
            {
                return;
            }

            var start = Grid.At(date, new TimeOnly(fromHour, 0));
            var booking = Booking.Request(facility, who?.Org, who?.User ?? people["ops"], who is null, purpose, attendees, start,
                Grid.At(date, new TimeOnly(toHour, 0)), series, now);
            if (start <= now && booking.Status == BookingStatus.Confirmed)
            {
                booking.CheckIn(facility, booking.BookedBy, start);   // past bookings were used, so the keeper has nothing to release
            }

            db.Bookings.Add(booking);
        }

        for (var day = 0; day < 14; day++)
        {
            var date = monday.AddDays(day);
            switch (date.DayOfWeek)
            {
                case DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday:
                    Book("2층 회의실 A", malgyeol, date, 10, 11, "데일리 스탠드업 / daily stand-up", 6);
                    Book("2층 회의실 A", nunbit, date, 14, 16, "고객사 검수 회의 / customer acceptance meeting", 5);
                    break;
                case DayOfWeek.Thursday:
                    Book("3층 세미나실", kaist, date, 13, 16, "AI 대학원 공개 세미나 / open seminar", 35);
                    Book("2층 회의실 B", kaist, date, 16, 18, "연구실 미팅 / lab meeting", 10);
                    break;
                case DayOfWeek.Saturday:
                    Book("공개 강의실 1", null, date, 10, 12, "시민 AI 교실 / AI class for citizens", 25);
                    break;
            }
        }

        // A weekly meeting on Tuesdays for eight weeks, without next week's Tuesday.
        var rule = new RecurrenceRule(Weekdays.Tuesday, new TimeOnly(10, 0), new TimeOnly(11, 0), monday, monday.AddDays(7 * 8 - 1),
            [monday.AddDays(8)]);
        var series = BookingSeries.Create(rooms["2층 회의실 B"].Id, malgyeol.Item1, malgyeol.Item2, rule,
            "주간 제품 회의 / weekly product meeting", now);
        db.BookingSeries.Add(series);
        await db.SaveChangesAsync(ct);
        foreach (var occurrence in Recurrence.Expand(rule, closed, openOnHolidays: false, rooms["2층 회의실 B"].OpenDays).Occurrences)
        {
            Book("2층 회의실 B", malgyeol, occurrence.Date, 10, 11, series.Purpose, 8, series.Id);
        }

        // Next week: a conference-hall request awaiting approval, and a taken slot somebody waits for.
        Book("1층 컨퍼런스홀", kaist, monday.AddDays(11), 13, 17, "AI 인재 채용 설명회 / AI talent fair", 150);
        var wednesday = monday.AddDays(9);
        Book("2층 회의실 B", malgyeol, wednesday, 14, 15, "투자사 미팅 / investor meeting", 6);
        if (rooms["2층 회의실 B"].IsOpenOn(wednesday, closed))
        {
            db.WaitlistEntries.Add(WaitlistEntry.Join(rooms["2층 회의실 B"].Id, nunbit.Item1, nunbit.Item2, false,
                "파트너사 화상 회의 / partner video call", 8, Grid.At(wednesday, new TimeOnly(14, 0)),
                Grid.At(wednesday, new TimeOnly(15, 0)), now));
        }

        await db.SaveChangesAsync(ct);
    }
}
