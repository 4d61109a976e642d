using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Outcomes.Demo;

/// <summary>
/// Outcome history for load tests: every organization in the database reports every KPI for the given number of past
/// quarters, each quarter a locked campaign with its tasks accepted, its facts and its rollups. The facts go in by the
/// providers' bulk paths (one prepared INSERT in a transaction on SQLite, binary COPY on PostgreSQL): millions of rows
/// through the change tracker would take the better part of an hour. Reports have no lines or evidence: the facts are
/// what dashboards read. Values are a seeded random walk per organization, so runs are comparable.
/// </summary>
internal sealed class SyntheticOutcomes(HubDb db, OutcomeRollups rollups, TimeProvider clock, AuditLog audit)
{
    public sealed record Created(int Campaigns, int Organizations, long Facts);

    public async Task<Created> SeedAsync(int quarters, Action<string>? progress = null, CancellationToken ct = default)
    {
        await StandardKpis.EnsureAsync(db, ct);
        var kpis = await db.KpiDefinitions.AsNoTracking().Where(k => k.Active).OrderBy(k => k.SortOrder).ToListAsync(ct);
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Type }).ToListAsync(ct);
        var operatorId = await db.Users.OrderBy(u => u.Email).Select(u => u.Id).FirstAsync(ct);
        var today = Kst.Today(clock);
        var last = ReportingPeriod.Containing(today, PeriodGrain.Quarter).Previous;
        var first = last;
        for (var i = 1; i < quarters; i++)
        {
            first = first.Previous;
        }

        var random = new Random(20261125);
        var state = organizations.Select(o => new Walk(o.Type, random)).ToArray();
        var ids = organizations.Select(o => o.Id).ToList();
        long facts = 0;
        var campaigns = 0;
        foreach (var period in ReportingPeriod.Range(first, last))
        {
            var openedOn = period.EndsOn.AddDays(1);
            var at = new DateTimeOffset(openedOn.ToDateTime(new TimeOnly(10, 0)), Kst.Offset);
            var campaign = KpiCampaign.Open($"{period.Label(false)} 합성 성과 조사", $"Synthetic KPI survey, {period.Label(true)}", period,
                openedOn.AddDays(45), CampaignTarget.Selected, null, [.. kpis.Select(k => k.Id)], ids, openedOn, operatorId, at);
            campaign.Lock(operatorId, at.AddDays(50));
            db.KpiCampaigns.Add(campaign);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            // Every report accepted: set in one statement rather than driving 10,000 reports through review.
            await db.AuditedUpdateAsync(db.KpiTasks.Where(t => t.CampaignId == campaign.Id),
                s => s.SetProperty(t => t.Status, KpiTaskStatus.Accepted).SetProperty(t => t.SubmittedAt, at.AddDays(20).ToUniversalTime()),
                "synthetic reports accepted", ct);

            var segments = await rollups.SegmentsAsync(ids, period, ct);
            var values = new List<ReportedValue>(ids.Count * kpis.Count);
            for (var o = 0; o < ids.Count; o++)
            {
                state[o].Step(random);
                foreach (var kpi in kpis)
                {
                    values.Add(new ReportedValue(ids[o], kpi.Id, state[o].Value(kpi.Code, random)));
                }
            }

            await BulkInsertFactsAsync(campaign.Id, period, values, segments, ct);
            db.KpiRollups.AddRange(RollupBuilder.Build(campaign.Id, period, campaign.KpiIds, segments, values));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            facts += values.Count;
            campaigns++;
            progress?.Invoke($"{period.Code}: {values.Count:N0} values");
        }

        if (db.Database.IsNpgsql())
        {
            // Bulk-loaded rows are not yet in PostgreSQL's visibility map, and without it an index-only scan is not
            // index-only; VACUUM sets it (and ANALYZE gives the planner the new row counts).
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) \"KpiFacts\"", ct);
        }

        await audit.EventAsync("seed.synthetic-outcomes", details: $"{campaigns} quarters × {ids.Count} organizations × {kpis.Count} KPIs",
            ct: ct);
        return new Created(campaigns, ids.Count, facts);
    }

    private async Task BulkInsertFactsAsync(Guid campaignId, ReportingPeriod period, List<ReportedValue> values,
        Dictionary<Guid, OrganizationSegments> segments, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        if (connection is NpgsqlConnection npgsql)
        {
            await using var copy = await npgsql.BeginBinaryImportAsync(
                "COPY \"KpiFacts\" (\"OrganizationId\", \"KpiId\", \"EndMonth\", \"Months\", \"Value\", \"CampaignId\", \"SiteId\") FROM " +
                    "STDIN (FORMAT BINARY)", ct);
            foreach (var v in values)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(v.OrganizationId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(v.KpiId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(period.EndMonth, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(period.Months, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(v.Value, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(campaignId, NpgsqlDbType.Uuid, ct);
                if (segments[v.OrganizationId].SiteId is { } site)
                {
                    await copy.WriteAsync(site, NpgsqlDbType.Uuid, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }
            }

            await copy.CompleteAsync(ct);
            return;
        }

        // SQLite: EF keeps Guids as upper-case text, so the raw statement binds them the same way.
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            "INSERT INTO \"KpiFacts\" (\"OrganizationId\", \"KpiId\", \"EndMonth\", \"Months\", \"Value\", \"CampaignId\", \"SiteId\") " +
            "VALUES ($o, $k, $e, $m, $v, $c, $s)";
        DbParameter P(string name)
        {
            var p = insert.CreateParameter();
            p.ParameterName = name;
            insert.Parameters.Add(p);
            return p;
        }

        var (po, pk, pe, pm, pv, pc, ps) = (P("$o"), P("$k"), P("$e"), P("$m"), P("$v"), P("$c"), P("$s"));
        (pe.Value, pm.Value, pc.Value) = (period.EndMonth, period.Months, Text(campaignId));
        await insert.PrepareAsync(ct);
        foreach (var v in values)
        {
            po.Value = Text(v.OrganizationId);
            pk.Value = Text(v.KpiId);
            pv.Value = v.Value;
            ps.Value = segments[v.OrganizationId].SiteId is { } site ? Text(site) : DBNull.Value;
            await insert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>One organization's figures drifting from quarter to quarter.</summary>
    private sealed class Walk
    {
        private readonly bool _company;
        private double _headcount;
        private double _revenuePerHead;
        private int _hires;

        public Walk(OrganizationType type, Random random)
        {
            _company = type is OrganizationType.Startup or OrganizationType.Sme or OrganizationType.Enterprise;
            _headcount = random.Next(3, type == OrganizationType.Enterprise ? 400 : 60);
            _revenuePerHead = _company ? random.Next(5, 45) * 1_000_000 : random.Next(0, 8) * 1_000_000;
        }

        public void Step(Random random)
        {
            var before = _headcount;
            _headcount = Math.Max(1, _headcount * (0.97 + random.NextDouble() * 0.08));
            _hires = Math.Max(0, (int)Math.Round(_headcount - before) + random.Next(0, 3));
            _revenuePerHead *= 0.95 + random.NextDouble() * 0.14;
        }

        public long Value(string code, Random random) => code switch
        {
            "revenue" => (long)(_headcount * _revenuePerHead) / 1000 * 1000,
            "headcount" => (long)Math.Round(_headcount),
            "new-hires" => _hires,
            "investment" => _company && random.Next(0, 12) == 0 ? random.Next(1, 60) * 100_000_000L : 0,
            "exports" => _company && random.Next(0, 4) == 0 ? (long)(_headcount * _revenuePerHead / 8) / 1000 * 1000 : 0,
            "papers" => random.Next(0, _company ? 2 : 10),
            _ => random.Next(0, 3),
        };
    }
}
