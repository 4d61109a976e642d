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

/// <summary>
/// One data line: accepted (with the job), ignored (why) or rejected (a Compute.Error.Sacct* key, its arguments and the text).
/// </summary>
public readonly record struct SacctLine(int LineNumber, SacctOutcome Outcome, SacctJob Job, SacctIgnored Ignored, string? ReasonKey,
    string[]? Arguments, string? Text);

