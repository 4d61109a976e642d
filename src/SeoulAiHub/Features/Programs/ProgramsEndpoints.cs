using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Programs;

public sealed record CallSummary(Guid Id, Guid ProgramId, string ProgramKind, string TitleKo, string TitleEn,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string State, long BudgetKrw, int MaxAwards);

public sealed record CallDetail(Guid Id, Guid ProgramId, string ProgramKind, string ProgramNameKo, string ProgramNameEn,
    string TitleKo, string TitleEn, string BodyKo, string? BodyEn, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string State,
    long BudgetKrw, int MaxAwards, int AppealDays, CallDesign Design, DateTimeOffset? ResultsPublishedAt,
    IReadOnlyList<CallAttachmentInfo> Attachments);

public sealed record CallAttachmentInfo(Guid Id, string FileName, string ContentType, long Size, string Url);

public sealed record ApplicationSummary(Guid Id, Guid CallId, string CallTitleKo, string CallTitleEn, Guid OrganizationId,
    string OrganizationNameKo, string Title, string Status, long RequestedKrw, DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt, long? AwardKrw);

/// <summary>Result fields appear only once the call's results are published.</summary>
public sealed record ApplicationDetail(ApplicationSummary Summary, IReadOnlyDictionary<string, string> Answers,
    IReadOnlyList<ApplicationDocumentInfo> Documents, string? DecisionNote);

public sealed record ApplicationDocumentInfo(Guid Id, string Key, string FileName, long Size, DateTimeOffset UploadedAt);

/// <summary>
/// JSON API of programs: open and upcoming calls are public; a signed-in person reads their organizations'
/// applications and results. Anyone else's application answers 404, as the pages do.
/// </summary>
public static class ProgramsEndpoints
{
    public static IEndpointRouteBuilder MapProgramsEndpoints(this IEndpointRouteBuilder app)
    {
        var calls = app.MapApiGroup("/api/calls", "Calls");
        calls.MapGet("/", ListCalls).AllowAnonymous();
        calls.MapGet("/{id:guid}", GetCall).AllowAnonymous();
        var applications = app.MapApiGroup("/api/applications", "Applications").RequireAuthorization(Policies.SignedIn);
        applications.MapGet("/", ListApplications);
        applications.MapGet("/{id:guid}", GetApplication);
        return app;
    }

    /// <summary>Published calls open now or opening later, closing soonest first.</summary>
    public static async Task<Ok<List<CallSummary>>> ListCalls(HubDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Calls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Published && c.ClosesAt >= now)
            .OrderBy(c => c.ClosesAt)
            .Select(c => new { Call = c, c.Program.Kind })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => Summary(r.Call, r.Kind, now)).ToList());
    }

    /// <summary>A published call (drafts only for operators).</summary>
    public static async Task<Results<Ok<CallDetail>, NotFound>> GetCall(Guid id, HubDb db, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().Include(c => c.Program).Include(c => c.Attachments)
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null || (call.Status != CallStatus.Published && !user.IsInRole(HubRoles.Operator)))
        {
            return TypedResults.NotFound();
        }

        var s = Summary(call, call.Program.Kind, clock.GetUtcNow());
        return TypedResults.Ok(new CallDetail(call.Id, call.ProgramId, s.ProgramKind, call.Program.NameKo, call.Program.NameEn,
            call.TitleKo, call.TitleEn, call.BodyKo, call.BodyEn, call.OpensAt, call.ClosesAt, s.State, call.BudgetKrw, call.MaxAwards,
            call.AppealDays, call.Design, call.ResultsPublishedAt,
            [.. call.Attachments.Select(a => new CallAttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size,
                $"/calls/{call.Id}/attachments/{a.Id}"))]));
    }

    /// <summary>The applications of every organization the person is an active member of.</summary>
    public static async Task<Ok<List<ApplicationSummary>>> ListApplications(HubDb db, ProgramAccess access, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var organizations = (await access.OrganizationsOfAsync(user, ct)).Select(o => o.Id).ToList();
        var applications = await db.Applications.AsNoTracking().Include(a => a.Call).Include(a => a.Organization)
            .Where(a => organizations.Contains(a.OrganizationId))
            .OrderByDescending(a => a.CreatedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(applications.Select(ApplicationSummaryOf).ToList());
    }

    public static async Task<Results<Ok<ApplicationDetail>, NotFound>> GetApplication(Guid id, HubDb db, ProgramAccess access,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.Call).Include(a => a.Organization).Include(a => a.Documents)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null || await access.ForAsync(user, application.Id, application.OrganizationId, ct) is ApplicationAccess.None)
        {
            return TypedResults.NotFound();
        }

        var published = application.Call.ResultsPublishedAt is not null;
        return TypedResults.Ok(new ApplicationDetail(ApplicationSummaryOf(application), application.Answers,
            [.. application.Documents.Select(d => new ApplicationDocumentInfo(d.Id, d.Key, d.FileName, d.Size, d.UploadedAt))],
            published ? application.DecisionNote : null));
    }

    private static CallSummary Summary(Call c, ProgramKind kind, DateTimeOffset now) =>
        new(c.Id, c.ProgramId, kind.ToString(), c.TitleKo, c.TitleEn, c.OpensAt, c.ClosesAt, c.StateAt(now).ToString().ToLowerInvariant(),
            c.BudgetKrw, c.MaxAwards);

    /// <summary>Before publication a decided application still reads "under review" to its applicant.</summary>
    private static ApplicationSummary ApplicationSummaryOf(Application a)
    {
        var published = a.Call.ResultsPublishedAt is not null;
        var status = !published && a.Status is ApplicationStatus.Selected or ApplicationStatus.NotSelected
            ? ApplicationStatus.UnderReview : a.Status;
        return new(a.Id, a.CallId, a.Call.TitleKo, a.Call.TitleEn, a.OrganizationId, a.Organization.NameKo, a.Title, status.ToString(),
            a.RequestedKrw, a.SubmittedAt, published ? a.DecidedAt : null, published ? a.AwardKrw : null);
    }
}
