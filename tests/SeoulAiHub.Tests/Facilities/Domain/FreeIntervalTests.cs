using SeoulAiHub.Features.Facilities;
using static SeoulAiHub.Tests.Facilities.Domain.Rooms;

namespace SeoulAiHub.Tests.Facilities.Domain;

public sealed class FreeIntervalTests
{
    private static readonly HashSet<long> NoCells = [];
    private static readonly DateOnly Thursday = new(2026, 10, 1);

    private static HashSet<long> Taken(params Booking[] bookings) => bookings.SelectMany(b => b.Claims)
        .Select(c => c.CellStart.UtcTicks).ToHashSet();

    [Fact]
    public void Free_stretches_respect_the_window_the_bookings_and_the_buffer_a_new_booking_needs()
    {
        var room = Room(buffer: 15);
        var taken = Taken(Book(room, Grid.At(Thursday, new(14, 0)), Grid.At(Thursday, new(15, 0))));

        var free = AvailabilitySearch.FreeIntervals(room, Thursday, new TimeOnly(13, 0), new TimeOnly(18, 0), 60, NoHolidays, taken, Now)
            .ToList();

        // Before: a 13:00 start needs the cells to 14:15 (hour + buffer), and 14:00 is taken. After: the booking holds to 15:15.
        Assert.Equal([(Grid.At(Thursday, new(15, 15)), Grid.At(Thursday, new(18, 0)))], free.Select(f => (f.StartsAt, f.EndsAt)));
    }

    [Fact]
    public void A_holiday_or_a_closed_day_has_no_free_time_and_past_quarter_hours_are_not_offered()
    {
        var room = Room();
        Assert.Empty(AvailabilitySearch.FreeIntervals(room, Thursday, new(9, 0), new(21, 0), 60,
            new HashSet<DateOnly> { Thursday }, NoCells, Now));
        Assert.Empty(AvailabilitySearch.FreeIntervals(room, Thursday.AddDays(2), new(9, 0), new(21, 0), 60, NoHolidays, NoCells, Now));

        var at1007 = Grid.At(Thursday, new(10, 7));
        var free = Assert.Single(AvailabilitySearch.FreeIntervals(room, Thursday, new(9, 0), new(12, 0), 60, NoHolidays, NoCells, at1007));
        Assert.Equal((Grid.At(Thursday, new(10, 15)), Grid.At(Thursday, new(12, 0))), (free.StartsAt, free.EndsAt));
    }
}
