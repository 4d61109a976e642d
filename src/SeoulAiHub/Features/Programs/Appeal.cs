using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Features.Programs;

/// <summary>
/// 이의신청 — an applicant disputes the result within the call's appeal window; an operator answers it. One open
/// appeal per application at a time.
/// </summary>
public sealed class Appeal
{
    public Guid Id { get; private init; }
    public Guid ApplicationId { get; private init; }
    public string Text { get; private init; } = "";
    public Guid FiledBy { get; private init; }
    public DateTimeOffset FiledAt { get; private init; }
    public string? Answer { get; private set; }
    public bool? Upheld { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public static Appeal File(Application application, Call call, string text, Guid userId, DateTimeOffset now)
    {
        if (!application.HasResult || call.AppealsCloseAt is not { } closes || now > closes)
        {
            throw new RuleException("Programs.Appeal.Error.Closed");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleException("Programs.Application.Error.ReasonRequired");
        }

        return new Appeal { Id = Guid.CreateVersion7(), ApplicationId = application.Id, Text = text.Trim(),
            FiledBy = userId, FiledAt = now };
    }

    public void Respond(bool upheld, string answer, DateTimeOffset now)
    {
        if (AnsweredAt is not null || string.IsNullOrWhiteSpace(answer))
        {
            throw new RuleException("Programs.Application.Error.ReasonRequired");
        }

        (Upheld, Answer, AnsweredAt) = (upheld, answer.Trim(), now);
    }
}

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> b)
    {
        b.ToTable("Appeals");
        b.Property(a => a.Text).HasMaxLength(10000);
        b.Property(a => a.Answer).HasMaxLength(10000);
        b.HasIndex(a => a.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
