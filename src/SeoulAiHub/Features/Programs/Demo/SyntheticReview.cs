using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Programs.Demo;

/// <summary>
/// A large review for load tests: one closed call whose applications (from new synthetic startups) are all under
/// review in one stage, each scored and submitted by every one of the reviewers. Scores are drawn from a seeded random
/// so runs are comparable; a few exact ties are planted so the tie-breaks run. Logged as one audit row.
/// </summary>
internal sealed class SyntheticReview(HubDb db, TimeProvider clock, AuditLog audit)
{
    private const int Batch = 2000;

    public sealed record Created(Guid CallId, int Applications, int Assignments);

    public async Task<Created> SeedAsync(int applications, int reviewers, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var random = new Random(20261125);
        var design = DemoPrograms.RndDesign with { Stages = [DemoPrograms.RndDesign.Stages[0]] };
        var stage = design.Stages[0];
        var program = SupportProgram.Create(ProgramKind.RndGrant, "부하시험 지원사업", "Load-test program", null, null, now);
        var call = Call.Create(program.Id, new CallText($"부하시험 공고 ({applications:N0}건)", $"Load-test call ({applications:N0} applications)",
            "부하시험용 합성 공고입니다.", null), new CallTerms(now.AddDays(-40), now.AddDays(-10), applications * 50_000_000L / 10,
                Math.Max(1, applications / 10), 7), design, now);
        call.Publish();
        db.Programs.Add(program);
        db.Calls.Add(call);

        var reviewerRole = await db.Roles.Where(r => r.Name == HubRoles.Reviewer).Select(r => r.Id).SingleAsync(ct);
        var reviewerIds = new List<Guid>();
        for (var r = 0; r < reviewers; r++)
        {
            var user = HubUser.Create($"load-reviewer-{Guid.NewGuid():N}@synthetic.seoulaihub.kr", $"부하 심사위원 {r + 1} (가상)", now);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = reviewerRole });
            reviewerIds.Add(user.Id);
        }

        await db.SaveChangesAsync(ct);
        var assignments = 0;
        for (var start = 0; start < applications; start += Batch)
        {
            for (var i = start; i < Math.Min(applications, start + Batch); i++)
            {
                var organization = Organization.Create($"심사부하 {i + 1:00000} 스타트업", $"Review load startup {i + 1:00000}",
                    OrganizationType.Startup, TenancyStatus.None, now);
                db.Organizations.Add(organization);
                var application = Application.Start(call.Id, organization.Id, reviewerIds[0], now.AddDays(-30));
                application.SaveDraft($"합성 과제 {i + 1}", 20_000_000 + 10_000_000L * random.Next(0, 9),
                    new Dictionary<string, string>(), now.AddDays(-30));
                application.Submit(now.AddDays(-20).AddSeconds(i));
                application.StartReview(now.AddDays(-9));
                db.Applications.Add(application);

                // Every 50th application copies its neighbour's scores exactly: ties for the tie-breaks to settle.
                var tieWithPrevious = i % 50 == 1;
                var seed = tieWithPrevious ? i - 1 : i;
                var local = new Random(seed);
                foreach (var reviewer in reviewerIds)
                {
                    var assignment = ReviewerAssignment.Create(call.Id, application.Id, stage.Key, reviewer, now.AddDays(-9));
                    assignment.Score(stage, stage.Criteria.ToDictionary(c => c.Key,
                        c => new CriterionScore(local.Next(c.MaxScore / 2, c.MaxScore + 1), null)),
                        submit: true, now.AddDays(-5));
                    db.ReviewerAssignments.Add(assignment);
                    assignments++;
                }
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        await audit.EventAsync("seed.synthetic-review", nameof(Call), call.Id.ToString(),
            $"{applications} applications × {reviewers} reviewers", ct);
        return new Created(call.Id, applications, assignments);
    }
}
