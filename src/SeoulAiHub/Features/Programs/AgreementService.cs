using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Notifications;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Files;

namespace SeoulAiHub.Features.Programs;

/// <summary>
/// 협약 관리 — operators draft the agreement of a selected application, add milestones and sign; the organization
/// reports on each milestone; operators accept or return reports. Appeals are answered here too.
/// </summary>
public sealed class AgreementService(HubDb db, DocumentStore documents, Notifier notifier, TimeProvider clock)
{
    public Task<Agreement?> FindAsync(Guid applicationId, CancellationToken ct = default) =>
        db.Agreements.Include(a => a.Milestones).Include(a => a.Reports).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.ApplicationId == applicationId, ct);

    public async Task<Agreement> DraftAsync(Guid applicationId, long awardKrw, DateOnly startsOn, DateOnly endsOn,
        CancellationToken ct = default)
    {
        var application = await db.Applications.FirstAsync(a => a.Id == applicationId, ct);
        var agreement = Agreement.Draft(application, awardKrw, startsOn, endsOn, clock.GetUtcNow());
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        return agreement;
    }

    public async Task AddMilestoneAsync(Guid applicationId, string title, string deliverable, DateOnly dueOn,
        CancellationToken ct = default)
    {
        var agreement = await FindAsync(applicationId, ct) ?? throw new RuleException("Programs.Application.Error.WrongState");
        if (agreement.SignedAt is not null)
        {
            throw new RuleException("Programs.Agreement.Error.CannotSign");
        }

        agreement.AddMilestone(title, deliverable, dueOn);
        await db.SaveChangesAsync(ct);
    }

    public async Task SignAsync(Guid applicationId, CancellationToken ct = default)
    {
        var agreement = await FindAsync(applicationId, ct) ?? throw new RuleException("Programs.Application.Error.WrongState");
        var application = await db.Applications.FirstAsync(a => a.Id == applicationId, ct);
        agreement.Sign(application, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task<string?> SubmitReportAsync(Guid applicationId, Guid milestoneId, ReportKind kind, string text, IFormFile? file,
        Guid userId, CancellationToken ct = default)
    {
        var agreement = await FindAsync(applicationId, ct) ?? throw new RuleException("Programs.Application.Error.WrongState");
        var milestone = agreement.Milestones.FirstOrDefault(m => m.Id == milestoneId)
            ?? throw new RuleException("Programs.Agreement.Error.Report");
        StoredFile? stored = null;
        if (file is { Length: > 0 })
        {
            (stored, var error) = await documents.SaveAsync(file, ct);
            if (stored is null)
            {
                return error;
            }
        }

        agreement.SubmitReport(milestone, kind, text, stored, userId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task ReviewReportAsync(Guid applicationId, Guid reportId, bool accept, string? comment, CancellationToken ct = default)
    {
        var agreement = await FindAsync(applicationId, ct) ?? throw new RuleException("Programs.Application.Error.WrongState");
        var report = agreement.Reports.FirstOrDefault(r => r.Id == reportId)
            ?? throw new RuleException("Programs.Agreement.Error.NotPending");
        var application = await db.Applications.Include(a => a.Call).FirstAsync(a => a.Id == applicationId, ct);
        agreement.Review(report, accept, comment, application, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await notifier.OrganizationAsync(application.OrganizationId,
            accept ? "보고서 승인" : "보고서 보완 요청", accept ? "Report accepted" : "Report returned",
            $"{application.Call.TitleKo}: {(accept ? "보고서가 승인되었습니다." : "보고서 보완이 요청되었습니다. " + comment)}",
            $"{application.Call.TitleEn}: {(accept ? "your report was accepted." : "your report was returned: " + comment)}",
            $"/applications/{applicationId}", ct);
    }

    public async Task FileAppealAsync(Guid applicationId, string text, Guid userId, CancellationToken ct = default)
    {
        var application = await db.Applications.Include(a => a.Call).FirstAsync(a => a.Id == applicationId, ct);
        if (await db.Appeals.AnyAsync(a => a.ApplicationId == applicationId && a.AnsweredAt == null, ct))
        {
            throw new RuleException("Programs.Appeal.Error.Pending");
        }

        db.Appeals.Add(Appeal.File(application, application.Call, text, userId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public async Task AnswerAppealAsync(Guid appealId, bool upheld, string answer, CancellationToken ct = default)
    {
        var appeal = await db.Appeals.FirstAsync(a => a.Id == appealId, ct);
        appeal.Respond(upheld, answer, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == appeal.ApplicationId, ct);
        await notifier.OrganizationAsync(application.OrganizationId, "이의신청 답변", "Answer to your appeal", answer, answer,
            $"/applications/{application.Id}", ct);
    }
}
