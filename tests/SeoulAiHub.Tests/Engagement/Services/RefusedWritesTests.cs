using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Services;

/// <summary>What the desk refuses leaves no trace: no opinion, no action item, no history, no notice.</summary>
public sealed class RefusedWritesTests
{
    [Theory, OnEveryDatabase]
    public async Task Opinions_and_actions_the_rules_refuse_are_not_stored(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var op = await host.CreateAsync(HubRoles.Operator);
        var today = host.Today();
        var cancelled = await host.PlanVisitAsync(today, op.Id, v => v.Cancel(DateTimeOffset.UtcNow));
        const string text = "거절되어야 할 의견입니다.";

        async Task RefusedAsync(string key, Func<OpinionDesk, Task> write)
        {
            var ex = await Assert.ThrowsAsync<RuleException>(() => host.WithAsync(write));
            Assert.Equal(key, ex.Key);
        }

        await RefusedAsync("Engagement.Error.VisitCancelled", d => d.RecordAsync(OpinionSource.Visit, cancelled.Id,
            organization.Id, null, text, OpinionCategory.Other, OpinionVisibility.Public, null, op.Id));
        await RefusedAsync("Engagement.Error.NoSuchVisit", d => d.RecordAsync(OpinionSource.Visit, Guid.NewGuid(),
            organization.Id, null, text, OpinionCategory.Other, OpinionVisibility.Public, null, op.Id));
        await RefusedAsync("Engagement.Error.SaidInFuture", d => d.RecordAsync(OpinionSource.Tenant, null, organization.Id, null, text,
            OpinionCategory.Other, OpinionVisibility.Public, today.AddDays(1), op.Id));
        await RefusedAsync("Engagement.Error.NoSuchOrganization", d => d.RecordAsync(OpinionSource.Tenant, null, Guid.NewGuid(), null, text,
            OpinionCategory.Other, OpinionVisibility.Public, null, op.Id));
        Assert.Equal(0, await host.QueryAsync(db => db.FieldOpinions.CountAsync(o => o.Text == text)));

        var opinion = await host.RecordAsync(organization.Id, "조치가 필요한 의견입니다.", OpinionVisibility.Internal, op.Id);
        await RefusedAsync("Engagement.Error.NoSuchUser", d => d.AddActionAsync(opinion.Id, "담당자가 없는 조치", "운영사무국",
            Guid.NewGuid(), today, op.Id));
        await RefusedAsync("Engagement.Error.DueInPast", d => d.AddActionAsync(opinion.Id, "기한이 지난 조치", "운영사무국", op.Id,
            today.AddDays(-1), op.Id));
        await RefusedAsync("Engagement.Error.NoSuchOpinion", d => d.AddActionAsync(Guid.NewGuid(), "의견 없는 조치", "운영사무국",
            null, today, op.Id));
        await RefusedAsync("Engagement.Error.NoSuchAction", d => d.MoveActionAsync(Guid.NewGuid(), ActionStatus.Done, "완료", op.Id));
        Assert.Equal(0, await host.QueryAsync(db => db.ActionItems.CountAsync(a => a.OpinionId == opinion.Id)));
        Assert.Equal(1, await host.QueryAsync(db => db.OpinionEvents.CountAsync(e => e.OpinionId == opinion.Id)));
        Assert.Equal(0, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == op.Id)));

        var action = await host.WithAsync<OpinionDesk, ActionItem>(d => d.AddActionAsync(opinion.Id, "조치", "운영사무국", null,
            today.AddDays(5), op.Id));
        await RefusedAsync("Engagement.Error.DoneNote", d => d.MoveActionAsync(action.Id, ActionStatus.Done, " ", op.Id));
        await RefusedAsync("Engagement.Error.SameDue", d => d.RescheduleActionAsync(action.Id, today.AddDays(5), "사유", op.Id));
        var stored = await host.QueryAsync(db => db.ActionItems.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == action.Id));
        Assert.Equal((ActionStatus.Open, today.AddDays(5), 1), (stored.Status, stored.DueOn, stored.History.Count));
    }
}
