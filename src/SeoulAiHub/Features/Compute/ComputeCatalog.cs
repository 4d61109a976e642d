using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Compute;

/// <summary>Operators' catalog: GPU models, clusters and their partitions.</summary>
public sealed class ComputeCatalog(HubDb db)
{
    public async Task<GpuModel> AddModelAsync(string? name, int memoryGb, CancellationToken ct = default)
    {
        var model = GpuModel.Create(name, memoryGb);
        Rule.Require(!await db.GpuModels.AnyAsync(m => m.Name == model.Name, ct), "Compute.Error.ModelExists", model.Name);
        db.GpuModels.Add(model);
        await db.SaveChangesAsync(ct);
        return model;
    }

    public async Task<GpuCluster> AddClusterAsync(string? name, string? slurmName, string? site, int utcOffsetMinutes = 540,
        CancellationToken ct = default)
    {
        var cluster = GpuCluster.Create(name, slurmName, site, utcOffsetMinutes);
        Rule.Require(!await db.GpuClusters.AnyAsync(c => c.Name == cluster.Name, ct), "Compute.Error.ClusterExists", cluster.Name);
        db.GpuClusters.Add(cluster);
        await db.SaveChangesAsync(ct);
        return cluster;
    }

    public async Task<GpuPartition> AddPartitionAsync(Guid clusterId, string? name, Guid modelId, int nodes, int gpusPerNode,
        CancellationToken ct = default)
    {
        var cluster = await db.GpuClusters.Include(c => c.Partitions).SingleOrDefaultAsync(c => c.Id == clusterId, ct)
                      ?? throw new RuleException("Compute.Error.NoCluster");
        var model = await db.GpuModels.SingleOrDefaultAsync(m => m.Id == modelId, ct) ?? throw new RuleException("Compute.Error.NoModel");
        var partition = cluster.AddPartition(name, model, nodes, gpusPerNode);
        await db.SaveChangesAsync(ct);
        return partition;
    }

    /// <summary>Finds a cluster by its id, its name or its Slurm name (for the command line).</summary>
    public Task<GpuCluster?> FindClusterAsync(string nameOrId, CancellationToken ct = default)
    {
        var id = Guid.TryParse(nameOrId, out var parsed) ? parsed : Guid.Empty;
        return db.GpuClusters.AsNoTracking().Include(c => c.Partitions)
            .FirstOrDefaultAsync(c => c.Id == id || c.Name == nameOrId || c.SlurmName == nameOrId, ct);
    }
}
