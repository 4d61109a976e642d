using SeoulAiHub.Features.Engagement;
using static SeoulAiHub.Tests.Engagement.Domain.Rules;

namespace SeoulAiHub.Tests.Engagement.Domain;

/// <summary>An action item's life besides its status: created for an opinion, rescheduled, reassigned, overdue.</summary>
public sealed class ActionItemTests
{
    [Fact]
    public void An_item_is_created_for_an_opinion_that_notes_it_and_needs_a_title_department_and_a_due_day_not_past()
    {
        var opinion = NewOpinion();
        var action = NewAction(opinion);
        Assert.Equal((opinion.Id, ActionStatus.Open), (action.OpinionId, action.Status));
        var noted = opinion.History[^1];
        Assert.Equal((OpinionEventKind.ActionAdded, (Guid?)action.Id), (noted.Kind, noted.RelatedId));

        Refused("Engagement.Error.DueInPast", () => NewAction(opinion, dueInDays: -1));
        Refused("Engagement.Error.ActionTitle", () => ActionItem.Create(opinion, " ", "부서", null, Today, Today, Operator, Now));
        Refused("Engagement.Error.Department", () => ActionItem.Create(opinion, "제목", null, null, Today, Today, Operator, Now));
        Assert.Equal(2, opinion.History.Count);   // recorded, one action added: the refused ones left no trace
    }

    [Fact]
    public void Rescheduling_needs_a_reason_and_a_new_day_not_past_and_makes_the_item_due_for_a_notice_again()
    {
        var action = NewAction(dueInDays: 5);
        action.MarkOverdueNoticeSent();
        var history = action.History.Count;

        Refused("Engagement.Error.DueInPast", () => action.Reschedule(Today.AddDays(-1), "늦어짐", Today, Operator, Now));
        Refused("Engagement.Error.SameDue", () => action.Reschedule(Today.AddDays(5), "늦어짐", Today, Operator, Now));
        Refused("Engagement.Error.RescheduleReason", () => action.Reschedule(Today.AddDays(9), " ", Today, Operator, Now));
        Assert.Equal((Today.AddDays(5), (DateOnly?)Today.AddDays(5), history),
            (action.DueOn, action.OverdueNoticeFor, action.History.Count));

        action.Reschedule(Today.AddDays(9), "예산 심의 일정", Today, Operator, Now);

        Assert.Equal(Today.AddDays(9), action.DueOn);
        Assert.Null(action.OverdueNoticeFor);
        var entry = Assert.Single(action.History.Skip(history));
        Assert.Equal(ActionEventKind.Due, entry.Kind);
        Assert.Contains("2026-05-25", entry.Note, StringComparison.Ordinal);
        Assert.Contains("2026-05-29", entry.Note, StringComparison.Ordinal);
        Assert.Contains("예산 심의 일정", entry.Note, StringComparison.Ordinal);

        action.Move(ActionStatus.Done, "완료", Today, Operator, Now);
        Refused("Engagement.Error.Finished", () => action.Reschedule(Today.AddDays(20), "다시", Today, Operator, Now));
    }

    [Fact]
    public void Reassigning_tells_only_when_the_person_changes_to_someone()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var action = NewAction(owner: first);
        var history = action.History.Count;

        Assert.False(action.Reassign(" 서울AI허브 운영사무국 ", first, Operator, Now));   // nothing changes, nothing logged
        Assert.Equal(history, action.History.Count);

        Assert.False(action.Reassign("서울시 AI정책과", first, Operator, Now));           // department only
        Assert.Equal(("서울시 AI정책과", (Guid?)first), (action.OwnerDepartment, action.OwnerUserId));
        Assert.True(action.Reassign("서울시 AI정책과", second, Operator, Now));
        Assert.Equal(second, action.OwnerUserId);
        Assert.False(action.Reassign("서울시 AI정책과", null, Operator, Now));            // nobody to tell
        Assert.Null(action.OwnerUserId);
        Assert.True(action.Reassign("서울시 AI정책과", first, Operator, Now));
        Assert.Equal(history + 4, action.History.Count);
        Assert.All(action.History.Skip(history), e => Assert.Equal(ActionEventKind.Owner, e.Kind));

        Refused("Engagement.Error.Department", () => action.Reassign(" ", second, Operator, Now));
        action.Move(ActionStatus.Declined, "불가", Today, Operator, Now);
        Refused("Engagement.Error.Finished", () => action.Reassign("다른 부서", second, Operator, Now));
        Assert.Equal(first, action.OwnerUserId);
    }

    [Fact]
    public void An_item_is_overdue_after_its_due_day_until_it_is_finished()
    {
        var action = NewAction(dueInDays: 3);
        Assert.False(action.IsOverdue(Today.AddDays(3)));
        Assert.True(action.IsOverdue(Today.AddDays(4)));
        action.Move(ActionStatus.InProgress, null, Today, Operator, Now);
        Assert.True(action.IsOverdue(Today.AddDays(4)));
        action.Move(ActionStatus.Declined, "불필요", Today, Operator, Now);
        Assert.False(action.IsOverdue(Today.AddDays(4)));
    }
}
