using SeoulAiHub.Features.Facilities;
using static SeoulAiHub.Tests.Facilities.Domain.Rooms;

namespace SeoulAiHub.Tests.Facilities.Domain;

public sealed class BookingLifecycleTests
{
    [Fact]
    public void A_room_needing_approval_starts_pending_unless_staff_book_it()
    {
        var room = Room(approval: true);
        Assert.Equal(BookingStatus.Pending, Book(room, Kst(10, 1, 10), Kst(10, 1, 11)).Status);
        Assert.Equal(BookingStatus.Confirmed, Booking.Request(room, null, Person, true, "운영 회의", 4, Kst(10, 1, 10),
            Kst(10, 1, 11), null, Now).Status);
        Assert.Equal(BookingStatus.Confirmed, Book(Room(), Kst(10, 1, 10), Kst(10, 1, 11)).Status);
    }

    [Fact]
    public void Approve_confirms_and_reject_needs_a_reason_each_logged()
    {
        var room = Room(approval: true);
        var booking = Book(room, Kst(10, 1, 10), Kst(10, 1, 11));
        Refused("Facilities.Error.RejectReason", () => booking.Reject(" ", Person, Now));
        booking.Reject("행사 일정과 겹칩니다", Person, Now);
        Assert.Equal((BookingStatus.Rejected, "행사 일정과 겹칩니다"), (booking.Status, booking.Reason));
        Refused("Facilities.Error.NotPending", () => booking.Approve(Person, Now));

        var other = Book(room, Kst(10, 1, 12), Kst(10, 1, 13));
        other.Approve(Person, Now);
        Assert.Equal([BookingEventKind.Requested, BookingEventKind.Approved], other.History.Select(e => e.Kind));
    }

    [Fact]
    public void Cancelling_within_the_notice_is_late_and_still_counts_against_the_quota()
    {
        var room = Room(lateCancelHours: 24);
        var early = Book(room, Kst(10, 1, 10), Kst(10, 1, 11));
        Assert.False(early.Cancel(room, Person, Kst(9, 30, 9, 59)));
        Assert.False(early.CountsAgainstQuota);

        var late = Book(room, Kst(10, 1, 10), Kst(10, 1, 11));
        Assert.True(late.Cancel(room, Person, Kst(9, 30, 10, 1)));
        Assert.True(late.CountsAgainstQuota);

        var started = Book(room, Kst(10, 1, 10), Kst(10, 1, 11));
        Refused("Facilities.Error.Started", () => started.Cancel(room, Person, Kst(10, 1, 10)));
    }

    [Fact]
    public void Check_in_opens_15_minutes_before_the_start_and_closes_with_the_grace_time()
    {
        var room = Room(grace: 15);
        var booking = Book(room, Kst(10, 1, 10), Kst(10, 1, 11));
        Refused("Facilities.Error.CheckInTooEarly", () => booking.CheckIn(room, Person, Kst(10, 1, 9, 44)));
        Refused("Facilities.Error.CheckInTooLate", () => booking.CheckIn(room, Person, Kst(10, 1, 10, 15)));
        booking.CheckIn(room, Person, Kst(10, 1, 10, 14));
        Assert.Equal(BookingStatus.CheckedIn, booking.Status);
    }

    [Fact]
    public void A_no_show_is_released_after_the_grace_time_freeing_the_cells_from_the_next_quarter_hour()
    {
        var room = Room(grace: 10);
        var booking = Book(room, Kst(10, 1, 10), Kst(10, 1, 12));
        Refused("Facilities.Error.NotNoShow", () => booking.Release(room, Kst(10, 1, 10, 9)));

        var freedFrom = booking.Release(room, Kst(10, 1, 10, 11));

        Assert.Equal(Kst(10, 1, 10, 15), freedFrom);
        Assert.Equal(BookingStatus.Released, booking.Status);
        Assert.Equal(BookingEventKind.Released, booking.History[^1].Kind);
        Assert.Null(booking.History[^1].By);
        Assert.True(booking.CountsAgainstQuota);
    }

    [Fact]
    public void An_offer_is_held_at_most_until_the_start_and_accepting_it_waits_for_approval_where_needed()
    {
        var room = Room(approval: true);
        var entry = WaitlistEntry.Join(room.Id, Guid.NewGuid(), Person, false, "팀 회의", 6, Kst(9, 21, 10), Kst(9, 21, 11), Now);

        var offer = Booking.Offer(room, entry, Now.AddHours(2), Now);
        Assert.Equal(Kst(9, 21, 10), offer.OfferExpiresAt);   // 09:00 + 2 h would pass the 10:00 start
        Assert.Equal(BookingStatus.Offered, offer.Status);
        Assert.True(offer.IsActive);

        offer.AcceptOffer(room, Person, Now.AddMinutes(30));
        Assert.Equal(BookingStatus.Pending, offer.Status);
        Assert.Null(offer.OfferExpiresAt);
    }

    [Fact]
    public void An_offer_expires_only_after_its_hold_and_cannot_be_accepted_then()
    {
        var room = Room();
        var entry = WaitlistEntry.Join(room.Id, Guid.NewGuid(), Person, false, "팀 회의", 6, Kst(10, 1, 10), Kst(10, 1, 11), Now);
        var offer = Booking.Offer(room, entry, Now.AddHours(2), Now);

        Refused("Facilities.Error.OfferNotExpired", () => offer.DeclineOffer(null, Now.AddMinutes(119)));
        Refused("Facilities.Error.OfferExpired", () => offer.AcceptOffer(room, Person, Now.AddHours(2)));
        offer.DeclineOffer(null, Now.AddHours(2));

        Assert.Equal((BookingStatus.Declined, BookingEventKind.Expired), (offer.Status, offer.History[^1].Kind));
        Assert.False(offer.CountsAgainstQuota);
    }
}
