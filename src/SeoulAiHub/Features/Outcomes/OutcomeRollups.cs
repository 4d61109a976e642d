using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>
/// Writes a locked campaign's rollups from its facts. The segments are those of the period's end: the site of the room
/// an organization held (or last took) by then, its type and domains now, and the programs that had awarded it by then.
/// </summary>
public sealed class OutcomeRollups(HubDb db)
{
    /// <summary>Application states that mean "this organization won the call".</summary>
    public static readonly ApplicationStatus[] Awarded =
        [ApplicationStatus.Selected, ApplicationStatus.Agreement, ApplicationStatus.InProgress, ApplicationStatus.Completed];

    public async Task<int> RebuildAsync(Guid campaignId, CancellationToken ct = default)
    {
        var campaign = await db.KpiCampaigns.AsNoTracking().FirstAsync(c => c.Id == campaignId, ct);
        var organizations = await db.KpiTasks.Where(t => t.CampaignId == campaignId).Select(t => t.OrganizationId).ToListAsync(ct);
        var segments = await SegmentsAsync(organizations, campaign.Period, ct);
        var values = await db.KpiFacts.AsNoTracking().Where(f => f.CampaignId == campaignId)
            .Select(f => new ReportedValue(f.OrganizationId, f.KpiId, f.Value)).ToListAsync(ct);
        var rows = RollupBuilder.Build(campaignId, campaign.Period, campaign.KpiIds, segments, values);

        await db.AuditedDeleteAsync(db.KpiRollups.Where(r => r.CampaignId == campaignId), $"rollups of campaign {campaignId} rebuilt", ct);
        db.KpiRollups.AddRange(rows);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>The segments of each organization at the end of <paramref name="period"/>.</summary>
    public async Task<Dictionary<Guid, OrganizationSegments>> SegmentsAsync(IReadOnlyCollection<Guid> organizationIds,
        ReportingPeriod period, CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, OrganizationSegments>(organizationIds.Count);
        var end = period.EndsOn;
        var endUtc = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), Kst.Offset).ToUniversalTime();

        // In chunks: SQLite and PostgreSQL both take a list parameter, but thousands of ids per statement gain nothing.
        foreach (var chunk in organizationIds.Distinct().Chunk(2000))
        {
            var orgs = await db.Organizations.AsNoTracking().Where(o => chunk.Contains(o.Id))
                .Select(o => new { o.Id, o.Type, Domains = o.Domains.Select(d => d.Code).ToList() })
                .ToListAsync(ct);
            var sites = await db.RoomAssignments.AsNoTracking()
                .Where(a => chunk.Contains(a.Tenancy.OrganizationId) && a.StartsOn <= end)
                .Select(a => new { a.Tenancy.OrganizationId, a.StartsOn, a.Room.Floor.SiteId })
                .ToListAsync(ct);
            var siteOf = sites.GroupBy(s => s.OrganizationId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.StartsOn)!.SiteId);
            var awards = await db.Applications.AsNoTracking()
                .Where(a => chunk.Contains(a.OrganizationId) && Awarded.Contains(a.Status) && a.DecidedAt != null)
                .Select(a => new { a.OrganizationId, a.Call.ProgramId, a.DecidedAt })
                .ToListAsync(ct);

            // Compared in memory: SQLite keeps DateTimeOffset as a binary number, so the comparison is safest here.
            var programsOf = awards.Where(a => a.DecidedAt < endUtc)
                .GroupBy(a => a.OrganizationId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(a => a.ProgramId)
                    .Distinct().ToList());
            foreach (var org in orgs)
            {
                result[org.Id] = new OrganizationSegments(siteOf.TryGetValue(org.Id, out var site) ? site : null, org.Type, org.Domains,
                    programsOf.TryGetValue(org.Id, out var programs) ? programs : []);
            }
        }

        return result;
    }
}
