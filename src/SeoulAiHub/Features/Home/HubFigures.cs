using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Home;

/// <summary>The live figures of the home page and the public API.</summary>
public sealed record HubSnapshot(int Organizations, int ResidentTenants, int People, IReadOnlyList<ResidentCard> Residents);

public sealed record ResidentCard(Guid Id, string NameKo, string NameEn, OrganizationType Type);

/// <summary>
/// Counts are cheap but the home page is the busiest page; a few seconds of staleness is invisible to a
/// visitor and keeps the database out of the hot path.
/// </summary>
public sealed class HubFigures(HubDb db, IMemoryCache cache)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);
    private const string CacheKey = "home.snapshot";

    public async Task<HubSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(CacheKey, out HubSnapshot? cached) && cached is not null)
        {
            return cached;
        }

        var organizations = await db.OrganizationInfos().CountAsync(ct);
        var residents = await db.OrganizationInfos().CountAsync(o => o.TenancyStatus == TenancyStatus.Resident, ct);
        var people = await db.Users.CountAsync(ct);
        var cards = await db.OrganizationInfos()
            .Where(o => o.TenancyStatus == TenancyStatus.Resident)
            // The anchor institutions first, then the startups.
            .OrderBy(o => o.Type == OrganizationType.Startup).ThenBy(o => o.NameKo)
            .Take(12)
            .Select(o => new ResidentCard(o.Id, o.NameKo, o.NameEn, o.Type))
            .ToListAsync(ct);
        var snapshot = new HubSnapshot(organizations, residents, people, cards);
        cache.Set(CacheKey, snapshot, Freshness);
        return snapshot;
    }
}
