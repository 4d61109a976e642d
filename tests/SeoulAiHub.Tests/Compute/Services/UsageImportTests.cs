using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Compute.Services.ComputeScenario;

namespace SeoulAiHub.Tests.Compute.Services;

public sealed class UsageImportTests
{
    [Theory, OnEveryDatabase]
    public async Task Importing_the_same_file_twice_counts_each_job_once(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var member = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var op = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);
        var allocation = await ActiveAllocationAsync(host, organization.Id, cluster.Id, "lab-x", 1000, member.Id, op.Id);
        var text = string.Join('\n', SacctHeader,
            Job(host, 501, "lab-x", 2, 60),                          // 2 GPU-h
            Job(host, 502, "lab-x", 4, 120),                         // 8 GPU-h
            "502.batch|502.batch|lab-x||||||02:00:00|gres/gpu=4|batch",
            Job(host, 503, "lab-x", 0, 60, tres: "cpu=32,mem=64G"),  // CPU only
            Job(host, 504, "other-lab", 1, 30),                      // nobody's allocation
            Job(host, 505, "lab-x", 1, 90, daysAgo: 40),             // before the period: unmatched
            "506|506|lab-x|kim",                                     // malformed
            Job(host, 507, "lab-x", 8, 15));                         // 2 GPU-h

        var first = await ImportAsync(host, cluster.Id, text, op.Id);

        Assert.Equal((8, 5, 5, 0, 2, 1, 1, 2), (first.Lines, first.Accepted, first.Inserted, first.Duplicates, first.Ignored, first.Steps,
            first.Rejected, first.Unmatched));
        Assert.Equal(8, Assert.Single(first.RejectedLines).Line);
        Assert.Equal("Compute.Error.SacctFieldCount", first.RejectedLines[0].ReasonKey);
        Assert.Equal(["other-lab", "lab-x"], first.UnmatchedAccounts.Select(u => u.Account).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(64, first.Sha256.Length);
        Assert.Equal(12 * 3600L, (await AllocationAsync(host, allocation)).UsedGpuSeconds);

        var second = await ImportAsync(host, cluster.Id, text, op.Id);

        Assert.Equal((8, 5, 0, 5, 1), (second.Lines, second.Accepted, second.Inserted, second.Duplicates, second.Rejected));
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(12 * 3600L, (await AllocationAsync(host, allocation)).UsedGpuSeconds);
        Assert.Equal(5, await JobsAsync(host, cluster.Id));
        Assert.Equal(2, await host.QueryAsync(db => db.UsageImports.CountAsync(i => i.ClusterId == cluster.Id && i.FinishedAt != null)));
    }

    [Theory, OnEveryDatabase]
    public async Task Both_real_sample_files_import_with_steps_skipped_and_the_gpu_job_reported_unmatched(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var op = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);

        var xdmod = await ImportAsync(host, cluster.Id, await File.ReadAllTextAsync(TestPaths.Sample("sacct-xdmod.txt")),
            op.Id, "sacct-xdmod.txt");
        var slurm2sql = await ImportAsync(host, cluster.Id, await File.ReadAllTextAsync(TestPaths.Sample("sacct-slurm2sql.txt")), op.Id,
            "sacct-slurm2sql.txt");

        Assert.Equal((4, 1, 1, 3, 0, 1), (xdmod.Lines, xdmod.Accepted, xdmod.Inserted, xdmod.Ignored, xdmod.Rejected, xdmod.Unmatched));
        Assert.Equal("ccr", Assert.Single(xdmod.UnmatchedAccounts).Account);
        Assert.Equal((5, 0, 5, 3, 0), (slurm2sql.Lines, slurm2sql.Accepted, slurm2sql.Ignored, slurm2sql.Steps, slurm2sql.Rejected));
        var job = await host.QueryAsync(db => db.GpuJobUsages.AsNoTracking().SingleAsync(u => u.ClusterId == cluster.Id));
        Assert.Equal((5692623L, 2, "xms", (Guid?)null), (job.JobId, job.Gpus, job.User, job.AllocationId));
        Assert.Equal(new DateTimeOffset(2016, 7, 31, 22, 4, 9, TimeSpan.Zero), job.StartedAt);   // 07:04:09 in the cluster's KST
    }

    [Theory, OnEveryDatabase]
    public async Task Jobs_imported_before_the_terms_are_accepted_count_once_they_are(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var member = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var op = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);
        var allocation = await ActiveAllocationAsync(host, organization.Id, cluster.Id, "early", 100, member.Id, op.Id, accept: false);

        var import = await ImportAsync(host, cluster.Id, string.Join('\n', SacctHeader, Job(host, 601, "early", 2, 90),
            Job(host, 602, "early", 1, 60, daysAgo: 60)), op.Id);
        Assert.Equal(2, import.Unmatched);
        Assert.Equal(0, (await AllocationAsync(host, allocation)).UsedGpuSeconds);

        await host.WithAsync<AllocationService, bool>(async s => { await s.AcceptTermsAsync(allocation, member.Id); return true; });

        var accepted = await AllocationAsync(host, allocation);
        // the job before the period stays out
        Assert.Equal((AllocationStatus.Active, 3 * 3600L), (accepted.Status, accepted.UsedGpuSeconds));
    }

    [Theory, OnEveryDatabase]
    public async Task A_file_without_the_needed_columns_is_refused_and_leaves_no_import_behind(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var op = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);

        var ex = await Assert.ThrowsAsync<RuleException>(() => ImportAsync(host, cluster.Id, "JobID|User\n1|kim", op.Id));

        Assert.Equal("Compute.Error.SacctColumns", ex.Key);
        Assert.Equal(0, await host.QueryAsync(db => db.UsageImports.CountAsync(i => i.ClusterId == cluster.Id)));
    }

    [Theory, OnEveryDatabase]
    public async Task An_account_cannot_have_two_allocations_in_overlapping_periods_on_one_cluster(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var member = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        var op = await host.CreateAsync(HubRoles.Operator);
        var cluster = await ClusterAsync(host);
        await ActiveAllocationAsync(host, organization.Id, cluster.Id, "shared", 100, member.Id, op.Id);

        var ex = await Assert.ThrowsAsync<RuleException>(() => ActiveAllocationAsync(host, organization.Id, cluster.Id, "shared",
            50, member.Id, op.Id));

        Assert.Equal("Compute.Error.AccountOverlap", ex.Key);
    }
}
