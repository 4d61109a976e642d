using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Organizations;

/// <summary>
/// An organization as other modules name, filter and join it. A record with init properties (not a positional one), so
/// EF translates member access on it inside a join or a further Where.
/// </summary>
public sealed record OrganizationInfo
{
    public required Guid Id { get; init; }
    public required string NameKo { get; init; }
    public required string NameEn { get; init; }
    public required OrganizationType Type { get; init; }
    public required TenancyStatus TenancyStatus { get; init; }

    public string Name(bool english) => english ? NameEn : NameKo;
}

/// <summary>Organizations for other modules: names, types and tenancy summaries, without reading the table themselves.</summary>
public static class OrganizationLookup
{
    /// <summary>Every organization as a query, to filter, count or join in SQL.</summary>
    public static IQueryable<OrganizationInfo> OrganizationInfos(this HubDb db) =>
        db.Organizations.AsNoTracking().Select(o => new OrganizationInfo
        {
            Id = o.Id, NameKo = o.NameKo, NameEn = o.NameEn, Type = o.Type, TenancyStatus = o.TenancyStatus,
        });

    public static Task<bool> OrganizationExistsAsync(this HubDb db, Guid id, CancellationToken ct = default) =>
        db.Organizations.AnyAsync(o => o.Id == id, ct);

    /// <summary>The organizations with these ids, by id (ids without an organization are left out).</summary>
    public static Task<Dictionary<Guid, OrganizationInfo>> OrganizationsByIdAsync(this HubDb db, IEnumerable<Guid> ids,
        CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        return db.OrganizationInfos().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
    }

    /// <summary>The organization with exactly this Korean name or this English name in any case, as self-registration asks.</summary>
    public static Task<OrganizationInfo?> OrganizationNamedAsync(this HubDb db, string name, CancellationToken ct = default) =>
        db.OrganizationInfos().FirstOrDefaultAsync(o => o.NameKo == name || o.NameEn.ToLower() == name.ToLower(), ct);
}
