using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Programs;

/// <summary>One criterion's score with the reviewer's comment.</summary>
public sealed record CriterionScore(int Score, string? Comment);

/// <summary>
/// 심사 배정 — one reviewer, one application, one stage. The reviewer's scores are kept with the assignment, and on
/// submission their weighted total and the heaviest criterion's score are stored too, so ranking 2,000 applications
/// reads one row per reviewer instead of one per criterion.
/// </summary>
public sealed class ReviewerAssignment
{
    public Guid Id { get; private init; }
    public Guid CallId { get; private init; }
    public Guid ApplicationId { get; private init; }
    public Application Application { get; private init; } = null!;
    public string StageKey { get; private init; } = "";
    public Guid ReviewerId { get; private init; }
    public DateTimeOffset AssignedAt { get; private init; }
    public Dictionary<string, CriterionScore> Scores { get; private set; } = [];
    public decimal? WeightedTotal { get; private set; }
    public decimal? HeaviestScore { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    public static ReviewerAssignment Create(Guid callId, Guid applicationId, string stageKey, Guid reviewerId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), CallId = callId, ApplicationId = applicationId, StageKey = stageKey,
        ReviewerId = reviewerId, AssignedAt = now,
    };

    /// <summary>Saves the scores; <paramref name="submit"/> makes them count (and final). Each score within 0..max.</summary>
    public void Score(EvaluationStage stage, IReadOnlyDictionary<string, CriterionScore> scores, bool submit, DateTimeOffset now)
    {
        if (SubmittedAt is not null)
        {
            throw new RuleException("Programs.Review.Error.AlreadySubmitted");
        }

        foreach (var criterion in stage.Criteria)
        {
            if (scores.TryGetValue(criterion.Key, out var s) && (s.Score < 0 || s.Score > criterion.MaxScore))
            {
                throw new RuleException("Programs.Review.Error.OutOfRange");
            }

            if (submit && !scores.ContainsKey(criterion.Key))
            {
                throw new RuleException("Programs.Review.Error.Incomplete");
            }
        }

        Scores = stage.Criteria.Where(c => scores.ContainsKey(c.Key))
            .ToDictionary(c => c.Key, c => scores[c.Key] with { Comment = scores[c.Key].Comment?.Trim() });
        if (submit)
        {
            WeightedTotal = stage.WeightedTotal(Scores.ToDictionary(s => s.Key, s => s.Value.Score));
            HeaviestScore = stage.Heaviest is { } heaviest ? 100m * Scores[heaviest.Key].Score / heaviest.MaxScore : 0;
            SubmittedAt = now;
        }
    }
}

/// <summary>이해충돌 신고 — a reviewer declares a conflict with an organization (for all calls, or one).</summary>
public sealed class ConflictDeclaration
{
    public Guid Id { get; private init; }
    public Guid ReviewerId { get; private init; }
    public Guid OrganizationId { get; private init; }
    public Guid? CallId { get; private init; }
    public string Reason { get; private init; } = "";
    public DateTimeOffset DeclaredAt { get; private init; }

    public static ConflictDeclaration Declare(Guid reviewerId, Guid organizationId, Guid? callId, string reason, DateTimeOffset now) =>
        new()
    {
        Id = Guid.CreateVersion7(), ReviewerId = reviewerId, OrganizationId = organizationId, CallId = callId,
        Reason = reason.Trim(), DeclaredAt = now,
    };
}

internal sealed class ReviewerAssignmentConfiguration : IEntityTypeConfiguration<ReviewerAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewerAssignment> b)
    {
        b.ToTable("ReviewerAssignments");
        b.Property(a => a.StageKey).HasMaxLength(64);
        b.Property(a => a.WeightedTotal).HasPrecision(9, 4);
        b.Property(a => a.HeaviestScore).HasPrecision(9, 4);
        b.Property(a => a.Scores).HasJsonConversion(() => new Dictionary<string, CriterionScore>()).HasColumnName("ScoresJson");
        b.HasIndex(a => new { a.ApplicationId, a.StageKey, a.ReviewerId }).IsUnique();
        b.HasIndex(a => new { a.CallId, a.StageKey });
        b.HasIndex(a => a.ReviewerId);
        b.HasOne(a => a.Application).WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Platform.Identity.HubUser>().WithMany().HasForeignKey(a => a.ReviewerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> b)
    {
        b.ToTable("ConflictDeclarations");
        b.Property(c => c.Reason).HasMaxLength(1000);
        b.HasIndex(c => new { c.ReviewerId, c.OrganizationId });
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Platform.Identity.HubUser>().WithMany().HasForeignKey(c => c.ReviewerId).OnDelete(DeleteBehavior.Cascade);
    }
}
