using System.Globalization;

namespace SeoulAiHub.Features.Compute.Demo;

/// <summary>
/// Writes Slurm accounting as <c>sacct --parsable2</c> would (with a header), for the import benchmark and the demo
/// hub. <see cref="WriteAsync"/> makes a deterministic mix of N lines: GPU jobs on H100 and A100 partitions (typed and
/// untyped gres in AllocTRES), job steps (<c>.batch</c>, <c>.0</c>), CPU-only jobs, cancelled and timed-out jobs,
/// job names holding <c>|</c>, and about one malformed line in 500 (too few fields, a bad elapsed time, an end
/// before its start, a job still running, a job id that is not a number).
/// </summary>
internal static class SyntheticCompute
{
    public const string Header = "JobID|JobIDRaw|Cluster|Partition|Account|User|State|Start|End|Elapsed|AllocTRES|JobName";
    public const string SlurmName = "seoulaihub";

    /// <summary>Accounts of the synthetic file: the demo hub's (so some usage matches) and others nobody allocated.</summary>
    public static readonly string[] Accounts =
        ["malgyeol", "dusson", "nairh", "nunbit", "medicore", "semtle", "geurim", "finlogic", "lab-a", "lab-b", "lab-c", "guest"];

    private static readonly string[] States = ["COMPLETED", "COMPLETED", "COMPLETED", "FAILED", "TIMEOUT", "CANCELLED by 2001"];

    /// <summary>Writes <paramref name="lines"/> data lines (after the header) with job starts between the two dates (KST).</summary>
    public static async Task WriteAsync(TextWriter output, int lines, DateOnly from, DateOnly to, int seed = 20260301,
        long firstJobId = 1_000_000)
    {
        var random = new Random(seed);
        var spanSeconds = Math.Max(1, (to.DayNumber - from.DayNumber) * 86_400L);
        var start0 = from.ToDateTime(TimeOnly.MinValue);
        await output.WriteLineAsync(Header);
        var written = 0;
        var jobId = firstJobId;
        while (written < lines)
        {
            jobId++;
            var account = Accounts[random.Next(Accounts.Length)];
            var user = $"{account}-u{random.Next(1, 6)}";
            var start = start0.AddSeconds(random.NextInt64(spanSeconds));
            var elapsed = random.Next(60, 3 * 86_400);
            var kind = random.Next(100);
            var (partition, tres) = kind switch
            {
                < 15 => ("cpu", $"billing=16,cpu=16,mem=64G,node=1"),
                < 55 => ("h100", H100(random.Next(1, 9))),
                _ => ("a100", $"billing=8,cpu=8,gres/gpu={random.Next(1, 5)},mem=128G,node=1"),
            };
            var name = random.Next(20) == 0 ? "train|lr=3e-4|bs=64" : $"job-{jobId % 997}";
            if (random.Next(500) == 0)
            {
                await output.WriteLineAsync(Malformed(random, jobId, account, user, start, elapsed, tres));
            }
            else
            {
                await output.WriteLineAsync(Line(jobId.ToString(CultureInfo.InvariantCulture), partition, account, user,
                    States[random.Next(States.Length)], start, elapsed, tres, name));
            }

            written++;
            if (written < lines && random.Next(3) == 0)
            {
                await output.WriteLineAsync(Line($"{jobId}.batch", "", account, "", "COMPLETED", start, elapsed, tres, "batch"));
                written++;
                if (written < lines && random.Next(2) == 0)
                {
                    await output.WriteLineAsync(Line($"{jobId}.0", "", account, "", "COMPLETED", start.AddSeconds(5),
                        Math.Max(0, elapsed - 10), tres, "python"));
                    written++;
                }
            }
        }
    }

    public static string H100(int gpus) =>
        $"billing={gpus * 16},cpu={gpus * 16},gres/gpu={gpus},gres/gpu:h100={gpus},mem={gpus * 128}G,node=1";

    /// <summary>One job's line in <see cref="Header"/>'s order (times in the cluster's local time, as sacct prints them).</summary>
    public static string Line(string jobId, string partition, string account, string user, string state, DateTime start,
        long elapsedSeconds, string tres, string name) =>
        string.Join('|', jobId, jobId, SlurmName, partition, account, user, state, Time(start), Time(start.AddSeconds(elapsedSeconds)),
            Elapsed(elapsedSeconds), tres, name);

    private static string Malformed(Random random, long jobId, string account, string user, DateTime start, long elapsed, string tres) =>
        random.Next(5) switch
        {
            0 => $"{jobId}|{jobId}|{SlurmName}|h100|{account}",
            1 => Line(jobId.ToString(CultureInfo.InvariantCulture), "h100", account, user, "COMPLETED", start, elapsed, tres, "x")
                .Replace(Elapsed(elapsed), "12:xx:00", StringComparison.Ordinal),
            2 => string.Join('|', jobId, jobId, SlurmName, "h100", account, user, "COMPLETED", Time(start), Time(start.AddHours(-2)),
                "02:00:00", tres, "clock-skew"),
            3 => string.Join('|', jobId, jobId, SlurmName, "h100", account, user, "RUNNING", Time(start), "Unknown", Elapsed(elapsed),
                tres, "still-running"),
            _ => Line($"J{jobId}", "h100", account, user, "COMPLETED", start, elapsed, tres, "bad-id"),
        };

    private static string Time(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Elapsed(long seconds)
    {
        var days = seconds / 86_400;
        var rest = TimeSpan.FromSeconds(seconds % 86_400);
        var clock = $"{(int)rest.TotalHours:00}:{rest.Minutes:00}:{rest.Seconds:00}";
        return days > 0 ? $"{days}-{clock}" : clock;
    }
}
