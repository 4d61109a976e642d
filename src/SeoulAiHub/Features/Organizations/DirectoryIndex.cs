using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Organizations;

/// <summary>One organization as the public directory knows it.</summary>
public sealed record DirectoryEntry(
    Guid Id, string NameKo, string NameEn, OrganizationType Type, TenancyStatus Status, string? Summary,
    ImmutableArray<string> Domains, ImmutableArray<string> Industries, ImmutableArray<Guid> Sites)
{
    /// <summary>Bit i set = the i-th domain (industry) of the snapshot's taxonomy: filtering is one AND per entry.</summary>
    internal ulong DomainBits { get; init; }
    internal ulong IndustryBits { get; init; }

    /// <summary>Lower case, no spaces: "AI 대학원" and "ai대학원" both find "김재철AI대학원".</summary>
    public static string Normalize(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
}

public sealed record DirectoryQuery(string? Q = null, OrganizationType? Type = null, string? Domain = null,
    string? Industry = null, TenancyStatus? Status = null, Guid? Site = null, int Page = 1)
{
    public const int PageSize = 20;
}

public sealed record DirectoryPage(IReadOnlyList<DirectoryEntry> Items, int Total, int Page)
{
    public int Pages => Math.Max(1, (Total + DirectoryQuery.PageSize - 1) / DirectoryQuery.PageSize);
}

public sealed record TermName(string Code, string Ko, string En);

public sealed record SiteName(Guid Id, string Ko, string En);

/// <summary>
/// The public directory held in memory: every organization with its names, type, status, domains, industries and the
/// sites where it holds a room today. Searching 10,000 organizations by substring in memory takes well under a
/// millisecond, where SQL LIKE '%…%' would scan the table on every request. The snapshot is rebuilt after a save that
/// changed what it shows (<see cref="DirectoryInvalidation"/> calls <see cref="Invalidate"/>) and at the latest every
/// <see cref="MaxAge"/> (other application nodes' writes);
/// readers keep using the previous snapshot while a new one is built. Writes made through another application
/// node are noticed by a cheap stamp query (latest organization change) at most every <see cref="StampInterval"/>.
/// </summary>
public sealed class DirectoryIndex(IServiceScopeFactory scopes, IOrganizationPremises premises, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan StampInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private Snapshot? _current;
    private long _version;

    private long _stampCheckedAt;

    public sealed record Snapshot(ImmutableArray<DirectoryEntry> Entries, ImmutableArray<TermName> Domains,
        ImmutableArray<TermName> Industries, ImmutableArray<SiteName> Sites, DateTimeOffset BuiltAt, long Version,
        DateTimeOffset? Stamp)
    {
        /// <summary>Every entry's searchable names in one string, built once per snapshot.</summary>
        internal DirectoryNames Names { get; } = new(Entries);
    }

    public void Dispose() => _rebuild.Dispose();

    /// <summary>Something the directory shows has changed: the next reader rebuilds.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    /// <summary>
    /// The snapshot to search. After an invalidation (a write) the caller waits for a snapshot built after it, so a
    /// writer always reads its own write; when the snapshot is merely old, a reader that finds a rebuild under way
    /// uses the previous snapshot instead of waiting.
    /// </summary>
    public async Task<Snapshot> CurrentAsync(CancellationToken ct = default)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && IsFresh(current) && !await StampMovedAsync(current, ct))
        {
            return current;
        }

        var wanted = Interlocked.Read(ref _version);
        var onlyOld = current is not null && current.Version == wanted;
        if (onlyOld && !await _rebuild.WaitAsync(0, ct))
        {
            return current!;
        }

        if (!onlyOld)
        {
            await _rebuild.WaitAsync(ct);
        }

        try
        {
            var latest = Volatile.Read(ref _current);
            if (latest is not null && latest != current && latest.Version >= wanted)
            {
                return latest;   // built by someone else while this caller waited, after its write
            }

            var built = await BuildAsync(ct);
            Volatile.Write(ref _current, built);
            return built;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public async Task<DirectoryPage> SearchAsync(DirectoryQuery query, CancellationToken ct = default) =>
        DirectorySearch.Run(await CurrentAsync(ct), query);

    private bool IsFresh(Snapshot snapshot) =>
        snapshot.Version == Interlocked.Read(ref _version) && clock.GetUtcNow() - snapshot.BuiltAt < MaxAge;

    /// <summary>Another node changed an organization since the snapshot was built? Asked at most every StampInterval.</summary>
    private async Task<bool> StampMovedAsync(Snapshot snapshot, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _stampCheckedAt);
        if (now - last < StampInterval.Ticks || Interlocked.CompareExchange(ref _stampCheckedAt, now, last) != last)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var stamp = await LatestChangeAsync(scope.ServiceProvider.GetRequiredService<HubDb>(), ct);
        if (stamp != snapshot.Stamp)
        {
            Invalidate();
            return true;
        }

        return false;
    }

    private static Task<DateTimeOffset?> LatestChangeAsync(HubDb db, CancellationToken ct) =>
        db.Organizations.MaxAsync(o => (DateTimeOffset?)o.UpdatedAt, ct);

    private async Task<Snapshot> BuildAsync(CancellationToken ct)
    {
        var version = Interlocked.Read(ref _version);
        var builtAt = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var stamp = await LatestChangeAsync(db, ct);
        var today = Kst.Today(clock);

        var organizations = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Id, o.NameKo, o.NameEn, o.Type, o.TenancyStatus, o.Summary })
            .ToListAsync(ct);
        // The two-argument SelectMany is a plain join (SQLite has no APPLY).
        var domains = await db.Organizations.SelectMany(o => o.Domains, (o, d) => new { o.Id, d.Code }).ToListAsync(ct);
        var industries = await db.Organizations.SelectMany(o => o.Industries, (o, i) => new { o.Id, i.Code }).ToListAsync(ct);
        var sites = await premises.SitesHeldOnAsync(db, today, ct);

        var domainNames = await db.TechnologyDomains.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new TermName(d.Code, d.NameKo, d.NameEn)).ToListAsync(ct);
        var industryNames = await db.Industries.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code)
            .Select(d => new TermName(d.Code, d.NameKo, d.NameEn)).ToListAsync(ct);
        var siteNames = await premises.SitesAsync(db, ct);

        var domainIndex = domainNames.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var industryIndex = industryNames.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i);
        static ulong Bits(IEnumerable<string> codes, Dictionary<string, int> index) =>
            codes.Aggregate(0UL, (bits, code) => index.TryGetValue(code, out var i) && i < 64 ? bits | (1UL << i) : bits);

        var domainsOf = domains.ToLookup(d => d.Id, d => d.Code);
        var industriesOf = industries.ToLookup(i => i.Id, i => i.Code);
        var sitesOf = sites.ToLookup(s => s.OrganizationId, s => s.SiteId);
        var entries = organizations
            .OrderBy(o => o.NameKo, StringComparer.Ordinal)
            .Select(o => new DirectoryEntry(o.Id, o.NameKo, o.NameEn, o.Type, o.TenancyStatus, o.Summary,
                [.. domainsOf[o.Id]], [.. industriesOf[o.Id]], [.. sitesOf[o.Id].Distinct()])
            {
                DomainBits = Bits(domainsOf[o.Id], domainIndex),
                IndustryBits = Bits(industriesOf[o.Id], industryIndex),
            })
            .ToImmutableArray();

        return new Snapshot(entries, [.. domainNames], [.. industryNames], [.. siteNames], builtAt, version, stamp);
    }
}
