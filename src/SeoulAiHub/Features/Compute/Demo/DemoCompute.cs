using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Seeding;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Compute.Demo;

/// <summary>
/// The demo hub's GPU compute: the hub's cluster (H100 and A100 partitions) and allocations in every state — 말결랩스
/// active at about 85 % (its 80 % alert counted as sent, so a fresh demo sends no mail), 두손로보틱스 active on the A100
/// partition at about 40 %, 눈빛비전 approved and waiting for its terms to be accepted, KAIST requested, 국가 AI연구거점
/// expired last period. Usage comes from a generated sacct text (deterministic) imported through the real importer,
/// with job steps, CPU-only jobs, a malformed line and an account nobody allocated, so the import report has all kinds.
/// </summary>
internal sealed class DemoCompute(HubDb db, ComputeCatalog catalog, UsageImporter importer, TimeProvider clock) : IDemoData
{
    public const string ClusterName = "서울AI허브 GPU 클러스터";

    public int Order => 60;

    public async Task SeedAsync(DemoHub demo, CancellationToken ct)
    {
        var people = demo.People;
        var ops = people["ops"];
        var today = Kst.Today(clock);
        var h100 = await catalog.AddModelAsync("NVIDIA H100 80GB", 80, ct);
        var a100 = await catalog.AddModelAsync("NVIDIA A100 80GB", 80, ct);
        await catalog.AddModelAsync("NVIDIA L40S 48GB", 48, ct);
        var cluster = await catalog.AddClusterAsync(ClusterName, SyntheticCompute.SlurmName, "서울AI허브 (서초구 태봉로) 지하 1층 전산실", ct: ct);
        await catalog.AddPartitionAsync(cluster.Id, "h100", h100.Id, 8, 8, ct);
        var a100Partition = await catalog.AddPartitionAsync(cluster.Id, "a100", a100.Id, 4, 8, ct);
        cluster = (await catalog.FindClusterAsync(cluster.Id.ToString(), ct))!;
        Guid Org(string name) => demo.Organization(name);
        DateTimeOffset At(DateOnly day) => GpuAllocation.KstMidnight(day).AddHours(10);

        // 말결랩스: active since two months ago, about 85 % used (the 80 % alert went out last week).
        var malgyeol = Granted(Org("말결랩스"), cluster, null, 20_000, today.AddDays(-60), today.AddDays(30), "malgyeol",
            "한국어 거대언어모델(13B) 사전학습과 문서 요약 미세조정. 2025 AI 스타트업 성장 지원사업 선정 과제.", ops, people["malgyeol"], At);
        malgyeol.MarkAlertSent(UsageAlert.Reached80, At(today.AddDays(-7)));
        db.AllocationEvents.Add(GpuAllocation.AlertEvent(malgyeol.Id, UsageAlert.Reached80, 0.81, At(today.AddDays(-7))));

        // 두손로보틱스: the A100 partition, about 40 % used.
        var dusson = Granted(Org("두손로보틱스"), cluster, a100Partition.Id, 6_000, today.AddDays(-45), today.AddDays(45), "dusson",
            "물류 로봇 비전 모델(물체 인식·파지점 추정) 학습.", ops, people["ops"], At);

        // 국가 AI연구거점: last period, over.
        var nairh = Granted(Org("국가 AI연구거점"), cluster, null, 10_000, today.AddDays(-150), today.AddDays(-61), "nairh",
            "공공 분야 한국어 평가 데이터셋 구축과 기준 모델 학습.", ops, people["ops"], At);
        nairh.Expire(today.AddDays(-60), At(today.AddDays(-60)));

        // 눈빛비전: approved, waiting for its terms to be accepted.
        var nunbit = GpuAllocation.Request(Org("눈빛비전"), cluster, null, 5_000, today.AddDays(7), today.AddDays(97),
            "제조 라인 결함 검출 모델의 고해상도 재학습 (H100 4장, 약 2개월).", today.AddDays(-5), people["nunbit"], At(today.AddDays(-5)));
        nunbit.Approve(4_000, today.AddDays(7), today.AddDays(97), "nunbit", null, cluster, AllocationService.DefaultTerms, null,
            today.AddDays(-2), ops, At(today.AddDays(-2)));

        // KAIST: a request waiting in the operators' queue.
        var kaist = GpuAllocation.Request(Org("KAIST 김재철AI대학원"), cluster, null, 50_000, today.AddDays(14), today.AddDays(194),
            "멀티모달 기반 모델 공동연구 (허브 입주기업 3곳 참여). 6개월간 H100 32장 규모가 필요합니다.", today.AddDays(-1), people["kaist"], At(today.AddDays(-1)));

        db.GpuAllocations.AddRange(malgyeol, dusson, nairh, nunbit, kaist);
        await db.SaveChangesAsync(ct);

        var sacct = Sacct(today, [(malgyeol, 0.85), (dusson, 0.40), (nairh, 0.70)]);
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(sacct));
        await importer.ImportAsync(cluster.Id, stream, $"sacct-{today:yyyyMMdd}.txt", null, ops, ct);
    }

    private static GpuAllocation Granted(Guid organizationId, GpuCluster cluster, Guid? partitionId, int hours,
        DateOnly startsOn, DateOnly endsOn, string account, string justification, Guid ops, Guid member, Func<DateOnly, DateTimeOffset> at)
    {
        var asked = startsOn.AddDays(-14);
        var allocation = GpuAllocation.Request(organizationId, cluster, partitionId, hours, startsOn, endsOn, justification,
            asked, member, at(asked));
        allocation.Approve(hours, startsOn, endsOn, account, partitionId, cluster, AllocationService.DefaultTerms, null, asked.AddDays(4),
            ops, at(asked.AddDays(4)));
        allocation.AcceptTerms(asked.AddDays(5), member, at(asked.AddDays(5)));
        return allocation;
    }

    /// <summary>Jobs of 8 GPUs × 10 hours (80 GPU-hours) and one remainder, until each allocation reaches its share.</summary>
    private static string Sacct(DateOnly today, IEnumerable<(GpuAllocation Allocation, double Share)> targets)
    {
        var text = new StringBuilder(SyntheticCompute.Header).Append('\n');
        var jobId = 7_000_000L;
        foreach (var (allocation, share) in targets)
        {
            var remaining = (long)(allocation.GpuHours * 3600 * share);
            var first = allocation.StartsOn.ToDateTime(new TimeOnly(9, 0));
            var lastDay = allocation.EndsOn < today ? allocation.EndsOn : today.AddDays(-1);
            var days = Math.Max(1, lastDay.DayNumber - allocation.StartsOn.DayNumber);
            var partition = allocation.PartitionId is null ? "h100" : "a100";
            for (var i = 0; remaining > 0; i++)
            {
                var gpus = 8;
                var seconds = Math.Min(36_000, remaining / gpus);
                if (seconds == 0)
                {
                    (gpus, seconds) = (1, remaining);
                }

                var start = first.AddDays(i % days).AddMinutes(i * 7 % 600);
                var tres = partition == "h100" ? SyntheticCompute.H100(gpus)
                    : $"billing={gpus * 8},cpu={gpus * 8},gres/gpu={gpus},mem=512G,node=1";
                var id = (++jobId).ToString(CultureInfo.InvariantCulture);
                text.Append(SyntheticCompute.Line(id, partition, allocation.SlurmAccount!,
                    $"{allocation.SlurmAccount}-u{i % 3 + 1}", "COMPLETED", start, seconds, tres, $"train-{i % 17}")).Append('\n');
                if (i % 4 == 0)
                {
                    text.Append(SyntheticCompute.Line($"{id}.batch", "", allocation.SlurmAccount!, "", "COMPLETED", start, seconds, tres,
                        "batch")).Append('\n');
                }

                remaining -= gpus * seconds;
            }
        }

        var yesterday = today.AddDays(-1).ToDateTime(new TimeOnly(13, 0));
        text.Append(SyntheticCompute.Line("7900001", "cpu", "malgyeol", "malgyeol-u1", "COMPLETED", yesterday, 7200,
            "billing=16,cpu=16,mem=64G,node=1", "preprocess")).Append('\n');
        text.Append(SyntheticCompute.Line("7900002", "h100", "guest-lab", "guest1", "COMPLETED", yesterday, 3600, SyntheticCompute.H100(2),
            "trial")).Append('\n');
        text.Append("7900003|7900003|seoulaihub|h100|malgyeol|malgyeol-u2|COMPLETED|2026-13-01T00:00:00|Unknown|01:00:00|gres/gpu=1" +
            "|bad-date\n");
        return text.ToString();
    }
}
