using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Services;

/// <summary>Opinion → action items → "you said, we did", through the real desk and report on each database.</summary>
public sealed class FollowUpReportTests
{
    private const string TestUserName = "시험 사용자 (가상)";

    [Theory, OnEveryDatabase]
    public async Task An_opinion_worked_into_two_actions_is_reported_with_their_statuses_and_what_was_done(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var op = await host.CreateAsync(HubRoles.Operator);
        var owner = await host.CreateAsync(HubRoles.Operator);
        var today = host.Today();
        var opinion = await host.RecordAsync(organization.Id, "스타트업 전용 GPU 할당이 필요합니다.", OpinionVisibility.Public, op.Id, speaker: "대표");
        Assert.Equal((OpinionSource.Tenant, today), (opinion.Source, opinion.SaidOn));

        var first = await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(opinion.Id, "GPU 할당 기준 마련", "서울AI허브 운영사무국",
            owner.Id, today.AddDays(10), op.Id));
        var second = await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(opinion.Id, "GPU 증설 예산 요청", "서울시 AI정책과", null,
            today.AddDays(30), op.Id));
        await host.WithAsync<OpinionDesk>(d => d.MoveActionAsync(first.Id, ActionStatus.Done, "스타트업 우선 할당 기준을 공지했습니다.", op.Id));
        await host.WithAsync<OpinionDesk>(d => d.AnswerAsync(opinion.Id, "할당 기준을 마련해 공지했습니다.", op.Id));

        var line = await LineAsync(host, opinion.Id, today, publicOnly: false);
        Assert.Equal((organization.NameKo, organization.NameEn, "대표", "할당 기준을 마련해 공지했습니다."),
            (line.OrganizationKo, line.OrganizationEn, line.Speaker, line.Answer));
        Assert.Equal(FollowUpStage.Underway, line.Stage);
        Assert.Equal([first.Id, second.Id], line.Actions.Select(a => a.Id));
        var done = line.Actions[0];
        Assert.Equal((ActionStatus.Done, "스타트업 우선 할당 기준을 공지했습니다.", (DateOnly?)today, TestUserName, false),
            (done.Status, done.Resolution, done.ClosedOn, done.OwnerName, done.Overdue));
        var open = line.Actions[1];
        Assert.Equal((ActionStatus.Open, (string?)null, (DateOnly?)null, (string?)null, "서울시 AI정책과"),
            (open.Status, open.Resolution, open.ClosedOn, open.OwnerName, open.Department));

        await host.WithAsync<OpinionDesk>(d => d.MoveActionAsync(second.Id, ActionStatus.Declined, "올해 예산 편성이 끝났습니다.", op.Id));
        line = await LineAsync(host, opinion.Id, today, publicOnly: false);
        Assert.Equal(FollowUpStage.Completed, line.Stage);
        Assert.Equal("올해 예산 편성이 끝났습니다.", line.Actions[1].Resolution);

        // The public page: the same follow-up without personal data.
        var shown = await LineAsync(host, opinion.Id, today, publicOnly: true);
        Assert.Null(shown.Speaker);
        Assert.All(shown.Actions, a => Assert.Null(a.OwnerName));
        Assert.Equal(line.Actions.Select(a => (a.Status, a.Resolution)), shown.Actions.Select(a => (a.Status, a.Resolution)));

        // A period that ends the day before does not hold it.
        var before = await host.WithAsync<FollowUpReports, FollowUpReport>(r =>
            r.ForPeriodAsync(today.AddYears(-1), today.AddDays(-1), false));
        Assert.DoesNotContain(before.Opinions, o => o.Id == opinion.Id);
    }

    [Theory, OnEveryDatabase]
    public async Task Merged_duplicates_are_reported_under_the_opinion_that_stayed_and_the_public_report_leaves_internal_ones_out(
        string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var tenant = await host.CreateOrganizationAsync();
        var institute = await host.CreateOrganizationAsync();
        var op = await host.CreateAsync(HubRoles.Operator);
        var owner = await host.CreateAsync(HubRoles.Operator);
        var today = host.Today();
        var visit = await host.PlanVisitAsync(today, op.Id);

        var heard = await host.RecordAsync(institute.Id, "연구용 GPU가 부족합니다.", OpinionVisibility.Public, op.Id,
            visit: visit.Id, speaker: "센터장");
        var heardInternal = await host.RecordAsync(institute.Id, "보안 과제용 격리 자원이 필요합니다.", OpinionVisibility.Internal, op.Id,
            visit: visit.Id, speaker: "담당자");
        var survivor = await host.RecordAsync(tenant.Id, "GPU 대기 시간이 깁니다.", OpinionVisibility.Public, op.Id, speaker: "대표");
        var secret = await host.RecordAsync(tenant.Id, "GPU 예약 담당자와 갈등이 있습니다.", OpinionVisibility.Internal, op.Id);
        await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(survivor.Id, "GPU 할당 기준 마련", "운영사무국", owner.Id,
            today.AddDays(10), op.Id));
        await host.WithAsync<OpinionDesk>(d => d.MergeAsync(heard.Id, survivor.Id, op.Id));
        await host.WithAsync<OpinionDesk>(d => d.MergeAsync(secret.Id, survivor.Id, op.Id));
        Assert.Equal((OpinionSource.Visit, visit.Date), (heard.Source, heard.SaidOn));

        // The visit's report leads from what was heard there to where its follow-up continues.
        var forVisit = await host.WithAsync<FollowUpReports, FollowUpReport>(r => r.ForVisitAsync(visit.Id, false));
        Assert.Equal(new HashSet<Guid> { survivor.Id, heardInternal.Id }, forVisit.Opinions.Select(o => o.Id).ToHashSet());
        var stayed = forVisit.Opinions.Single(o => o.Id == survivor.Id);
        Assert.Equal(new HashSet<Guid> { heard.Id, secret.Id }, stayed.Merged.Select(m => m.Id).ToHashSet());
        Assert.Equal(institute.NameKo, stayed.Merged.Single(m => m.Id == heard.Id).OrganizationKo);
        Assert.Equal(TestUserName, Assert.Single(stayed.Actions).OwnerName);
        Assert.Null(stayed.VisitTitle);
        Assert.Equal((visit.Title, "담당자"), (forVisit.Opinions.Single(o => o.Id == heardInternal.Id).VisitTitle,
            forVisit.Opinions.Single(o => o.Id == heardInternal.Id).Speaker));

        var publicVisit = await host.WithAsync<FollowUpReports, FollowUpReport>(r => r.ForVisitAsync(visit.Id, true));
        var shown = Assert.Single(publicVisit.Opinions);
        Assert.Equal(survivor.Id, shown.Id);
        Assert.Equal([heard.Id], shown.Merged.Select(m => m.Id));
        Assert.Null(shown.Speaker);
        Assert.Null(Assert.Single(shown.Actions).OwnerName);

        // The period's report: duplicates never as lines of their own.
        var mine = new HashSet<Guid> { heard.Id, heardInternal.Id, survivor.Id, secret.Id };
        var period = await host.WithAsync<FollowUpReports, FollowUpReport>(r => r.ForPeriodAsync(today, today, false));
        Assert.Equal(new HashSet<Guid> { survivor.Id, heardInternal.Id }, period.Opinions.Where(o => mine.Contains(o.Id))
            .Select(o => o.Id).ToHashSet());
        Assert.Equal(2, period.Opinions.Single(o => o.Id == survivor.Id).Merged.Count);
        var publicPeriod = await host.WithAsync<FollowUpReports, FollowUpReport>(r => r.ForPeriodAsync(today, today, true));
        Assert.All(publicPeriod.Opinions, o => Assert.Equal(OpinionVisibility.Public, o.Visibility));
        Assert.All(publicPeriod.Opinions, o => Assert.Null(o.Speaker));
        Assert.Equal([survivor.Id], publicPeriod.Opinions.Where(o => mine.Contains(o.Id)).Select(o => o.Id));
    }

    [Theory, OnEveryDatabase]
    public async Task A_merge_through_the_desk_stores_both_histories_and_moves_the_actions(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var tenant = await host.CreateOrganizationAsync();
        var other = await host.CreateOrganizationAsync();
        var op = await host.CreateAsync(HubRoles.Operator);
        var today = host.Today();
        var survivor = await host.RecordAsync(tenant.Id, "회의실 예약이 어렵습니다.", OpinionVisibility.Public, op.Id, OpinionCategory.Infrastructure);
        var duplicate = await host.RecordAsync(other.Id, "교육장 예약이 어렵습니다.", OpinionVisibility.Internal, op.Id, OpinionCategory.Education);
        var earlier = await host.RecordAsync(other.Id, "회의실이 부족합니다.", OpinionVisibility.Internal, op.Id, OpinionCategory.Other);
        await host.WithAsync<OpinionDesk>(d => d.AnswerAsync(survivor.Id, "예약 시스템을 개선합니다.", op.Id));
        var action = await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(duplicate.Id, "교육장 추가 확보", "운영사무국", null,
            today.AddDays(20), op.Id));
        await host.WithAsync<OpinionDesk>(d => d.MergeAsync(earlier.Id, duplicate.Id, op.Id));

        await host.WithAsync<OpinionDesk>(d => d.MergeAsync(duplicate.Id, survivor.Id, op.Id));

        var ids = new[] { survivor.Id, duplicate.Id, earlier.Id };
        var events = await host.QueryAsync(db => db.OpinionEvents.AsNoTracking().Where(e => ids.Contains(e.OpinionId)).ToListAsync());
        Assert.Equal(10, events.Count);
        List<string> Of(Guid opinion) => [.. events.Where(e => e.OpinionId == opinion).Select(e => $"{e.Kind}:{e.RelatedId}").Order()];
        Assert.Equal(new[] { $"Absorbed:{duplicate.Id}", "Answered:", "Recorded:" }.Order(), Of(survivor.Id));
        Assert.Equal(new[] { $"Absorbed:{earlier.Id}", $"ActionAdded:{action.Id}", $"MergedInto:{survivor.Id}", "Recorded:" }.Order(),
            Of(duplicate.Id));
        Assert.Equal(new[] { $"MergedInto:{duplicate.Id}", $"MergedInto:{survivor.Id}", "Recorded:" }.Order(), Of(earlier.Id));

        var opinions = await host.QueryAsync(db => db.FieldOpinions.AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id));
        Assert.Equal((OpinionStatus.Answered, (Guid?)null,
            OpinionCategory.Infrastructure | OpinionCategory.Education | OpinionCategory.Other),
            (opinions[survivor.Id].Status, opinions[survivor.Id].MergedIntoId, opinions[survivor.Id].Category));
        Assert.Equal((OpinionStatus.Merged, (Guid?)survivor.Id), (opinions[duplicate.Id].Status, opinions[duplicate.Id].MergedIntoId));
        Assert.Equal((OpinionStatus.Merged, (Guid?)survivor.Id), (opinions[earlier.Id].Status, opinions[earlier.Id].MergedIntoId));

        var moved = await host.QueryAsync(db => db.ActionItems.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == action.Id));
        Assert.Equal(survivor.Id, moved.OpinionId);
        Assert.Equal(new[] { $"Created:", $"Moved:{duplicate.Id}" }, moved.History.Select(e => $"{e.Kind}:{e.Note}").Order());

        // Refused merges change nothing.
        await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<OpinionDesk>(d => d.MergeAsync(survivor.Id, survivor.Id, op.Id)));
        var refused = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync<OpinionDesk>(d =>
            d.MergeAsync(duplicate.Id, earlier.Id, op.Id)));
        Assert.Equal("Engagement.Error.Merged", refused.Key);
        Assert.Equal(10, await host.QueryAsync(db => db.OpinionEvents.CountAsync(e => ids.Contains(e.OpinionId))));
    }

    private static async Task<OpinionLine> LineAsync(HubAppFactory host, Guid opinion, DateOnly day, bool publicOnly)
    {
        var report = await host.WithAsync<FollowUpReports, FollowUpReport>(r => r.ForPeriodAsync(day, day, publicOnly));
        return Assert.Single(report.Opinions, o => o.Id == opinion);
    }
}
