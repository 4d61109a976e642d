using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Engagement.Demo;

/// <summary>
/// Load data for the engagement pages (<c>seed engagement --opinions N</c>): N opinions over the last two years from
/// resident organizations, one visit with four stops per 25 opinions, and action items on about 60 % of the opinions in
/// every status, some overdue. Built through the domain methods, in batches, with one audit row for the whole load.
/// Action items get no owner person, so the load sends no mail.
/// </summary>
internal sealed class SyntheticEngagement(HubDb db, TimeProvider clock, AuditLog audit)
{
    private const int Batch = 500;

    public async Task<(int Opinions, int Visits, int Actions)> SeedAsync(int opinions, CancellationToken ct = default)
    {
        var today = Kst.Today(clock);
        var now = clock.GetUtcNow();
        var random = new Random(20250721 + opinions);
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.TenancyStatus == TenancyStatus.Resident).OrderBy(o => o.Id).Select(o => o.Id).Take(5000).ToListAsync(ct);
        if (organizations.Count == 0)
        {
            throw new InvalidOperationException("seed engagement needs resident organizations (seed demo or seed synthetic first)");
        }

        var by = Guid.CreateVersion7();
        var visits = new List<Guid>();
        var actions = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        using (AuditInterceptor.SuppressForBulkLoad())
        {
            for (var v = 0; v < Math.Max(1, opinions / 25); v++)
            {
                var date = today.AddDays(random.Next(-730, 60));
                var visit = Visit.Plan(v % 3 == 0 ? VisitKind.Meeting : VisitKind.Visit, $"합성 현장방문 {v + 1}", date, "부하 시험",
                    "서울AI허브 운영사무국", null, by, now);
                visit.AddGuest("손님 (가상 인물)", "위원", "서울특별시의회", now);
                for (var s = 0; s < 4; s++)
                {
                    visit.AddStop(new TimeOnly(14 + s / 2, s % 2 * 30), new TimeOnly(14 + s / 2, s % 2 * 30 + 29), null, null,
                        organizations[random.Next(organizations.Count)], "대표", null, now);
                }

                db.Visits.Add(visit);
                visits.Add(visit.Id);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            for (var done = 0; done < opinions; done += Batch)
            {
                for (var i = done; i < Math.Min(opinions, done + Batch); i++)
                {
                    actions += AddOpinion(i, random, organizations, visits, today, by, now);
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await audit.EventAsync("seed.synthetic-engagement", details: $"{opinions} opinions, {visits.Count} visits, {actions} actions",
            ct: ct);
        return (opinions, visits.Count, actions);
    }

    private int AddOpinion(int i, Random random, List<Guid> organizations, List<Guid> visits, DateOnly today, Guid by, DateTimeOffset now)
    {
        var saidOn = today.AddDays(-random.Next(0, 730));
        var atVisit = random.Next(3) == 0;
        var category = FieldOpinion.Categories[random.Next(FieldOpinion.Categories.Length)];
        if (random.Next(4) == 0)
        {
            category |= FieldOpinion.Categories[random.Next(FieldOpinion.Categories.Length)];
        }

        var opinion = FieldOpinion.Record(atVisit ? OpinionSource.Visit : OpinionSource.Tenant,
            atVisit ? visits[random.Next(visits.Count)] : null, organizations[random.Next(organizations.Count)], null,
            $"합성 의견 {i + 1}: 입주기관 애로사항과 제안 내용입니다.", category, random.Next(2) == 0 ? OpinionVisibility.Public
                : OpinionVisibility.Internal, saidOn, by, now);
        db.FieldOpinions.Add(opinion);
        if (random.Next(2) == 0)
        {
            opinion.Reply("검토 후 답변드립니다. 관련 부서와 협의 중입니다.", by, now);
        }

        var count = random.Next(10) < 6 ? 1 + random.Next(2) : 0;
        for (var a = 0; a < count; a++)
        {
            var due = saidOn.AddDays(30 + random.Next(150));
            var action = ActionItem.Create(opinion, $"합성 조치 {i + 1}-{a + 1}", "서울AI허브 운영사무국", null, due, saidOn, by, now);
            var roll = random.Next(4);
            if (roll >= 1)
            {
                action.Move(ActionStatus.InProgress, null, saidOn, by, now);
            }

            if (roll == 2 && due < today)
            {
                action.Move(ActionStatus.Done, "조치를 마쳤습니다.", due, by, now);
            }
            else if (roll == 3 && due < today)
            {
                action.Move(ActionStatus.Declined, "예산 사정으로 불수용합니다.", due, by, now);
            }

            db.ActionItems.Add(action);
        }

        return count;
    }
}
