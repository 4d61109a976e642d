using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Identity;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Engagement;

/// <summary>조치 상태 — open, in progress, done, or declined (with the reason).</summary>
public enum ActionStatus
{
    Open,
    InProgress,
    Done,
    Declined,
}

/// <summary>
/// 조치 과제 — what is to be done about an opinion: by whom (a department, and a person who is told), by when, and
/// where it stands. Rules: work moves open → in progress → done or declined; it can be finished or declined straight
/// from open; done needs a note of what was done, declined needs a reason, and a finished item is only reopened (back
/// to in progress) with a reason. Every change is an <see cref="ActionEvent"/>.
/// </summary>
public sealed class ActionItem
{
    public const int MaxTitle = 300;
    public const int MaxDepartment = 200;
    public const int MaxNote = 2000;

    public Guid Id { get; private init; }
    public Guid OpinionId { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>담당 부서 (서울시 AI정책과 …).</summary>
    public string OwnerDepartment { get; private set; } = "";

    /// <summary>담당자 — the person who is told of the item (new, overdue); optional.</summary>
    public Guid? OwnerUserId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public ActionStatus Status { get; private set; }

    /// <summary>What was done (done) or why not (declined); what the "we did" column shows.</summary>
    public string? Resolution { get; private set; }
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The due date an overdue notice was sent for; a new due date makes the item due for a notice again.</summary>
    public DateOnly? OverdueNoticeFor { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public Guid CreatedBy { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<ActionEvent> History { get; private init; } = [];

    public bool IsFinished => Status is ActionStatus.Done or ActionStatus.Declined;

    public bool IsOverdue(DateOnly today) => !IsFinished && DueOn < today;

    public static ActionItem Create(FieldOpinion opinion, string? title, string? department, Guid? ownerUserId, DateOnly dueOn,
        DateOnly today, Guid by, DateTimeOffset now)
    {
        Require(dueOn >= today, "Engagement.Error.DueInPast");
        var action = new ActionItem
        {
            Id = Guid.CreateVersion7(), OpinionId = opinion.Id, Status = ActionStatus.Open, DueOn = dueOn,
            Title = Text(title, MaxTitle, "Engagement.Error.ActionTitle"),
            OwnerDepartment = Text(department, MaxDepartment, "Engagement.Error.Department"),
            OwnerUserId = ownerUserId, CreatedAt = now.ToUniversalTime(), CreatedBy = by,
        };
        action.UpdatedAt = action.CreatedAt;
        opinion.NoteActionAdded(action, by, now);
        action.Log(ActionEventKind.Created, by, now, null, ActionStatus.Open, null);
        return action;
    }

    /// <summary>Whether the rules allow going from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(ActionStatus from, ActionStatus to) => (from, to) switch
    {
        (ActionStatus.Open, ActionStatus.InProgress or ActionStatus.Done or ActionStatus.Declined) => true,
        (ActionStatus.InProgress, ActionStatus.Done or ActionStatus.Declined) => true,
        (ActionStatus.Done or ActionStatus.Declined, ActionStatus.InProgress) => true,
        _ => false,
    };

    /// <summary>The statuses an item can move to from where it is (for the form).</summary>
    public IEnumerable<ActionStatus> NextStatuses => Enum.GetValues<ActionStatus>().Where(s => CanMove(Status, s));

    public void Move(ActionStatus to, string? note, DateOnly today, Guid by, DateTimeOffset now)
    {
        Require(Enum.IsDefined(to), "Engagement.Error.Status");
        Require(CanMove(Status, to), "Engagement.Error.StatusMove");
        var text = Optional(note, MaxNote);
        Require(to != ActionStatus.Done || text is not null, "Engagement.Error.DoneNote");
        Require(to != ActionStatus.Declined || text is not null, "Engagement.Error.DeclineReason");
        Require(!IsFinished || text is not null, "Engagement.Error.ReopenReason");
        var from = Status;
        Status = to;
        if (IsFinished)
        {
            Resolution = text;
            ClosedOn = today;
        }
        else
        {
            ClosedOn = null;
        }

        UpdatedAt = now.ToUniversalTime();
        Log(ActionEventKind.Status, by, now, from, to, text);
    }

    /// <summary>A new due date, with the reason; an overdue notice is sent again if the new date passes too.</summary>
    public void Reschedule(DateOnly dueOn, string? reason, DateOnly today, Guid by, DateTimeOffset now)
    {
        Require(!IsFinished, "Engagement.Error.Finished");
        Require(dueOn >= today, "Engagement.Error.DueInPast");
        Require(dueOn != DueOn, "Engagement.Error.SameDue");
        var text = Optional(reason, MaxNote);
        Require(text is not null, "Engagement.Error.RescheduleReason");
        Log(ActionEventKind.Due, by, now, null, null, $"{DueOn:yyyy-MM-dd} → {dueOn:yyyy-MM-dd}: {text}");
        DueOn = dueOn;
        OverdueNoticeFor = null;
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>A new owner; returns whether the person to be told changed.</summary>
    public bool Reassign(string? department, Guid? ownerUserId, Guid by, DateTimeOffset now)
    {
        Require(!IsFinished, "Engagement.Error.Finished");
        var newDepartment = Text(department, MaxDepartment, "Engagement.Error.Department");
        if (newDepartment == OwnerDepartment && ownerUserId == OwnerUserId)
        {
            return false;
        }

        var personChanged = ownerUserId != OwnerUserId;
        Log(ActionEventKind.Owner, by, now, null, null, $"{OwnerDepartment} → {newDepartment}");
        OwnerDepartment = newDepartment;
        OwnerUserId = ownerUserId;
        UpdatedAt = now.ToUniversalTime();
        return personChanged && ownerUserId is not null;
    }

    /// <summary>For the demo hub: an item seeded overdue counts as already reported, so a fresh demo sends no mail.</summary>
    internal void MarkOverdueNoticeSent() => OverdueNoticeFor = DueOn;

    internal void MoveTo(Guid opinionId, Guid by, DateTimeOffset now)
    {
        Log(ActionEventKind.Moved, by, now, null, null, OpinionId.ToString());
        OpinionId = opinionId;
        UpdatedAt = now.ToUniversalTime();
    }

    private void Log(ActionEventKind kind, Guid by, DateTimeOffset now, ActionStatus? from, ActionStatus? to, string? note) =>
        History.Add(new ActionEvent
        {
            Id = Guid.CreateVersion7(), ActionId = Id, Kind = kind, At = now.ToUniversalTime(), By = by, From = from, To = to, Note = note,
        });
}

/// <summary>What happened to an action item.</summary>
public enum ActionEventKind
{
    Created,
    Status,
    Due,
    Owner,

    /// <summary>Moved with its opinion's merge; <see cref="ActionEvent.Note"/> holds the earlier opinion's id.</summary>
    Moved,
}

/// <summary>One entry of an action item's history.</summary>
public sealed class ActionEvent
{
    public Guid Id { get; internal init; }
    public Guid ActionId { get; internal init; }
    public ActionEventKind Kind { get; internal init; }
    public DateTimeOffset At { get; internal init; }
    public Guid By { get; internal init; }
    public ActionStatus? From { get; internal init; }
    public ActionStatus? To { get; internal init; }
    public string? Note { get; internal init; }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.ToTable("ActionItems");
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Title).HasMaxLength(ActionItem.MaxTitle);
        b.Property(a => a.OwnerDepartment).HasMaxLength(ActionItem.MaxDepartment);
        b.Property(a => a.Resolution).HasMaxLength(ActionItem.MaxNote);
        b.HasOne<FieldOpinion>().WithMany().HasForeignKey(a => a.OpinionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<HubUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.History).WithOne().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.OpinionId);
        b.HasIndex(a => new { a.Status, a.DueOn });
        b.HasIndex(a => new { a.OwnerUserId, a.Status });
    }
}

internal sealed class ActionEventConfiguration : IEntityTypeConfiguration<ActionEvent>
{
    public void Configure(EntityTypeBuilder<ActionEvent> b)
    {
        b.ToTable("ActionEvents");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.From).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.To).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Note).HasMaxLength(ActionItem.MaxNote + 100);
        b.HasIndex(e => new { e.ActionId, e.At });
    }
}
