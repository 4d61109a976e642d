using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Features.Organizations;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Engagement;

/// <summary>의견 분류 — an opinion may touch several. Stored as bits in one integer (not as strings like other enums) so
/// that "opinions about talent outflow" is a bitwise test in SQL.</summary>
[Flags]
public enum OpinionCategory
{
    None = 0,
    TalentOutflow = 1,
    Funding = 2,
    Regulation = 4,
    Infrastructure = 8,
    Demonstration = 16,
    Education = 32,
    Global = 64,
    Other = 128,
}

/// <summary>Where an opinion was heard: at a visit, a meeting, a survey, or submitted by a tenant itself.</summary>
public enum OpinionSource
{
    Visit,
    Meeting,
    Survey,
    Tenant,
}

/// <summary>Public opinions appear, with what was done, on the public follow-up page; internal ones are seen only by
/// the organization that raised them, operators and overseers.</summary>
public enum OpinionVisibility
{
    Internal,
    Public,
}

/// <summary>Received until answered; merged when it was a duplicate of another (its follow-up continues there).</summary>
public enum OpinionStatus
{
    Received,
    Answered,
    Merged,
}

/// <summary>
/// 현장 의견 — something a tenant or expert said (at a visit, a meeting, a survey) or wrote in: what, who, about what,
/// and whether it may be shown to the public. Operators answer it, merge duplicates and turn it into action items.
/// Every change is an <see cref="OpinionEvent"/>.
/// </summary>
public sealed class FieldOpinion
{
    public const int MaxText = 4000;
    public const int MaxSpeaker = 200;

    public static readonly OpinionCategory[] Categories =
    [
        OpinionCategory.TalentOutflow, OpinionCategory.Funding, OpinionCategory.Regulation, OpinionCategory.Infrastructure,
        OpinionCategory.Demonstration, OpinionCategory.Education, OpinionCategory.Global, OpinionCategory.Other,
    ];

    private const OpinionCategory AllCategories = (OpinionCategory)255;

    public Guid Id { get; private init; }
    public OpinionSource Source { get; private init; }
    public Guid? VisitId { get; private init; }
    public Guid? SourceOrganizationId { get; private init; }
    public Organization? SourceOrganization { get; private init; }

    /// <summary>Who said it, as written (국가 AI연구거점 센터장); optional.</summary>
    public string? Speaker { get; private set; }
    public string Text { get; private set; } = "";
    public OpinionCategory Category { get; private set; }
    public OpinionVisibility Visibility { get; private set; }
    public OpinionStatus Status { get; private set; }

    /// <summary>The day it was said or submitted (KST).</summary>
    public DateOnly SaidOn { get; private init; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public Guid? MergedIntoId { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public Guid CreatedBy { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<OpinionEvent> History { get; private init; } = [];

    public bool IsMerged => Status == OpinionStatus.Merged;

    public IEnumerable<OpinionCategory> CategoryList => Categories.Where(c => Category.HasFlag(c));

    public static FieldOpinion Record(OpinionSource source, Guid? visitId, Guid? organizationId, string? speaker, string? text,
        OpinionCategory category, OpinionVisibility visibility, DateOnly saidOn, Guid by, DateTimeOffset now)
    {
        Require(Enum.IsDefined(source), "Engagement.Error.Source");
        Require(source is not (OpinionSource.Visit or OpinionSource.Meeting) || visitId is not null, "Engagement.Error.VisitRequired");
        Require(source != OpinionSource.Tenant || organizationId is not null, "Engagement.Error.OrganizationRequired");
        var opinion = new FieldOpinion
        {
            Id = Guid.CreateVersion7(), Source = source, VisitId = visitId, SourceOrganizationId = organizationId,
            SaidOn = saidOn, Status = OpinionStatus.Received, CreatedAt = now.ToUniversalTime(), CreatedBy = by,
        };
        opinion.SetContent(speaker, text, category, visibility);
        opinion.UpdatedAt = opinion.CreatedAt;
        opinion.Log(OpinionEventKind.Recorded, by, now, null, null);
        return opinion;
    }

    /// <summary>Corrects the text, speaker, categories or visibility; the history names what changed.</summary>
    public void Edit(string? speaker, string? text, OpinionCategory category, OpinionVisibility visibility, Guid by, DateTimeOffset now)
    {
        Require(!IsMerged, "Engagement.Error.Merged");
        var before = (Speaker, Text, Category, Visibility);
        SetContent(speaker, text, category, visibility);
        var changed = new List<string>();
        if (before.Speaker != Speaker) changed.Add(nameof(Speaker));
        if (before.Text != Text) changed.Add(nameof(Text));
        if (before.Category != Category) changed.Add(nameof(Category));
        if (before.Visibility != Visibility) changed.Add(nameof(Visibility));
        if (changed.Count == 0)
        {
            return;
        }

        UpdatedAt = now.ToUniversalTime();
        Log(OpinionEventKind.Edited, by, now, string.Join(",", changed), null);
    }

    /// <summary>Answers, or replaces the answer (the earlier one stays in the history).</summary>
    public void Reply(string? answer, Guid by, DateTimeOffset now)
    {
        Require(!IsMerged, "Engagement.Error.Merged");
        Answer = Rule.Text(answer, MaxText, "Engagement.Error.Answer");
        AnsweredAt = now.ToUniversalTime();
        Status = OpinionStatus.Answered;
        UpdatedAt = AnsweredAt.Value;
        Log(OpinionEventKind.Answered, by, now, Answer, null);
    }

    internal void NoteActionAdded(ActionItem action, Guid by, DateTimeOffset now)
    {
        Require(!IsMerged, "Engagement.Error.Merged");
        UpdatedAt = now.ToUniversalTime();
        Log(OpinionEventKind.ActionAdded, by, now, action.Title, action.Id);
    }

    /// <summary>
    /// Merges <paramref name="duplicate"/> into <paramref name="survivor"/>. Both keep their own history; each notes
    /// the other. The survivor takes the duplicate's categories; the duplicate's actions move to the survivor (each
    /// noting the move), and opinions merged into the duplicate earlier now point at the survivor, so that a merged
    /// opinion is always one step from where its follow-up continues.
    /// </summary>
    public static void Merge(FieldOpinion duplicate, FieldOpinion survivor, IReadOnlyList<ActionItem> duplicateActions,
        IReadOnlyList<FieldOpinion> mergedIntoDuplicate, Guid by, DateTimeOffset now)
    {
        Require(duplicate.Id != survivor.Id, "Engagement.Error.MergeSelf");
        Require(!duplicate.IsMerged && !survivor.IsMerged, "Engagement.Error.Merged");
        Require(duplicateActions.All(a => a.OpinionId == duplicate.Id), "Engagement.Error.MergeActions");
        Require(mergedIntoDuplicate.All(o => o.MergedIntoId == duplicate.Id), "Engagement.Error.MergeActions");
        duplicate.Status = OpinionStatus.Merged;
        duplicate.MergedIntoId = survivor.Id;
        duplicate.UpdatedAt = now.ToUniversalTime();
        duplicate.Log(OpinionEventKind.MergedInto, by, now, null, survivor.Id);
        foreach (var earlier in mergedIntoDuplicate)
        {
            earlier.MergedIntoId = survivor.Id;
            earlier.UpdatedAt = now.ToUniversalTime();
            earlier.Log(OpinionEventKind.MergedInto, by, now, null, survivor.Id);
        }

        foreach (var action in duplicateActions)
        {
            action.MoveTo(survivor.Id, by, now);
        }

        survivor.Category |= duplicate.Category;
        survivor.UpdatedAt = now.ToUniversalTime();
        survivor.Log(OpinionEventKind.Absorbed, by, now, null, duplicate.Id);
    }

    private void SetContent(string? speaker, string? text, OpinionCategory category, OpinionVisibility visibility)
    {
        Require(category != OpinionCategory.None, "Engagement.Error.Category");
        Require((category & ~AllCategories) == 0, "Engagement.Error.Category");
        Require(Enum.IsDefined(visibility), "Engagement.Error.Visibility");

        // Every check before any change: a refused edit leaves the opinion as it was.
        var checkedText = Rule.Text(text, MaxText, "Engagement.Error.Text");
        var checkedSpeaker = Optional(speaker, MaxSpeaker);
        Text = checkedText;
        Speaker = checkedSpeaker;
        Category = category;
        Visibility = visibility;
    }

    private void Log(OpinionEventKind kind, Guid by, DateTimeOffset now, string? detail, Guid? related) =>
        History.Add(new OpinionEvent
        {
            Id = Guid.CreateVersion7(), OpinionId = Id, Kind = kind, At = now.ToUniversalTime(), By = by,
            Detail = detail is { Length: > OpinionEvent.MaxDetail } ? detail[..OpinionEvent.MaxDetail] : detail, RelatedId = related,
        });
}

/// <summary>What happened to an opinion.</summary>
public enum OpinionEventKind
{
    Recorded,
    Edited,
    Answered,
    ActionAdded,

    /// <summary>This opinion was merged into <see cref="OpinionEvent.RelatedId"/>.</summary>
    MergedInto,

    /// <summary>The opinion <see cref="OpinionEvent.RelatedId"/> was merged into this one.</summary>
    Absorbed,
}

/// <summary>One entry of an opinion's history: what, when, by whom; the answer text or the changed fields in
/// <see cref="Detail"/>; the other opinion or the action in <see cref="RelatedId"/>.</summary>
public sealed class OpinionEvent
{
    public const int MaxDetail = FieldOpinion.MaxText;

    public Guid Id { get; internal init; }
    public Guid OpinionId { get; internal init; }
    public OpinionEventKind Kind { get; internal init; }
    public DateTimeOffset At { get; internal init; }
    public Guid By { get; internal init; }
    public string? Detail { get; internal init; }
    public Guid? RelatedId { get; internal init; }
}

internal sealed class FieldOpinionConfiguration : IEntityTypeConfiguration<FieldOpinion>
{
    public void Configure(EntityTypeBuilder<FieldOpinion> b)
    {
        b.ToTable("FieldOpinions");
        b.Property(o => o.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Visibility).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Category).HasConversion<int>();
        b.Property(o => o.Speaker).HasMaxLength(FieldOpinion.MaxSpeaker);
        b.Property(o => o.Text).HasMaxLength(FieldOpinion.MaxText);
        b.Property(o => o.Answer).HasMaxLength(FieldOpinion.MaxText);
        b.HasOne(o => o.SourceOrganization).WithMany().HasForeignKey(o => o.SourceOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visit>().WithMany().HasForeignKey(o => o.VisitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FieldOpinion>().WithMany().HasForeignKey(o => o.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.History).WithOne().HasForeignKey(e => e.OpinionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.VisitId, o.SaidOn });
        b.HasIndex(o => new { o.SourceOrganizationId, o.SaidOn });
        b.HasIndex(o => o.SaidOn);
        b.HasIndex(o => o.MergedIntoId);
    }
}

internal sealed class OpinionEventConfiguration : IEntityTypeConfiguration<OpinionEvent>
{
    public void Configure(EntityTypeBuilder<OpinionEvent> b)
    {
        b.ToTable("OpinionEvents");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Detail).HasMaxLength(OpinionEvent.MaxDetail);
        b.HasIndex(e => new { e.OpinionId, e.At });
    }
}
