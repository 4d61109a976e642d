using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Spaces;

/// <summary>Sites for other modules (facilities stand on them, visits go to them), read without their own table access.</summary>
public static class SiteLookup
{
    /// <summary>Every site, untracked (others read sites, Spaces writes them), to list, filter or join in SQL.</summary>
    public static IQueryable<Site> AllSites(this HubDb db) => db.Sites.AsNoTracking();

    public static Task<bool> SiteExistsAsync(this HubDb db, Guid id, CancellationToken ct = default) =>
        db.Sites.AnyAsync(s => s.Id == id, ct);
}
