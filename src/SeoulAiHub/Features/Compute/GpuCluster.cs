using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Compute;

/// <summary>GPU 모델 — a kind of accelerator (H100 80GB, A100 80GB, L40S 48GB …).</summary>
public sealed class GpuModel
{
    public const int MaxName = 100;

    public Guid Id { get; private init; }
    public string Name { get; private set; } = "";
    public int MemoryGb { get; private set; }

    public static GpuModel Create(string? name, int memoryGb)
    {
        Require(memoryGb is > 0 and <= 4096, "Compute.Error.Memory");
        return new GpuModel { Id = Guid.CreateVersion7(), Name = Text(name, MaxName, "Compute.Error.ModelName"), MemoryGb = memoryGb };
    }
}

/// <summary>
/// 클러스터 — one Slurm cluster the hub accounts for. <see cref="SlurmName"/> is what sacct's Cluster column says;
/// sacct prints times in the cluster's local time without an offset, so the cluster keeps that offset
/// (<see cref="UtcOffsetMinutes"/>, 540 = KST) to turn them into instants.
/// </summary>
public sealed class GpuCluster
{
    public const int MaxName = 200;
    public const int MaxSlurmName = 64;

    public Guid Id { get; private init; }
    public string Name { get; private set; } = "";
    public string SlurmName { get; private set; } = "";
    public string Site { get; private set; } = "";
    public int UtcOffsetMinutes { get; private set; }
    public List<GpuPartition> Partitions { get; private init; } = [];

    public TimeSpan UtcOffset => TimeSpan.FromMinutes(UtcOffsetMinutes);

    /// <summary>GPUs in all partitions; capacity for a period is this × its hours.</summary>
    public int TotalGpus => Partitions.Sum(p => p.TotalGpus);

    public static GpuCluster Create(string? name, string? slurmName, string? site, int utcOffsetMinutes = 540)
    {
        Require(utcOffsetMinutes is >= -720 and <= 840, "Compute.Error.Offset");
        var slurm = Text(slurmName, MaxSlurmName, "Compute.Error.SlurmName");
        Require(!slurm.Contains('|', StringComparison.Ordinal), "Compute.Error.SlurmName");
        return new GpuCluster
        {
            Id = Guid.CreateVersion7(), Name = Text(name, MaxName, "Compute.Error.ClusterName"), SlurmName = slurm,
            Site = Text(site, MaxName, "Compute.Error.Site"), UtcOffsetMinutes = utcOffsetMinutes,
        };
    }

    public GpuPartition AddPartition(string? name, GpuModel model, int nodes, int gpusPerNode)
    {
        var partitionName = Text(name, GpuPartition.MaxName, "Compute.Error.PartitionName");
        Require(Partitions.All(p => p.Name != partitionName), "Compute.Error.PartitionExists", partitionName);
        Require(nodes is > 0 and <= 100_000 && gpusPerNode is > 0 and <= 64, "Compute.Error.PartitionSize");
        var partition = new GpuPartition
        {
            Id = Guid.CreateVersion7(), ClusterId = Id, Name = partitionName, ModelId = model.Id, Nodes = nodes, GpusPerNode = gpusPerNode,
        };
        Partitions.Add(partition);
        return partition;
    }
}

/// <summary>파티션 — a Slurm partition of one GPU model: nodes × GPUs per node.</summary>
public sealed class GpuPartition
{
    public const int MaxName = 64;

    public Guid Id { get; internal init; }
    public Guid ClusterId { get; internal init; }
    public string Name { get; internal set; } = "";
    public Guid ModelId { get; internal set; }
    public int Nodes { get; internal set; }
    public int GpusPerNode { get; internal set; }

    public int TotalGpus => Nodes * GpusPerNode;

    public void Resize(int nodes, int gpusPerNode)
    {
        Require(nodes is > 0 and <= 100_000 && gpusPerNode is > 0 and <= 64, "Compute.Error.PartitionSize");
        Nodes = nodes;
        GpusPerNode = gpusPerNode;
    }
}

internal sealed class GpuModelConfiguration : IEntityTypeConfiguration<GpuModel>
{
    public void Configure(EntityTypeBuilder<GpuModel> b)
    {
        b.ToTable("GpuModels");
        b.Property(m => m.Name).HasMaxLength(GpuModel.MaxName);
        b.HasIndex(m => m.Name).IsUnique();
    }
}

internal sealed class GpuClusterConfiguration : IEntityTypeConfiguration<GpuCluster>
{
    public void Configure(EntityTypeBuilder<GpuCluster> b)
    {
        b.ToTable("GpuClusters");
        b.Property(c => c.Name).HasMaxLength(GpuCluster.MaxName);
        b.Property(c => c.SlurmName).HasMaxLength(GpuCluster.MaxSlurmName);
        b.Property(c => c.Site).HasMaxLength(GpuCluster.MaxName);
        b.HasIndex(c => c.Name).IsUnique();
        b.HasMany(c => c.Partitions).WithOne().HasForeignKey(p => p.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GpuPartitionConfiguration : IEntityTypeConfiguration<GpuPartition>
{
    public void Configure(EntityTypeBuilder<GpuPartition> b)
    {
        b.ToTable("GpuPartitions");
        b.Property(p => p.Name).HasMaxLength(GpuPartition.MaxName);
        b.HasOne<GpuModel>().WithMany().HasForeignKey(p => p.ModelId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ClusterId, p.Name }).IsUnique();
    }
}
