using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Compute;

/// <summary>
/// 작업 사용량 — one finished GPU job imported from Slurm accounting. The key is (cluster, JobIDRaw): a job imported again
/// (the same file twice, or overlapping sacct windows) is the same row, so it counts once. GPU-seconds are kept exact
/// (GPUs × elapsed seconds, whole numbers that sum without rounding); GPU-hours are GPU-seconds / 3600.
/// <see cref="Month"/> is the KST month of the start (year × 12 + month − 1): a job counts in the month it started.
/// Rows are written by <see cref="UsageImporter"/> with set-based SQL, never through the change tracker.
/// </summary>
public sealed class GpuJobUsage
{
    public const int MaxName = 64;

    public Guid ClusterId { get; init; }
    public long JobId { get; init; }
    public string Account { get; init; } = "";
    public string User { get; init; } = "";
    public string? Partition { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset EndedAt { get; init; }
    public long ElapsedSeconds { get; init; }
    public int Gpus { get; init; }
    public long GpuSeconds { get; init; }
    public int Month { get; init; }

    /// <summary>The allocation the job counts against; empty when its account matched none (reported as unmatched).</summary>
    public Guid? AllocationId { get; init; }
    public Guid ImportId { get; init; }

    public double GpuHours => GpuSeconds / 3600.0;

    public static int MonthIndex(int year, int month) => year * 12 + month - 1;

    public static (int Year, int Month) FromMonthIndex(int index) => (index / 12, index % 12 + 1);
}

/// <summary>One rejected line of an import: where, why (a Compute.Error.Sacct* key with its arguments), and the text.</summary>
public sealed record RejectedLine(int Line, string ReasonKey, string[] Arguments, string Text);

/// <summary>An account of an import that no allocation covers, with how many jobs and GPU-hours it had.</summary>
public sealed record UnmatchedAccount(string Account, int Jobs, double GpuHours);

/// <summary>
/// 사용량 가져오기 — one sacct file imported: who, when, its SHA-256, and what became of its lines. Accepted lines are
/// either new jobs or duplicates (already imported); ignored lines are job steps, CPU-only jobs and jobs that never
/// started; rejected lines are errors, the first <see cref="MaxRejectedKept"/> kept with their reasons.
/// </summary>
public sealed class UsageImport
{
    public const int MaxRejectedKept = 200;
    public const int MaxUnmatchedKept = 50;
    public const int MaxFileName = 255;

    public Guid Id { get; init; }
    public Guid ClusterId { get; init; }
    public string FileName { get; init; } = "";
    public string Sha256 { get; set; } = "";
    public Guid ImportedBy { get; init; }
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Empty while the import runs (or if it stopped half-way; importing the file again completes it).</summary>
    public DateTimeOffset? FinishedAt { get; set; }
    public int Lines { get; set; }
    public int Accepted { get; set; }
    public int Inserted { get; set; }
    public int Duplicates { get; set; }
    public int Ignored { get; set; }
    public int Steps { get; set; }
    public int Rejected { get; set; }
    public int Unmatched { get; set; }
    public long GpuSeconds { get; set; }
    public List<RejectedLine> RejectedLines { get; set; } = [];
    public List<UnmatchedAccount> UnmatchedAccounts { get; set; } = [];
}

internal sealed class GpuJobUsageConfiguration : IEntityTypeConfiguration<GpuJobUsage>
{
    public void Configure(EntityTypeBuilder<GpuJobUsage> b)
    {
        b.ToTable("GpuJobUsages");
        b.HasKey(u => new { u.ClusterId, u.JobId });
        b.Property(u => u.JobId).ValueGeneratedNever();
        b.Property(u => u.Account).HasMaxLength(GpuJobUsage.MaxName);
        b.Property(u => u.User).HasMaxLength(GpuJobUsage.MaxName);
        b.Property(u => u.Partition).HasMaxLength(GpuJobUsage.MaxName);
        b.HasOne<GpuCluster>().WithMany().HasForeignKey(u => u.ClusterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GpuAllocation>().WithMany().HasForeignKey(u => u.AllocationId).OnDelete(DeleteBehavior.Restrict);

        // ImportId is deliberately not a foreign key: that would add a fourth index to a table written a million rows
        // at a time, for a question (which jobs came with which file) nobody asks; imports are never deleted.
        // Indexes: usage per allocation (recompute, by month, by user, recent jobs) — also unmatched jobs (AllocationId
        // IS NULL) in a period, for re-matching when an allocation starts; a cluster's usage per month (utilization).
        // No index by account: every index costs a million random inserts per big import, and re-matching is rare.
        b.HasIndex(u => new { u.AllocationId, u.StartedAt });
        b.HasIndex(u => new { u.ClusterId, u.Month });
    }
}

internal sealed class UsageImportConfiguration : IEntityTypeConfiguration<UsageImport>
{
    public void Configure(EntityTypeBuilder<UsageImport> b)
    {
        b.ToTable("UsageImports");
        b.Property(i => i.FileName).HasMaxLength(UsageImport.MaxFileName);
        b.Property(i => i.Sha256).HasMaxLength(64);
        b.Property(i => i.RejectedLines).HasJsonConversion(() => []);
        b.Property(i => i.UnmatchedAccounts).HasJsonConversion(() => []);
        b.HasOne<GpuCluster>().WithMany().HasForeignKey(i => i.ClusterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.ClusterId, i.StartedAt });
        b.HasIndex(i => i.Sha256);
    }
}
