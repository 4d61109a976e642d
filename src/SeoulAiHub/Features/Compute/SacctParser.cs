using System.Globalization;

namespace SeoulAiHub.Features.Compute;

/// <summary>What became of one line of sacct output.</summary>
public enum SacctOutcome
{
    Accepted,

    /// <summary>Counted but not an error: a job step, a job without GPUs, a job that never started.</summary>
    Ignored,
    Rejected,
}

public enum SacctIgnored
{
    None,

    /// <summary><c>123.batch</c>, <c>123.0</c>, <c>123.extern</c>: the allocation line already counts the job once.</summary>
    Step,
    NoGpu,
    NeverStarted,
}

/// <summary>One finished GPU job: its allocation line (steps are not jobs), times as instants, GPUs from AllocTRES.</summary>
public readonly record struct SacctJob(long JobId, string Account, string User, string? Partition, DateTimeOffset Start,
    DateTimeOffset End, long ElapsedSeconds, int Gpus)
{
    public long GpuSeconds => Gpus * ElapsedSeconds;
    public double GpuHours => GpuSeconds / 3600.0;
}

/// <summary>One data line: accepted (with the job), ignored (why) or rejected (a Compute.Error.Sacct* key, its arguments and the text).</summary>
public readonly record struct SacctLine(int LineNumber, SacctOutcome Outcome, SacctJob Job, SacctIgnored Ignored, string? ReasonKey,
    string[]? Arguments, string? Text);

/// <summary>
/// Reads <c>sacct --parsable2</c> output (<c>|</c>-separated) line by line, keeping only the current line in memory.
/// A first line whose first field is <c>JobID</c> names the columns; otherwise the given column list, or the XDMoD order.
/// Fields are split by position: a line with more separators than columns keeps the extra <c>|</c> in its last field
/// (a job name or comment may contain anything); one with fewer is rejected. Repeated accounts, users and partitions
/// are interned, so a million lines allocate little more than the lines themselves.
/// GPUs come from AllocTRES (<c>gres/gpu=2</c>, or the sum of typed <c>gres/gpu:h100=4</c> when the total is absent),
/// falling back to AllocGRES, ReqTRES, ReqGRES only when the earlier column is missing or empty. Times are the cluster's
/// local time (sacct prints no offset); <c>Unknown</c> end of a finished job is start + elapsed.
/// </summary>
public sealed class SacctParser
{
    /// <summary>The headerless order used by Open XDMoD's shredder (sacct --format of these, --noheader).</summary>
    public static readonly IReadOnlyList<string> XdmodColumns =
    [
        "jobid", "jobidraw", "cluster", "partition", "qos", "account", "group", "gid", "user", "uid", "submit", "eligible",
        "start", "end", "elapsed", "exitcode", "state", "nnodes", "ncpus", "reqcpus", "reqmem", "reqtres", "alloctres",
        "timelimit", "nodelist", "jobname",
    ];

    /// <summary>States of jobs still holding (or waiting for) their allocation: their usage is not final.</summary>
    private static readonly string[] Unfinished = ["RUNNING", "PENDING", "REQUEUED", "RESIZING", "SUSPENDED", "CONFIGURING", "COMPLETING"];

    private const int MaxInterned = 50_000;
    private const int MaxText = 500;

    private readonly TextReader reader;
    private readonly TimeSpan utcOffset;
    private readonly IReadOnlyList<string>? givenColumns;
    private readonly Dictionary<string, string> interned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> internedBySpan;
    private Columns? columns;
    private int[] starts = [];
    private int[] lengths = [];

    public SacctParser(TextReader reader, TimeSpan utcOffset, IReadOnlyList<string>? columns = null)
    {
        this.reader = reader;
        this.utcOffset = utcOffset;
        givenColumns = columns is { Count: > 0 } ? columns : null;
        internedBySpan = interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether the file named its own columns in a header line.</summary>
    public bool HadHeader { get; private set; }

    /// <summary>
    /// The data lines, in order. Throws <see cref="RuleException"/> (Compute.Error.SacctColumns) before the first
    /// line when the columns lack what usage needs (job id, account, start, end, elapsed, a TRES or GRES column).
    /// </summary>
    public IEnumerable<SacctLine> Lines()
    {
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (columns is null)
            {
                if (IsHeader(text))
                {
                    HadHeader = true;
                    Use(text.Split('|'));
                    continue;
                }

                Use(givenColumns ?? XdmodColumns);
            }

            yield return Read(number, text);
        }
    }

    private static bool IsHeader(string text)
    {
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        var first = (bar < 0 ? text.AsSpan() : text.AsSpan(0, bar)).Trim();
        return first.Equals("JobID", StringComparison.OrdinalIgnoreCase);
    }

    private void Use(IReadOnlyList<string> names)
    {
        columns = Columns.From(names);
        var missing = columns.Missing();
        if (missing.Count > 0)
        {
            throw new RuleException("Compute.Error.SacctColumns", string.Join(", ", missing));
        }

        starts = new int[columns.Count];
        lengths = new int[columns.Count];
    }

    private SacctLine Read(int number, string text)
    {
        var c = columns!;
        var found = Split(text);
        if (found != c.Count)
        {
            return Reject(number, text, "Compute.Error.SacctFieldCount", c.Count.ToString(CultureInfo.InvariantCulture), found.ToString(CultureInfo.InvariantCulture));
        }

        var raw = Field(text, c.JobIdRaw);
        var jobField = raw.IsEmpty ? Field(text, c.JobId) : raw;
        if (jobField.IsEmpty)
        {
            return Reject(number, text, "Compute.Error.SacctJobId", "");
        }

        if (jobField.Contains('.') || Field(text, c.JobId).Contains('.'))
        {
            return Ignore(number, SacctIgnored.Step);
        }

        if (!long.TryParse(jobField, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId) || jobId <= 0)
        {
            return Reject(number, text, "Compute.Error.SacctJobId", Clip(jobField));
        }

        var gpus = Gpus(text, c);
        if (gpus < 0)
        {
            return Reject(number, text, "Compute.Error.SacctGpus");
        }

        if (gpus == 0)
        {
            return Ignore(number, SacctIgnored.NoGpu);
        }

        var state = Field(text, c.State);
        if (IsUnfinished(state))
        {
            return Reject(number, text, "Compute.Error.SacctRunning", state.ToString());
        }

        var elapsedField = Field(text, c.Elapsed);
        if (!TryElapsed(elapsedField, out var elapsed))
        {
            return Reject(number, text, "Compute.Error.SacctElapsed", Clip(elapsedField));
        }

        if (!TryTime(Field(text, c.Start), out var start))
        {
            return Reject(number, text, "Compute.Error.SacctTime", "Start", Clip(Field(text, c.Start)));
        }

        if (!TryTime(Field(text, c.End), out var end))
        {
            return Reject(number, text, "Compute.Error.SacctTime", "End", Clip(Field(text, c.End)));
        }

        if (end is null && (c.State < 0 || state.IsEmpty))
        {
            return Reject(number, text, "Compute.Error.SacctRunning", "End=Unknown");
        }

        if (start is null)
        {
            if (elapsed == 0)
            {
                return Ignore(number, SacctIgnored.NeverStarted);
            }

            if (end is null)
            {
                return Reject(number, text, "Compute.Error.SacctNoStart");
            }

            start = end.Value.AddSeconds(-elapsed);
        }

        end ??= start.Value.AddSeconds(elapsed);
        if (end < start)
        {
            return Reject(number, text, "Compute.Error.SacctEndBeforeStart");
        }

        var account = Field(text, c.Account).Trim();
        if (account.IsEmpty)
        {
            return Reject(number, text, "Compute.Error.SacctAccount");
        }

        var partition = Field(text, c.Partition).Trim();
        var job = new SacctJob(jobId, Intern(account), Intern(Field(text, c.User).Trim()), partition.IsEmpty ? null : Intern(partition),
            start.Value, end.Value, elapsed, gpus);
        return new SacctLine(number, SacctOutcome.Accepted, job, SacctIgnored.None, null, null, null);
    }

    /// <summary>Splits by position; returns how many fields the line has (extra separators stay in the last field).</summary>
    private int Split(string text)
    {
        var count = starts.Length;
        var span = text.AsSpan();
        var at = 0;
        for (var i = 0; i < count - 1; i++)
        {
            var bar = span[at..].IndexOf('|');
            if (bar < 0)
            {
                return i + 1;
            }

            starts[i] = at;
            lengths[i] = bar;
            at += bar + 1;
        }

        starts[count - 1] = at;
        lengths[count - 1] = text.Length - at;
        return count;
    }

    private ReadOnlySpan<char> Field(string text, int index) => index < 0 ? [] : text.AsSpan(starts[index], lengths[index]);

    private static bool IsUnfinished(ReadOnlySpan<char> state)
    {
        foreach (var s in Unfinished)
        {
            if (state.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>GPUs of the job; 0 when none, −1 when a GPU entry cannot be read.</summary>
    private int Gpus(string text, Columns c)
    {
        ReadOnlySpan<int> order = [c.AllocTres, c.AllocGres, c.ReqTres, c.ReqGres];
        for (var i = 0; i < order.Length; i++)
        {
            var field = Field(text, order[i]).Trim();
            if (field.IsEmpty)
            {
                continue;
            }

            return order[i] == c.AllocTres || order[i] == c.ReqTres ? TresGpus(field) : GresGpus(field);
        }

        return 0;
    }

    /// <summary><c>billing=8,cpu=8,gres/gpu=2,gres/gpu:h100=2,mem=64G</c>: the untyped total, else the sum of typed counts.</summary>
    public static int TresGpus(ReadOnlySpan<char> tres)
    {
        var total = -1;
        var typed = 0;
        foreach (var range in tres.Split(','))
        {
            var entry = tres[range].Trim();
            if (!entry.StartsWith("gres/gpu", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // gres/gpu=N or gres/gpu:type=N; gres/gpumem, gres/gpuutil … are other resources.
            var eq = entry.IndexOf('=');
            var key = eq < 0 ? entry : entry[..eq];
            var isTotal = key.Length == "gres/gpu".Length;
            if (!isTotal && key["gres/gpu".Length] != ':')
            {
                continue;
            }

            if (eq < 0 || !int.TryParse(entry[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return -1;
            }

            if (isTotal)
            {
                total = n;
            }
            else
            {
                typed += n;
            }
        }

        return total >= 0 ? total : typed;
    }

    /// <summary><c>gpu:2</c>, <c>gpu:h100:4(IDX:0-3)</c>, several separated by commas.</summary>
    public static int GresGpus(ReadOnlySpan<char> gres)
    {
        var sum = 0;
        foreach (var range in gres.Split(','))
        {
            var entry = gres[range].Trim();
            if (!entry.StartsWith("gpu", StringComparison.OrdinalIgnoreCase) || entry.Length > 3 && entry[3] != ':')
            {
                continue;
            }

            var paren = entry.IndexOf('(');
            if (paren >= 0)
            {
                entry = entry[..paren];
            }

            var colon = entry.LastIndexOf(':');
            if (colon < 0 || !int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return -1;
            }

            sum += n;
        }

        return sum;
    }

    /// <summary>Slurm elapsed: <c>[D-]HH:MM:SS</c>, <c>MM:SS</c>, <c>MM:SS.mmm</c> (fractions of a second are dropped).</summary>
    public static bool TryElapsed(ReadOnlySpan<char> text, out long seconds)
    {
        seconds = 0;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        long days = 0;
        var dash = text.IndexOf('-');
        if (dash >= 0)
        {
            if (!long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out days))
            {
                return false;
            }

            text = text[(dash + 1)..];
        }

        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            if (dot == text.Length - 1 || !IsDigits(text[(dot + 1)..]))
            {
                return false;
            }

            text = text[..dot];
        }

        Span<long> parts = stackalloc long[3];
        var count = 0;
        foreach (var range in text.Split(':'))
        {
            if (count == 3 || !long.TryParse(text[range], NumberStyles.None, CultureInfo.InvariantCulture, out parts[count]))
            {
                return false;
            }

            count++;
        }

        // With days the hours must be there (D-HH:MM:SS, or D-HH); minutes and seconds below 60.
        if (count < 2 && dash < 0 || count >= 2 && parts[count - 1] >= 60 || count == 3 && parts[1] >= 60)
        {
            return false;
        }

        var (h, m, s) = count switch
        {
            3 => (parts[0], parts[1], parts[2]),
            2 when dash >= 0 => (parts[0], parts[1], 0L),
            2 => (0L, parts[0], parts[1]),
            _ => (parts[0], 0L, 0L),
        };
        seconds = days * 86_400 + h * 3600 + m * 60 + s;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>2026-03-02T09:15:00</c> in the cluster's local time; <c>Unknown</c>, <c>None</c> or empty is no time.</summary>
    private bool TryTime(ReadOnlySpan<char> text, out DateTimeOffset? value)
    {
        value = null;
        text = text.Trim();
        if (text.IsEmpty || text.Equals("Unknown", StringComparison.OrdinalIgnoreCase) || text.Equals("None", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        value = new DateTimeOffset(local, utcOffset).ToUniversalTime();
        return true;
    }

    private string Intern(ReadOnlySpan<char> text)
    {
        if (internedBySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = text.ToString();
        if (interned.Count < MaxInterned)
        {
            interned[value] = value;
        }

        return value;
    }

    private static string Clip(ReadOnlySpan<char> text) => (text.Length > 40 ? text[..40] : text).ToString();

    private static SacctLine Ignore(int number, SacctIgnored why) => new(number, SacctOutcome.Ignored, default, why, null, null, null);

    private static SacctLine Reject(int number, string text, string key, params string[] arguments) =>
        new(number, SacctOutcome.Rejected, default, SacctIgnored.None, key, arguments, text.Length > MaxText ? text[..MaxText] : text);

    /// <summary>Where the fields usage needs are (−1 = the column is absent).</summary>
    private sealed class Columns
    {
        public int Count { get; private init; }
        public int JobId { get; private init; } = -1;
        public int JobIdRaw { get; private init; } = -1;
        public int Partition { get; private init; } = -1;
        public int Account { get; private init; } = -1;
        public int User { get; private init; } = -1;
        public int Start { get; private init; } = -1;
        public int End { get; private init; } = -1;
        public int Elapsed { get; private init; } = -1;
        public int State { get; private init; } = -1;
        public int AllocTres { get; private init; } = -1;
        public int AllocGres { get; private init; } = -1;
        public int ReqTres { get; private init; } = -1;
        public int ReqGres { get; private init; } = -1;

        public static Columns From(IReadOnlyList<string> names)
        {
            int At(string name)
            {
                for (var i = 0; i < names.Count; i++)
                {
                    if (names[i].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                    {
                        return i;
                    }
                }

                return -1;
            }

            return new Columns
            {
                Count = names.Count, JobId = At("JobID"), JobIdRaw = At("JobIDRaw"), Partition = At("Partition"), Account = At("Account"),
                User = At("User"), Start = At("Start"), End = At("End"), Elapsed = At("Elapsed"), State = At("State"),
                AllocTres = At("AllocTRES"), AllocGres = At("AllocGRES"), ReqTres = At("ReqTRES"), ReqGres = At("ReqGRES"),
            };
        }

        public List<string> Missing()
        {
            var missing = new List<string>();
            if (JobId < 0 && JobIdRaw < 0)
            {
                missing.Add("JobID");
            }

            foreach (var (index, name) in new[] { (Account, "Account"), (Start, "Start"), (End, "End"), (Elapsed, "Elapsed") })
            {
                if (index < 0)
                {
                    missing.Add(name);
                }
            }

            if (AllocTres < 0 && AllocGres < 0 && ReqTres < 0 && ReqGres < 0)
            {
                missing.Add("AllocTRES");
            }

            return missing;
        }
    }
}
