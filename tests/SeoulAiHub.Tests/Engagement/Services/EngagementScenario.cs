using System.Security.Claims;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Services;

/// <summary>
/// Helpers for the engagement service tests (the real services come from <see cref="TestServices"/>). Tests make their
/// own organizations, users and visits and look only at those (the demo hub is in every host).
/// </summary>
internal static class EngagementScenario
{
    /// <summary>A signed-in person as the pages see them: the user id and the roles.</summary>
    public static ClaimsPrincipal Principal(Guid userId, params string[] roles) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString()), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "Test"));

    /// <summary>A visit saved as an operator would plan it (the pages use the same domain methods).</summary>
    public static async Task<Visit> PlanVisitAsync(this HubAppFactory host, DateOnly date, Guid by, Action<Visit>? itinerary = null)
    {
        var visit = Visit.Plan(VisitKind.Visit, $"시험 방문 {Guid.NewGuid():N}"[..16], date, "현장 점검", "운영사무국", null, by, DateTimeOffset.UtcNow);
        itinerary?.Invoke(visit);
        await host.QueryAsync(async db =>
        {
            db.Visits.Add(visit);
            return await db.SaveChangesAsync();
        });
        return visit;
    }

    public static Task<FieldOpinion> RecordAsync(this HubAppFactory host, Guid? organization, string text, OpinionVisibility visibility,
        Guid by, OpinionCategory category = OpinionCategory.Infrastructure, Guid? visit = null, string? speaker = null,
        DateOnly? saidOn = null) =>
        host.WithAsync<OpinionDesk, FieldOpinion>(d => d.RecordAsync(visit is null ? organization is null ? OpinionSource.Survey
            : OpinionSource.Tenant : OpinionSource.Visit, visit, organization, speaker, text, category, visibility, saidOn, by));
}
