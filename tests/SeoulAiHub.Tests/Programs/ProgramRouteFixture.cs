using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Authorization;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Authorization.MatrixAnswers;

namespace SeoulAiHub.Tests.Programs;

/// <summary>
/// The programs module's rows of the route matrix: calls are public once published; applications are private to the
/// applicant, its reviewers and operators.
/// </summary>
internal sealed class ProgramRouteFixture : IRouteMatrixPart
{
    public async Task<IReadOnlyList<(string Route, Func<string, string> Expect)>> RoutesAsync(HubAppFactory host, Guid ownOrganization,
        Guid otherOrganization)
    {
        var p = await ProgramRouteRecords.CreateAsync(host, ownOrganization, otherOrganization);
        static string OwnApplication(string r) => r switch
        {
            Anonymous => SignIn,
            HubRoles.Operator or HubRoles.TenantMember or HubRoles.DemandOrganizationMember => Ok,
            _ => NotFound,
        };

        // Another organization's application: only operators see it; for anyone else it does not exist.
        static string OperatorsOnly(string r) => r switch { Anonymous => SignIn, HubRoles.Operator => Ok, _ => NotFound };

        return
        [
            ("/calls", _ => Ok),
            ($"/calls/{p.PublishedCall}", _ => Ok),
            ($"/calls/{p.DraftCall}", r => r == HubRoles.Operator ? Ok : NotFound),
            ("/api/calls", _ => Ok),
            ($"/api/calls/{p.PublishedCall}", _ => Ok),
            ($"/api/calls/{p.DraftCall}", r => r == HubRoles.Operator ? Ok : NotFound),
            ($"/calls/{p.PublishedCall}/apply", r => r == Anonymous ? SignIn : Ok),
            ("/applications", r => r == Anonymous ? SignIn : Ok),
            ($"/applications/{p.OwnApplication}", OwnApplication),
            ($"/applications/{p.OwnApplication}/documents/{p.OwnDocument}", OwnApplication),
            ($"/applications/{p.OtherApplication}", OperatorsOnly),
            ($"/applications/{p.OtherApplication}/documents/{p.OtherDocument}", OperatorsOnly),
            ("/api/applications", r => r == Anonymous ? Unauthorized : Ok),
            ($"/api/applications/{p.OwnApplication}", r => r == Anonymous ? Unauthorized : OwnApplication(r)),
            ($"/api/applications/{p.OtherApplication}", MatrixAnswers.Api(OperatorsOnly)),
            ("/review", r => r switch { Anonymous => SignIn, HubRoles.Reviewer => Ok, _ => Denied }),
            ($"/review/{p.OtherReviewersAssignment}", r => r switch { Anonymous => SignIn, HubRoles.Reviewer => NotFound, _ => Denied }),
            ("/notifications", r => r == Anonymous ? SignIn : Ok),
            ("/programs", OperatorPage),
            ($"/programs/{p.Program}", OperatorPage),
            ($"/calls/new?program={p.Program}", OperatorPage),
            ($"/calls/{p.PublishedCall}/edit", OperatorPage),
            ($"/calls/{p.PublishedCall}/manage", OperatorPage),
            ($"/calls/{p.PublishedCall}/ranking", OperatorPage),
            ($"/calls/{p.PublishedCall}/ranking.csv", OperatorPage),
        ];
    }
}

/// <summary>The records behind the programs rows: calls, two organizations' applications, a reviewer's assignment.</summary>
internal sealed record ProgramRouteRecords(Guid Program, Guid PublishedCall, Guid DraftCall, Guid OwnApplication, Guid OwnDocument,
    Guid OtherApplication, Guid OtherDocument, Guid OtherReviewersAssignment)
{
    public static async Task<ProgramRouteRecords> CreateAsync(HubAppFactory host, Guid ownOrganization, Guid otherOrganization)
    {
        var reviewer = await host.CreateAsync(HubRoles.Reviewer, twoFactor: false);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var documents = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        var now = DateTimeOffset.UtcNow;
        var program = SupportProgram.Create(ProgramKind.RndGrant, "행렬 시험 사업", "Matrix program", null, null, now);
        var terms = new CallTerms(now.AddDays(-1), now.AddDays(10), 100_000_000, 3, 7);
        var design = new CallDesign(EligibilityRules.Anyone, [], [new RequiredDocument("plan", "사업계획서", "Plan")],
            [new EvaluationStage("paper", "서류평가", "Paper", [new Criterion("tech", "기술성", "Technology", 100, 10)])]);
        var published = Call.Create(program.Id, new CallText("행렬 시험 공고", "Matrix call", "본문", null), terms, design, now);
        published.Publish();
        var draft = Call.Create(program.Id, new CallText("행렬 시험 초안", "Matrix draft", "본문", null), terms, design, now);
        db.Programs.Add(program);
        db.Calls.AddRange(published, draft);

        async Task<(Application Application, ApplicationDocument Document)> ApplyAsync(Guid organizationId)
        {
            var application = Application.Start(published.Id, organizationId, reviewer.Id, now);
            application.SaveDraft("시험 과제", 10_000_000, new Dictionary<string, string>(), now);
            application.Submit(now);
            application.StartReview(now);
            var file = await documents.SaveAsync("plan.pdf", System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
            var document = ApplicationDocument.Create(application.Id, "plan", file, reviewer.Id, now);
            application.Documents.Add(document);
            db.Applications.Add(application);
            return (application, document);
        }

        var own = await ApplyAsync(ownOrganization);
        var other = await ApplyAsync(otherOrganization);
        var assignment = ReviewerAssignment.Create(published.Id, other.Application.Id, "paper", reviewer.Id, now);
        db.ReviewerAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return new ProgramRouteRecords(program.Id, published.Id, draft.Id, own.Application.Id, own.Document.Id,
            other.Application.Id, other.Document.Id, assignment.Id);
    }
}
