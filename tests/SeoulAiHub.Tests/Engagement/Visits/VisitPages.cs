using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Visits;

/// <summary>
/// Visits for the visit page tests: where they happen, what is stored of them, and ones planned straight in the database.
/// The forms are posted with <see cref="HubClient"/> and their answers read with <see cref="PageAnswers"/>.
/// </summary>
internal static class VisitPages
{
    public static Task<Guid> SiteIdAsync(this HubAppFactory host, string nameKo) =>
        host.QueryAsync(db => db.Sites.Where(s => s.NameKo == nameKo).Select(s => s.Id).SingleAsync());

    public static Task<Visit> StoredVisitAsync(this HubAppFactory host, Guid id) =>
        host.QueryAsync(db => db.Visits.AsNoTracking().AsSplitQuery().Include(v => v.Participants).Include(v => v.Stops)
            .SingleAsync(v => v.Id == id));

    /// <summary>Plans a visit straight in the database (for tests about reading and refusing, not about the forms).</summary>
    public static Task<Visit> PlanAsync(this HubAppFactory host, DateOnly date, Guid? organizationId = null) => host.QueryAsync(async db =>
    {
        var by = await db.Users.Select(u => u.Id).FirstAsync();
        var visit = Visit.Plan(VisitKind.Visit, $"시험 방문 {Guid.NewGuid():N}", date, "목적", "서울AI허브 운영사무국", null, by, DateTimeOffset.UtcNow);
        visit.AddGuest("최호정", "의장", "서울특별시의회", DateTimeOffset.UtcNow);
        visit.AddStop(new(10, 0), new(10, 30), "2층 201호", null, organizationId, "대표", null, DateTimeOffset.UtcNow);
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return visit;
    });
}
