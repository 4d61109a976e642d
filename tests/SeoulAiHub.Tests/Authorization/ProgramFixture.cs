using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Authorization;

/// <summary>Records of the programs module for the route matrix: calls, two organizations' applications, a reviewer's assignment.</summary>
internal sealed record ProgramFixture(Guid Program, Guid PublishedCall, Guid DraftCall, Guid OwnApplication, Guid OwnDocument,
    Guid OtherApplication, Guid OtherDocument, Guid OtherReviewersAssignment)
{
    public static async Task<ProgramFixture> CreateAsync(HubAppFactory host, Guid ownOrganization, Guid otherOrganization)
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
        return new ProgramFixture(program.Id, published.Id, draft.Id, own.Application.Id, own.Document.Id,
            other.Application.Id, other.Document.Id, assignment.Id);
    }
}
