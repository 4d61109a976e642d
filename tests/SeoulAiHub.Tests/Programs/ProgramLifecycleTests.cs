using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Programs.ProgramsServiceScenario;

namespace SeoulAiHub.Tests.Programs;

/// <summary>A call from publication to a completed agreement, through the real services on each database.</summary>
public sealed class ProgramLifecycleTests
{
    [Theory, OnEveryDatabase]
    public async Task A_call_goes_from_publication_through_two_stages_and_selection_to_a_completed_agreement(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await PublishedCallAsync(host, DateTimeOffset.UtcNow, TwoStages(), budgetKrw: 100_000_000, maxAwards: 1);
        Assert.Equal(CallStatus.Published, (await host.QueryAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id))).Status);

        // Two startups apply.
        var (winner, winnerMembers) = await ApplicantAsync(host, extraMembers: 1);
        var (other, otherMembers) = await ApplicantAsync(host);
        var a = await ApplyAsync(host, call.Id, winner.Id, winnerMembers[0].Id, "비전 검사 AI", 40_000_000);
        var b = await ApplyAsync(host, call.Id, other.Id, otherMembers[0].Id, "음성 상담 AI", 35_000_000);
        var submitted = await ApplicationAsync(host, a);
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.NotNull(submitted.SubmittedAt);
        Assert.Equal("제조 현장의 불량 검사를 AI로 자동화합니다.", submitted.Answers[Summary]);
        var document = Assert.Single(await host.QueryAsync(db => db.ApplicationDocuments.AsNoTracking()
            .Where(d => d.ApplicationId == a).ToListAsync()));
        Assert.Equal((Plan, "application/pdf", "사업계획서.pdf"), (document.Key, document.ContentType, document.FileName));

        // Stage 1: two reviewers each score both; A scores higher.
        var r1 = await host.CreateAsync(HubRoles.Reviewer);
        var r2 = await host.CreateAsync(HubRoles.Reviewer);
        Assert.Equal(4, await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", [a, b], [r1.Id, r2.Id])));
        Assert.Equal(ApplicationStatus.UnderReview, (await ApplicationAsync(host, b)).Status);
        Assert.Equal(0, await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "paper", [a], [r1.Id])));   // already assigned

        var paper = await AssignmentsAsync(host, call.Id, "paper");
        Assert.Equal(4, paper.Count);
        foreach (var assignment in paper)
        {
            await (assignment.ApplicationId == a
                ? ScoreAsync(host, assignment, ("tech", 90), ("biz", 40))    // 54 + 32 = 86
                : ScoreAsync(host, assignment, ("tech", 70), ("biz", 50)));  // 42 + 40 = 82
        }

        var stored = Assert.Single(await AssignmentsAsync(host, call.Id, "paper"), x => x.ApplicationId == a && x.ReviewerId == r1.Id);
        Assert.Equal((86m, 90m), (stored.WeightedTotal!.Value, stored.HeaviestScore!.Value));
        Assert.Equal("심사 의견", stored.Scores["tech"].Comment);

        var first = (await host.WithAsync<SelectionService, StageRanking?>(s => s.RankAsync(call.Id, "paper")))!;
        Assert.False(first.IsFinalStage);
        Assert.Equal((4, 4), (first.AssignmentsTotal, first.AssignmentsSubmitted));
        Assert.Empty(first.Unscored);
        Assert.Equal([a, b], first.Proposal.Select(p => p.Ranked.Candidate.ApplicationId));
        Assert.Equal([86m, 82m], first.Proposal.Select(p => p.Ranked.Score));

        // Both advance; stage 2 scored by one reviewer, B now ahead.
        await host.WithAsync<SelectionService>(s => s.AdvanceAsync(call.Id, [a, b]));
        Assert.Equal(1, (await ApplicationAsync(host, a)).StageIndex);
        Assert.Equal(2, await host.WithAsync<ReviewService, int>(s => s.AssignAsync(call.Id, "pitch", [a, b], [r1.Id])));
        foreach (var assignment in await AssignmentsAsync(host, call.Id, "pitch"))
        {
            await ScoreAsync(host, assignment, ("talk", assignment.ApplicationId == a ? 9 : 6));
        }

        var final = (await host.WithAsync<SelectionService, StageRanking?>(s => s.RankAsync(call.Id, "pitch")))!;
        Assert.True(final.IsFinalStage);
        Assert.Equal([a, b], final.Proposal.Select(p => p.Ranked.Candidate.ApplicationId));
        Assert.Equal([ProposalOutcome.Selected, ProposalOutcome.OverCap], final.Proposal.Select(p => p.Outcome));

        await host.WithAsync<SelectionService>(s => s.ConfirmAsync(call.Id,
            [new SelectionDecision(a, true, 40_000_000, null), new SelectionDecision(b, false, 0, null)]));
        var selected = await ApplicationAsync(host, a);
        Assert.Equal((ApplicationStatus.Selected, 40_000_000L), (selected.Status, selected.AwardKrw!.Value));
        Assert.NotNull(selected.DecidedAt);
        Assert.Equal(ApplicationStatus.NotSelected, (await ApplicationAsync(host, b)).Status);
        Assert.NotNull((await host.QueryAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id))).ResultsPublishedAt);

        // Every member of both organizations has a notice with a link to the application, and an email in the outbox.
        foreach (var (member, applicationId, titleStart) in winnerMembers.Select(m => (m, a, "선정 안내"))
            .Append((otherMembers[0], b, "심사 결과 안내")))
        {
            var notice = Assert.Single(await host.QueryAsync(db => db.Notifications.AsNoTracking()
                .Where(n => n.UserId == member.Id).ToListAsync()));
            Assert.StartsWith(titleStart, notice.TitleKo, StringComparison.Ordinal);
            Assert.Equal($"/applications/{applicationId}", notice.Link);
            var mail = await host.LatestOutboxMessageAsync(member.Email);
            Assert.NotNull(mail);
            Assert.Contains(titleStart, mail.Subject, StringComparison.Ordinal);
            Assert.Contains($"/applications/{applicationId}", mail.TextBody, StringComparison.Ordinal);
        }

        Assert.Empty(await host.QueryAsync(db => db.Notifications.Where(n => n.UserId == r1.Id).ToListAsync()));

        // Agreement: drafted, two milestones, signed.
        var starts = new DateOnly(2027, 1, 1);
        await host.WithAsync<AgreementService, Agreement>(s => s.DraftAsync(a, 40_000_000, starts, starts.AddMonths(10)));
        Assert.Equal(ApplicationStatus.Agreement, (await ApplicationAsync(host, a)).Status);
        await host.WithAsync<AgreementService>(s => s.AddMilestoneAsync(a, "중간 점검", "시제품 시연", starts.AddMonths(5)));
        await host.WithAsync<AgreementService>(s => s.AddMilestoneAsync(a, "최종 평가", "결과보고서", starts.AddMonths(10)));
        await host.WithAsync<AgreementService>(s => s.SignAsync(a));
        Assert.Equal(ApplicationStatus.InProgress, (await ApplicationAsync(host, a)).Status);
        var agreement = (await host.WithAsync<AgreementService, Agreement?>(s => s.FindAsync(a)))!;
        Assert.NotNull(agreement.SignedAt);
        var interim = agreement.Milestones.Single(m => m.Title == "중간 점검");
        var last = agreement.Milestones.Single(m => m.Title == "최종 평가");
        await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<AgreementService>(s => s.AddMilestoneAsync(a, "늦은 추가", "x", starts.AddMonths(6))));

        // Interim report: returned, resubmitted, accepted.
        var author = winnerMembers[0].Id;
        Assert.Null(await host.WithAsync<AgreementService, string?>(s => s.SubmitReportAsync(a, interim.Id, ReportKind.Interim, "중간 보고입니다",
            PdfFile("중간보고.pdf"), author)));
        var report = await host.QueryAsync(db => db.AgreementReports.AsNoTracking().SingleAsync(r => r.MilestoneId == interim.Id));
        Assert.Equal(("중간보고.pdf", "application/pdf"), (report.FileName!, report.ContentType!));
        await host.WithAsync<AgreementService>(s => s.ReviewReportAsync(a, report.Id, accept: false, "증빙을 보완해 주세요"));
        Assert.Equal(ReportStatus.Returned, (await host.QueryAsync(db => db.AgreementReports.AsNoTracking()
            .SingleAsync(r => r.Id == report.Id))).Status);
        Assert.Null(await host.WithAsync<AgreementService, string?>(s => s.SubmitReportAsync(a, interim.Id, ReportKind.Interim,
            "보완한 중간 보고", null, author)));
        var resubmitted = await host.QueryAsync(db => db.AgreementReports.AsNoTracking()
            .SingleAsync(r => r.MilestoneId == interim.Id && r.Status == ReportStatus.Submitted));
        await host.WithAsync<AgreementService>(s => s.ReviewReportAsync(a, resubmitted.Id, accept: true, null));
        Assert.Equal(ApplicationStatus.InProgress, (await ApplicationAsync(host, a)).Status);

        // Final report accepted: the work is complete.
        Assert.Null(await host.WithAsync<AgreementService, string?>(s => s.SubmitReportAsync(a, last.Id, ReportKind.Final,
            "최종 보고입니다", null, author)));
        var finalReport = await host.QueryAsync(db => db.AgreementReports.AsNoTracking().SingleAsync(r => r.MilestoneId == last.Id));
        await host.WithAsync<AgreementService>(s => s.ReviewReportAsync(a, finalReport.Id, accept: true, "수고하셨습니다"));
        Assert.Equal(ApplicationStatus.Completed, (await ApplicationAsync(host, a)).Status);
        Assert.Equal(3, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == author && n.Link == $"/applications/{a}" &&
            n.TitleEn.StartsWith("Report"))));

        // The one not selected may appeal within the window; a second open appeal is refused.
        await host.WithAsync<AgreementService>(s => s.FileAppealAsync(b, "발표 점수 산정에 이의가 있습니다", otherMembers[0].Id));
        var pending = await Assert.ThrowsAsync<RuleException>(() =>
            host.WithAsync<AgreementService>(s => s.FileAppealAsync(b, "한 번 더", otherMembers[0].Id)));
        Assert.Equal("Programs.Appeal.Error.Pending", pending.Key);
    }
}
