using SeoulAiHub.Features.Facilities;
using static SeoulAiHub.Tests.Facilities.Domain.Rooms;

namespace SeoulAiHub.Tests.Facilities.Domain;

/// <summary>The cells a booking claims decide what collides; the database's key on them does the refusing.</summary>
public sealed class SlotClaimTests
{
    private static HashSet<DateTimeOffset> CellsOf(Booking booking) => booking.Claims.Select(c => c.CellStart).ToHashSet();

    [Fact]
    public void A_booking_claims_one_cell_per_quarter_hour_of_its_slot_and_its_buffer()
    {
        var booking = Book(Room(buffer: 15), Kst(10, 1, 10), Kst(10, 1, 11));

        Assert.Equal([Kst(10, 1, 10), Kst(10, 1, 10, 15), Kst(10, 1, 10, 30), Kst(10, 1, 10, 45), Kst(10, 1, 11)],
            booking.Claims.Select(c => c.CellStart));
    }

    [Fact]
    public void Overlapping_but_not_equal_bookings_share_a_cell()
    {
        var room = Room();
        Assert.True(CellsOf(Book(room, Kst(10, 1, 10), Kst(10, 1, 11))).Overlaps(CellsOf(Book(room, Kst(10, 1, 10, 45), Kst(10, 1, 12)))));
        Assert.True(CellsOf(Book(room, Kst(10, 1, 10), Kst(10, 1, 12))).Overlaps(CellsOf(Book(room, Kst(10, 1, 10, 30), Kst(10, 1, 11)))));
    }

    [Fact]
    public void Back_to_back_bookings_fit_without_a_buffer_but_collide_within_it()
    {
        var plain = Room(buffer: 0);
        Assert.False(CellsOf(Book(plain, Kst(10, 1, 10), Kst(10, 1, 11))).Overlaps(CellsOf(Book(plain, Kst(10, 1, 11), Kst(10, 1, 12)))));

        var buffered = Room(buffer: 30);
        var first = CellsOf(Book(buffered, Kst(10, 1, 10), Kst(10, 1, 11)));
        Assert.True(first.Overlaps(CellsOf(Book(buffered, Kst(10, 1, 11, 15), Kst(10, 1, 12)))));
        Assert.False(first.Overlaps(CellsOf(Book(buffered, Kst(10, 1, 11, 30), Kst(10, 1, 12)))));

        // The buffer also keeps an earlier booking away from a later one.
        Assert.True(first.Overlaps(CellsOf(Book(buffered, Kst(10, 1, 9), Kst(10, 1, 9, 45)))));
    }

    [Fact]
    public void Slots_off_the_grid_outside_opening_hours_too_long_or_over_capacity_are_refused()
    {
        var room = Room();
        Refused("Facilities.Error.Grid", () => room.CheckSlot(Kst(10, 1, 10, 10), Kst(10, 1, 11), 4, NoHolidays, Now));
        Refused("Facilities.Error.OutsideHours", () => room.CheckSlot(Kst(10, 1, 8), Kst(10, 1, 10), 4, NoHolidays, Now));
        Refused("Facilities.Error.Length", () => room.CheckSlot(Kst(10, 1, 9), Kst(10, 1, 14), 4, NoHolidays, Now));
        Refused("Facilities.Error.Length", () => room.CheckSlot(Kst(10, 1, 9), Kst(10, 1, 9, 15), 4, NoHolidays, Now));
        Refused("Facilities.Error.OverCapacity", () => room.CheckSlot(Kst(10, 1, 10), Kst(10, 1, 11), 13, NoHolidays, Now));
        Refused("Facilities.Error.ClosedDay", () => room.CheckSlot(Kst(10, 3, 10), Kst(10, 3, 11), 4, NoHolidays, Now));
        Refused("Facilities.Error.Holiday", () => room.CheckSlot(Kst(9, 24, 10), Kst(9, 24, 11), 4,
            new HashSet<DateOnly> { new DateOnly(2026, 9, 24) }, Now));
        Refused("Facilities.Error.InPast", () => room.CheckSlot(Kst(9, 21, 9), Kst(9, 21, 10), 4, NoHolidays, Now));
        room.CheckSlot(Kst(10, 1, 20), Kst(10, 1, 21), 12, NoHolidays, Now);
    }
}
