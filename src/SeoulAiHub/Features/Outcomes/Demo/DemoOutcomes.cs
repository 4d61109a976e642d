using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Files;
using SeoulAiHub.Platform.Seeding;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Outcomes.Demo;

/// <summary>
/// The demo hub's outcomes: eight past quarters reported by every resident, submitted, reviewed and locked through the
/// same domain rules as real campaigns, and the last ended quarter's campaign still open — some reports accepted, one
/// draft, the rest (말결랩스 among them) not started, so a demo user can report and an operator can review and lock.
/// Values are made up but shaped like the organizations: revenue per person by kind, occasional investment rounds,
/// papers from the university and institutes.
/// </summary>
internal sealed class DemoOutcomes(HubDb db, CampaignService campaigns, EvidenceStore evidenceFiles, TimeProvider clock) : IDemoData
{
    public const int PastQuarters = 8;

    public int Order => 30;

    public async Task SeedAsync(DemoHub demo, CancellationToken ct)
    {
        var operatorId = demo.Operator;
        var today = Kst.Today(clock);
        var kpis = await db.KpiDefinitions.Where(k => k.Active).OrderBy(k => k.SortOrder).ToListAsync(ct);
        var residents = await db.Organizations.Where(o => o.TenancyStatus == TenancyStatus.Resident)
            .OrderBy(o => o.NameKo).ToListAsync(ct);
        var evidence = await evidenceFiles.SaveAsync("증빙자료.pdf", DemoFiles.Pdf("Evidence (demo)"), ct);
        var open = ReportingPeriod.Containing(today, PeriodGrain.Quarter).Previous;
        var first = ReportingPeriod.Of(PeriodGrain.Quarter, open.Year, open.Index);
        for (var i = 0; i < PastQuarters; i++)
        {
            first = first.Previous;
        }

        var previous = new Dictionary<(Guid Org, Guid Kpi), long>();
        foreach (var period in ReportingPeriod.Range(first, open.Previous))
        {
            var openedOn = period.EndsOn.AddDays(1);
            var campaign = await OpenAsync(period, openedOn, openedOn.AddDays(45), kpis, residents, operatorId, ct);
            foreach (var task in campaign.Tasks)
            {
                var org = residents.First(o => o.Id == task.OrganizationId);
                Report(task, campaign, kpis, org, period, previous, evidence, operatorId, At(openedOn.AddDays(20)));
                task.Review([], operatorId, At(openedOn.AddDays(30)));
            }

            await db.SaveChangesAsync(ct);
            await campaigns.LockAsync(campaign.Id, operatorId, At(openedOn.AddDays(50)), ct);
        }

        // The open campaign: due at least two weeks out, so a fresh demo sends no deadline reminders on its first start
        // (they follow a week before the deadline).
        var due = open.EndsOn.AddDays(60) < today.AddDays(14) ? today.AddDays(14) : open.EndsOn.AddDays(60);
        var current = await OpenAsync(open, open.EndsOn.AddDays(1), due, kpis, residents, operatorId, ct);
        var at = clock.GetUtcNow().AddDays(-3);
        var index = 0;
        foreach (var task in current.Tasks)
        {
            var org = residents.First(o => o.Id == task.OrganizationId);
            switch (org.NameKo)
            {
                case "말결랩스" or "눈빛비전" or "메디코어AI":
                    break; // not started: the demo tenants report themselves
                case "KAIST 김재철AI대학원":
                    task.Save(Values(org, open, kpis).Take(4).Select(v => new KpiEntry(v.Kpi.Id, v.Value, null)), current.KpiIds, at);
                    break;
                default:
                    if (index++ % 3 != 2)
                    {
                        Report(task, current, kpis, org, open, previous, evidence, operatorId, at);
                        task.Review([], operatorId, at.AddDays(1));
                    }

                    break;
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task<KpiCampaign> OpenAsync(ReportingPeriod period, DateOnly openedOn, DateOnly due, List<KpiDefinition> kpis,
        List<Organization> residents, Guid operatorId, CancellationToken ct)
    {
        var campaign = KpiCampaign.Open($"{period.Label(false)} 입주기관 성과 조사", $"Resident KPI survey, {period.Label(true)}", period, due,
            CampaignTarget.Residents, null, [.. kpis.Select(k => k.Id)], [.. residents.Select(o => o.Id)], openedOn,
            operatorId, At(openedOn));
        db.KpiCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>Fills, evidences and submits one report; a value the outlier rules flag gets the note a reporter would write.</summary>
    private static void Report(KpiTask task, KpiCampaign campaign, List<KpiDefinition> kpis, Organization org, ReportingPeriod period,
        Dictionary<(Guid, Guid), long> previous, StoredFile evidence, Guid by, DateTimeOffset at)
    {
        var values = Values(org, period, kpis);
        var prior = values.Where(v => previous.ContainsKey((org.Id, v.Kpi.Id)))
            .ToDictionary(v => v.Kpi.Id, v => previous[(org.Id, v.Kpi.Id)]);
        task.Save(values.Select(v => new KpiEntry(v.Kpi.Id, v.Value,
            OutlierRules.Check(v.Value, prior.TryGetValue(v.Kpi.Id, out var p) ? p : null) != OutlierFlags.None
                ? "분기별 변동이 큰 항목입니다 (투자 라운드·과제 일정)." : null)), campaign.KpiIds, at);
        foreach (var v in values.Where(v => v.Kpi.EvidenceRequired && v.Value != 0))
        {
            task.AddEvidence(v.Kpi.Id, evidence, by, at);
        }

        task.Submit(new SubmissionContext(kpis, prior, task.Evidence.Select(e => e.KpiId).ToHashSet()), by, at);
        foreach (var v in values)
        {
            previous[(org.Id, v.Kpi.Id)] = v.Value;
        }
    }

    /// <summary>Plausible figures from the organization's kind and size, stable for a given organization and quarter.</summary>
    private static List<(KpiDefinition Kpi, long Value)> Values(Organization org, ReportingPeriod period, List<KpiDefinition> kpis)
    {
        // A seed from the name's characters, not string.GetHashCode (randomized per process): the demo looks the same each time.
        var random = new Random(unchecked(org.NameKo.Aggregate(17, (h, c) => h * 31 + c) ^ period.EndMonth));
        var size = Math.Max(5, org.Headcount ?? 10);
        var headcount = Math.Max(3, (int)(size * (0.8 + 0.025 * (period.EndMonth % 48)) + random.Next(-1, 2)));
        var perHead = org.Type switch
        {
            OrganizationType.Startup or OrganizationType.Sme => 28_000_000L,
            OrganizationType.Association => 9_000_000L,
            OrganizationType.University or OrganizationType.ResearchInstitute => 6_000_000L,
            _ => 0L,
        };
        var startup = org.Type is OrganizationType.Startup or OrganizationType.Sme;
        var research = org.Type is OrganizationType.University or OrganizationType.ResearchInstitute;
        var revenue = perHead * headcount * random.Next(85, 120) / 100 / 1_000_000 * 1_000_000;
        long V(string code) => code switch
        {
            "revenue" => revenue,
            "headcount" => headcount,
            "new-hires" => random.Next(0, Math.Max(2, headcount / 8)),
            "investment" => startup && random.Next(0, 6) == 0 ? random.Next(5, 40) * 100_000_000L : 0,
            "patents-filed" => random.Next(0, research ? 5 : 3),
            "patents-granted" => random.Next(0, 2),
            "papers" => research ? random.Next(3, 14) : random.Next(0, 2),
            "certifications" => random.Next(0, 8) == 0 ? 1 : 0,
            "products" => startup ? random.Next(0, 2) : 0,
            "exports" => startup && random.Next(0, 3) == 0 ? revenue / 10 : 0,
            "demonstrations" => random.Next(0, startup ? 3 : 2),
            _ => 0,
        };
        return [.. kpis.Select(k => (k, V(k.Code)))];
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), Kst.Offset);
}
