using System.Globalization;

namespace SeoulAiHub.Features.Compute;

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
public sealed partial class SacctParser
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
            return Reject(number, text, "Compute.Error.SacctFieldCount", c.Count.ToString(CultureInfo.InvariantCulture),
                found.ToString(CultureInfo.InvariantCulture));
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

    /// <summary><c>2026-03-02T09:15:00</c> in the cluster's local time; <c>Unknown</c>, <c>None</c> or empty is no time.</summary>
    private bool TryTime(ReadOnlySpan<char> text, out DateTimeOffset? value)
    {
        value = null;
        text = text.Trim();
        if (text.IsEmpty || text.Equals("Unknown", StringComparison.OrdinalIgnoreCase) ||
            text.Equals("None", StringComparison.OrdinalIgnoreCase))
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
}
