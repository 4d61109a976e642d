using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Programs;

/// <summary>What came of a submission.</summary>
public sealed record SubmitOutcome(bool Submitted, IReadOnlyList<Reason> Reasons)
{
    public static readonly SubmitOutcome Done = new(true, []);

    public static SubmitOutcome Refused(params Reason[] reasons) => new(false, reasons);
}

/// <summary>
/// An organization's side of an application: start (or find) the draft, save it, attach documents, submit,
/// withdraw, copy an earlier one. Callers have already checked that the user is an active member of the organization.
/// </summary>
public sealed class ApplicationService(HubDb db, DocumentStore documents, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// The organization's application to the call, started as a draft if there is none. Two first saves at once
    /// (two tabs, a double click) meet at the unique index; the loser reads the winner's row.
    /// </summary>
    public async Task<Application> StartAsync(Guid callId, Guid organizationId, Guid userId, CancellationToken ct = default)
    {
        if (await FindAsync(callId, organizationId, ct) is { } existing)
        {
            return existing;
        }

        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null || !call.IsOpenAt(clock.GetUtcNow()))
        {
            throw new RuleException("Programs.Application.Error.Closed");
        }

        var application = Application.Start(callId, organizationId, userId, clock.GetUtcNow());
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
            return application;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await FindAsync(callId, organizationId, ct) ?? throw new RuleException("Programs.Application.Error.WrongState");
        }
    }

    public async Task SaveDraftAsync(Guid applicationId, string title, long requestedKrw, IReadOnlyDictionary<string, string> answers,
        CancellationToken ct = default)
    {
        var application = await db.Applications.Include(a => a.Call).FirstAsync(a => a.Id == applicationId, ct);
        var fields = application.Call.Design.Fields;
        application.SaveDraft(title, requestedKrw, answers.Where(a => fields.Any(f => f.Key == a.Key && f.Type != FieldType.File))
            .ToDictionary(a => a.Key, a => a.Value), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Attaches (or replaces) the document for a required-document or file-field key.</summary>
    public async Task<string?> AttachAsync(Guid applicationId, string key, IFormFile file, Guid userId, CancellationToken ct = default)
    {
        var application = await db.Applications.Include(a => a.Call).Include(a => a.Documents).FirstAsync(a => a.Id == applicationId, ct);
        var design = application.Call.Design;
        if (!application.IsEditable)
        {
            return "Programs.Application.Error.NotEditable";
        }

        if (!design.Documents.Any(d => d.Key == key) && !design.Fields.Any(f => f.Key == key && f.Type == FieldType.File))
        {
            return "Programs.Application.Error.WrongState";
        }

        var (stored, error) = await documents.SaveAsync(file, ct);
        if (stored is null)
        {
            return error;
        }

        // Earlier versions stay on disk and in the audit trail's history; the application keeps only the latest.
        db.ApplicationDocuments.RemoveRange(application.Documents.Where(d => d.Key == key));
        db.ApplicationDocuments.Add(ApplicationDocument.Create(application.Id, key, stored, userId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Submits by the rule on <see cref="Application"/> (ApplicationSubmission.cs): every refusal reason at once, then
    /// the status changes by one conditional UPDATE whose WHERE is <see cref="Application.Submittable"/>, so of many
    /// concurrent submissions exactly one changes the row and the others find it submitted. Lateness is decided by the
    /// server's clock at the moment of commit: a request that began before the close but commits after it is refused
    /// and rolled back.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(Guid applicationId, CancellationToken ct = default)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Call).Include(a => a.Documents)
            .Include(a => a.Organization).FirstAsync(a => a.Id == applicationId, ct);
        var call = application.Call;
        if (application.Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview)
        {
            return SubmitOutcome.Done;   // a repeated click: already in
        }

        var o = application.Organization;
        var applicant = new Applicant(o.Type, o.FoundedOn, o.Headcount, o.TenancyStatus);
        var reasons = application.SubmissionRefusals(call, applicant, Kst.Today(clock), clock.GetUtcNow());
        if (reasons.Count > 0)
        {
            return new SubmitOutcome(false, reasons);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var changed = await db.AuditedUpdateAsync(db.Applications.Where(a => a.Id == applicationId).Where(Application.Submittable),
            s => s.SetProperty(a => a.Status, ApplicationStatus.Submitted).SetProperty(a => a.SubmittedAt, now)
                .SetProperty(a => a.UpdatedAt, now),
            "submitted", applicationId.ToString(), ct);
        if (changed == 0)
        {
            return SubmitOutcome.Done;   // a concurrent request submitted it first
        }

        // The status read before the UPDATE says whether this is a resubmission, which the window lets in after the close.
        if (!application.WindowAllows(call, clock.GetUtcNow()))
        {
            await transaction.RollbackAsync(ct);
            return SubmitOutcome.Refused(new Reason("Programs.Application.Error.Closed"));
        }

        // The helper logged the row change; this is the event people look for.
        await audit.EventAsync("application.submitted", nameof(Application), applicationId.ToString(), ct: ct);
        await transaction.CommitAsync(ct);
        return SubmitOutcome.Done;
    }

    public async Task WithdrawAsync(Guid applicationId, CancellationToken ct = default)
    {
        var application = await db.Applications.FirstAsync(a => a.Id == applicationId, ct);
        application.Withdraw(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Fills the draft from an earlier application of the same organization (answers whose keys still exist).</summary>
    public async Task CopyFromAsync(Guid applicationId, Guid earlierId, CancellationToken ct = default)
    {
        var application = await db.Applications.Include(a => a.Call).FirstAsync(a => a.Id == applicationId, ct);
        var earlier = await db.Applications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == earlierId && a.OrganizationId == application.OrganizationId && a.Id != applicationId, ct)
            ?? throw new RuleException("Programs.Application.Error.WrongState");
        var keys = application.Call.Design.Fields.Where(f => f.Type != FieldType.File).Select(f => f.Key).ToHashSet();
        application.SaveDraft(earlier.Title, earlier.RequestedKrw,
            earlier.Answers.Where(a => keys.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private Task<Application?> FindAsync(Guid callId, Guid organizationId, CancellationToken ct) =>
        db.Applications.FirstOrDefaultAsync(a => a.CallId == callId && a.OrganizationId == organizationId, ct);
}
