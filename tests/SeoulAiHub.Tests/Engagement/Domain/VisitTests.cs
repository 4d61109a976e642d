using SeoulAiHub.Features.Engagement;
using static SeoulAiHub.Tests.Engagement.Domain.Rules;

namespace SeoulAiHub.Tests.Engagement.Domain;

public sealed class VisitTests
{
    private static Visit Planned(DateOnly? date = null) =>
        Visit.Plan(VisitKind.Visit, "  의장 현장방문 ", date ?? Today, "현장 소통", "운영사무국", null, Operator, Now);

    [Fact]
    public void A_visit_is_planned_with_trimmed_texts_and_needs_a_kind_title_and_host()
    {
        var visit = Planned();
        Assert.Equal(("의장 현장방문", VisitStatus.Planned, Today), (visit.Title, visit.Status, visit.Date));

        Refused("Engagement.Error.Title", () => Visit.Plan(VisitKind.Visit, " ", Today, null, "운영사무국", null, Operator, Now));
        Refused("Engagement.Error.Host", () => Visit.Plan(VisitKind.Visit, "방문", Today, null, null, null, Operator, Now));
        Refused("Engagement.Error.Kind", () => Visit.Plan((VisitKind)42, "방문", Today, null, "운영사무국", null, Operator, Now));
    }

    [Fact]
    public void Texts_over_their_maximum_are_refused_with_the_maximum_and_change_nothing()
    {
        var visit = Planned();
        var tooLong = Refused("Error.TooLong", () =>
            visit.Describe(VisitKind.Meeting, new string('가', Visit.MaxTitle + 1), Today, null, "운영사무국", null, Now));
        Assert.Equal(new object[] { Visit.MaxTitle }, tooLong.Arguments);
        Assert.Equal(("의장 현장방문", VisitKind.Visit), (visit.Title, visit.Kind));

        Refused("Error.TooLong", () => visit.Describe(VisitKind.Visit, "방문", Today, new string('a', Visit.MaxPurpose + 1),
            "운영사무국", null, Now));
        Refused("Error.TooLong", () => visit.AddGuest(new string('a', Visit.MaxName + 1), "의장", "서울특별시의회", Now));
        Refused("Error.TooLong", () => visit.AddStop(new(14, 0), new(15, 0), new string('a', Visit.MaxTitle + 1), null,
            null, null, null, Now));
        Refused("Error.TooLong", () => visit.AddStop(new(14, 0), new(15, 0), "201호", null, null, null,
            new string('a', Visit.MaxPurpose + 1), Now));
        Assert.Empty(visit.Participants);
        Assert.Empty(visit.Stops);

        // Exactly the maximum is fine.
        visit.Describe(VisitKind.Visit, new string('가', Visit.MaxTitle), Today, null, "운영사무국", null, Now);
        Assert.Equal(Visit.MaxTitle, visit.Title.Length);
    }

    [Theory]
    [InlineData(14, 0, 14, 0)]
    [InlineData(14, 30, 14, 0)]
    public void A_stop_must_end_after_it_starts(int startHour, int startMinute, int endHour, int endMinute)
    {
        var visit = Planned();
        Refused("Engagement.Error.StopTimes", () =>
            visit.AddStop(new(startHour, startMinute), new(endHour, endMinute), "201호", null, Guid.NewGuid(), null, null, Now));
        Assert.Empty(visit.Stops);
    }

    [Fact]
    public void A_stop_needs_an_organization_or_a_place_and_stops_come_in_time_order()
    {
        var visit = Planned();
        Refused("Engagement.Error.StopPlace", () => visit.AddStop(new(14, 0), new(15, 0), "  ", null, null, null, null, Now));

        var organization = Guid.NewGuid();
        var late = visit.AddStop(new(15, 0), new(15, 30), null, null, organization, "센터장", null, Now);
        var early = visit.AddStop(new(14, 0), new(14, 30), "3층 대회의실", null, null, null, null, Now);
        Assert.Equal([early.Id, late.Id], visit.StopsInOrder().Select(s => s.Id));
        Assert.Null(late.Place);

        visit.RemoveStop(early.Id, Now);
        Assert.Equal([late.Id], visit.Stops.Select(s => s.Id));
        Refused("Engagement.Error.NoSuchStop", () => visit.RemoveStop(early.Id, Now));
    }

    [Fact]
    public void The_same_member_cannot_take_part_twice_and_guests_need_a_title_and_an_affiliation()
    {
        var visit = Planned();
        var member = Guid.NewGuid();
        var first = visit.AddMember(member, "한운영", "운영 담당", null, Now);
        Refused("Engagement.Error.ParticipantTwice", () => visit.AddMember(member, "한운영", null, null, Now));

        Refused("Engagement.Error.GuestTitle", () => visit.AddGuest("최호정", " ", "서울특별시의회", Now));
        Refused("Engagement.Error.GuestAffiliation", () => visit.AddGuest("최호정", "의장", null, Now));
        Refused("Engagement.Error.ParticipantName", () => visit.AddGuest("", "의장", "서울특별시의회", Now));
        var guest = visit.AddGuest("최호정", "의장", "서울특별시의회", Now);

        Assert.Equal(2, visit.Participants.Count);
        Assert.False(first.IsGuest);
        Assert.True(guest.IsGuest);
        Assert.True(guest.Order > first.Order);

        visit.RemoveParticipant(first.Id, Now);
        Refused("Engagement.Error.NoSuchParticipant", () => visit.RemoveParticipant(first.Id, Now));
        visit.AddMember(member, "한운영", null, null, Now);   // removed, so welcome again
        Assert.Equal(2, visit.Participants.Count);
    }

    [Fact]
    public void A_visit_is_marked_held_on_or_after_its_day_only_and_a_cancelled_one_never()
    {
        var tomorrow = Planned(Today.AddDays(1));
        Refused("Engagement.Error.NotYetHeld", () => tomorrow.MarkHeld(Today, Now));
        Assert.Equal(VisitStatus.Planned, tomorrow.Status);
        tomorrow.MarkHeld(Today.AddDays(1), Now);
        Assert.Equal(VisitStatus.Held, tomorrow.Status);
        Refused("Engagement.Error.NotPlanned", () => tomorrow.MarkHeld(Today.AddDays(2), Now));
        Refused("Engagement.Error.NotPlanned", () => tomorrow.Cancel(Now));

        var cancelled = Planned();
        cancelled.Cancel(Now);
        Assert.Equal(VisitStatus.Cancelled, cancelled.Status);
        Refused("Engagement.Error.NotPlanned", () => cancelled.MarkHeld(Today, Now));
        Refused("Engagement.Error.NotPlanned", () => cancelled.Cancel(Now));
        Assert.Equal(VisitStatus.Cancelled, cancelled.Status);
    }
}
