using SeoulAiHub.Features.Engagement;
using static SeoulAiHub.Tests.Engagement.Domain.Rules;

namespace SeoulAiHub.Tests.Engagement.Domain;

/// <summary>An action item's status: which moves the rules allow, with and without a note, and reopening.</summary>
public sealed class ActionStatusTests
{
    /// <summary>The moves the rules allow; every other (from, to) pair, the same status included, is refused.</summary>
    private static readonly HashSet<(ActionStatus, ActionStatus)> Allowed =
    [
        (ActionStatus.Open, ActionStatus.InProgress), (ActionStatus.Open, ActionStatus.Done), (ActionStatus.Open, ActionStatus.Declined),
        (ActionStatus.InProgress, ActionStatus.Done), (ActionStatus.InProgress, ActionStatus.Declined),
        (ActionStatus.Done, ActionStatus.InProgress), (ActionStatus.Declined, ActionStatus.InProgress),
    ];

    public static TheoryData<ActionStatus, ActionStatus> AllPairs()
    {
        var data = new TheoryData<ActionStatus, ActionStatus>();
        foreach (var from in Enum.GetValues<ActionStatus>())
        {
            foreach (var to in Enum.GetValues<ActionStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    /// <summary>An item brought to <paramref name="status"/> the way the rules allow.</summary>
    private static ActionItem At(ActionStatus status)
    {
        var action = NewAction();
        switch (status)
        {
            case ActionStatus.InProgress:
                action.Move(ActionStatus.InProgress, null, Today, Operator, Now);
                break;
            case ActionStatus.Done:
                action.Move(ActionStatus.Done, "했습니다", Today, Operator, Now);
                break;
            case ActionStatus.Declined:
                action.Move(ActionStatus.Declined, "못 합니다", Today, Operator, Now);
                break;
        }

        Assert.Equal(status, action.Status);
        return action;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_move_with_a_note_is_allowed_exactly_when_CanMove_says_so(ActionStatus from, ActionStatus to)
    {
        var allowed = Allowed.Contains((from, to));
        Assert.Equal(allowed, ActionItem.CanMove(from, to));

        var action = At(from);
        Assert.Equal(allowed, action.NextStatuses.Contains(to));
        var history = action.History.Count;
        var later = Today.AddDays(3);
        if (!allowed)
        {
            Refused("Engagement.Error.StatusMove", () => action.Move(to, "메모", later, Operator, Now));
            Assert.Equal((from, history), (action.Status, action.History.Count));
            return;
        }

        action.Move(to, "  메모  ", later, Operator, Now.AddHours(1));

        Assert.Equal(to, action.Status);
        Assert.Equal(history + 1, action.History.Count);
        var entry = action.History[^1];
        Assert.Equal((ActionEventKind.Status, from, to, "메모", Now.AddHours(1)), (entry.Kind, entry.From, entry.To, entry.Note, entry.At));
        if (action.IsFinished)
        {
            Assert.Equal(("메모", later), (action.Resolution, action.ClosedOn));
        }
        else
        {
            Assert.Null(action.ClosedOn);
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Without_a_note_only_starting_work_is_allowed(ActionStatus from, ActionStatus to)
    {
        var action = At(from);
        var history = action.History.Count;
        var expected = !Allowed.Contains((from, to)) ? "Engagement.Error.StatusMove"
            : to == ActionStatus.Done ? "Engagement.Error.DoneNote"
            : to == ActionStatus.Declined ? "Engagement.Error.DeclineReason"
            : from is ActionStatus.Done or ActionStatus.Declined ? "Engagement.Error.ReopenReason"
            : null;
        if (expected is null)
        {
            action.Move(to, "   ", Today, Operator, Now);
            Assert.Equal(to, action.Status);
            Assert.Null(action.History[^1].Note);
            return;
        }

        Refused(expected, () => action.Move(to, "   ", Today, Operator, Now));
        Assert.Equal((from, history), (action.Status, action.History.Count));
    }

    [Fact]
    public void Reopening_a_finished_item_clears_its_closing_day_and_the_history_keeps_every_step()
    {
        var action = NewAction();
        Assert.Equal((ActionEventKind.Created, (ActionStatus?)null, (ActionStatus?)ActionStatus.Open),
            (action.History[0].Kind, action.History[0].From, action.History[0].To));

        action.Move(ActionStatus.Done, "예산 반영", Today, Operator, Now);
        Assert.Equal(Today, action.ClosedOn);
        action.Move(ActionStatus.InProgress, "집행이 보류되었습니다", Today.AddDays(1), Operator, Now);
        Assert.Null(action.ClosedOn);
        Assert.False(action.IsFinished);
        action.Move(ActionStatus.Declined, "사업 폐지", Today.AddDays(2), Operator, Now);
        Assert.Equal(("사업 폐지", Today.AddDays(2)), (action.Resolution, action.ClosedOn));

        Assert.Equal(
            new (ActionStatus?, ActionStatus?)[]
            {
                (null, ActionStatus.Open), (ActionStatus.Open, ActionStatus.Done), (ActionStatus.Done, ActionStatus.InProgress),
                (ActionStatus.InProgress, ActionStatus.Declined),
            },
            action.History.Select(e => (e.From, e.To)));
        Assert.All(action.History, e => Assert.Equal(action.Id, e.ActionId));
        Refused("Engagement.Error.Status", () => action.Move((ActionStatus)9, "x", Today, Operator, Now));
    }
}
