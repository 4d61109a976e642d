using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Infrastructure.TestDates;

namespace SeoulAiHub.Tests.Engagement.Opinions;

/// <summary>Opinions made directly through the domain (as the route matrix fixture does), and what is stored of them.</summary>
internal static class OpinionPages
{
    public static async Task<Guid> OpinionAsync(this HubAppFactory host, Guid? organization, string text, OpinionVisibility visibility,
        OpinionCategory category = OpinionCategory.Funding, string? speaker = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var opinion = FieldOpinion.Record(organization is null ? OpinionSource.Survey : OpinionSource.Tenant, null,
            organization, speaker, text, category, visibility, KstToday, Guid.NewGuid(), DateTimeOffset.UtcNow);
        db.FieldOpinions.Add(opinion);
        await db.SaveChangesAsync();
        return opinion.Id;
    }

    /// <summary>An action item already past its due date (made as if created the day before it was due).</summary>
    public static async Task<Guid> OverdueActionAsync(this HubAppFactory host, Guid opinionId, string title)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var opinion = await db.FieldOpinions.SingleAsync(o => o.Id == opinionId);
        var due = KstToday.AddDays(-3);
        var action = ActionItem.Create(opinion, title, "시험 부서", null, due, due.AddDays(-1), Guid.NewGuid(),
            DateTimeOffset.UtcNow.AddDays(-4));
        db.ActionItems.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    public static Task<FieldOpinion> StoredOpinionAsync(this HubAppFactory host, Guid id) =>
        host.QueryAsync(db => db.FieldOpinions.AsNoTracking().SingleAsync(o => o.Id == id));

    public static Task<List<ActionItem>> StoredActionsAsync(this HubAppFactory host, Guid opinionId) =>
        host.QueryAsync(db => db.ActionItems.AsNoTracking().Where(a => a.OpinionId == opinionId).OrderBy(a => a.CreatedAt).ToListAsync());

    public static Guid IdFromLocation(HttpResponseMessage response) =>
        Guid.Parse(response.Headers.Location!.OriginalString.Split('#')[0].TrimEnd('/').Split('/')[^1]);
}
