using SeoulAiHub.Features.Compute;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Compute.Domain.Sacct;

namespace SeoulAiHub.Tests.Compute.Domain;

/// <summary>The real sacct samples (XDMoD's headerless export and slurm2sql's headed one) read as they should.</summary>
public sealed class SacctSampleTests
{
    private static string Sample(string file) => File.ReadAllText(TestPaths.Sample(file));

    [Fact]
    public void The_headerless_xdmod_sample_reads_in_xdmod_order_and_takes_gpus_from_alloctres()
    {
        var lines = Parse(Sample("sacct-xdmod.txt"), offset: TimeSpan.FromHours(-4));

        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.LineNumber));
        Assert.DoesNotContain(lines, l => l.Outcome == SacctOutcome.Rejected);
        // Three CPU jobs (one of them "CANCELLED by 102216", one TIMEOUT): counted, not errors.
        Assert.Equal(3, lines.Count(l => l.Ignored == SacctIgnored.NoGpu));
        var gpu = Assert.Single(lines, l => l.Outcome == SacctOutcome.Accepted).Job;
        Assert.Equal((5692623L, "ccr", "xms", (string?)null, 2), (gpu.JobId, gpu.Account, gpu.User, gpu.Partition, gpu.Gpus));
        Assert.Equal(new DateTimeOffset(2016, 8, 1, 11, 4, 9, TimeSpan.Zero), gpu.Start);   // 07:04:09 at UTC−4
        Assert.Equal(gpu.Start, gpu.End);
        Assert.Equal(0, gpu.GpuSeconds);
    }

    [Fact]
    public void A_cancelled_timed_out_job_of_the_xdmod_sample_with_gpus_counts_its_three_days()
    {
        var text = Sample("sacct-xdmod.txt").Replace("|billing=256,cpu=256,mem=3000M,node=32|",
            "|billing=256,cpu=256,gres/gpu:a100=4,mem=3000M,node=32|", StringComparison.Ordinal)
            .Replace("|billing=36,cpu=36,mem=48000M,node=3|", "|billing=36,cpu=36,gres/gpu=3,mem=48000M,node=3|", StringComparison.Ordinal);

        var jobs = Parse(text).Where(l => l.Outcome == SacctOutcome.Accepted).Select(l => l.Job).ToList();

        var timeout = Assert.Single(jobs, j => j.JobId == 4103947);
        Assert.Equal((4, 3 * 86_400L, 288.0), (timeout.Gpus, timeout.ElapsedSeconds, timeout.GpuHours));
        var cancelled = Assert.Single(jobs, j => j.JobId == 4107166);
        Assert.Equal((3, 2 * 86_400 + 22 * 3600 + 3 * 60 + 4L), (cancelled.Gpus, cancelled.ElapsedSeconds));
        Assert.Equal("general-compute", cancelled.Partition);
    }

    [Fact]
    public void The_headed_slurm2sql_sample_skips_job_steps_and_keeps_json_comments_with_commas_in_their_field()
    {
        var parser = new SacctParser(new StringReader(Sample("sacct-slurm2sql.txt")), Kst);
        var lines = parser.Lines().ToList();

        Assert.True(parser.HadHeader);
        Assert.Equal([2, 3, 4, 5, 6], lines.Select(l => l.LineNumber));
        Assert.Equal(3, lines.Count(l => l.Ignored == SacctIgnored.Step));          // .batch, .0, .batch
        Assert.Equal(2, lines.Count(l => l.Ignored == SacctIgnored.NoGpu));         // the two allocations ran without GPUs
        Assert.DoesNotContain(lines, l => l.Outcome == SacctOutcome.Rejected);
    }

    [Fact]
    public void A_headed_job_with_gpus_counts_once_and_an_unknown_end_of_a_cancelled_job_is_start_plus_elapsed()
    {
        var sample = Sample("sacct-slurm2sql.txt").Split('\n');
        var header = sample[0].Split('|');
        var alloc = Array.IndexOf(header, "AllocTRES");
        string WithGpus(string line, string tres)
        {
            var fields = line.Split('|');
            fields[alloc] = tres;
            return string.Join('|', fields);
        }

        var text = string.Join('\n', sample[0], WithGpus(sample[1], "billing=2,cpu=2,gres/gpu=2,mem=2200M,node=1"),
            WithGpus(sample[2], "cpu=2,gres/gpu=2"), sample[3], WithGpus(sample[4], "gres/gpu:v100=1"), sample[5]);

        var jobs = Parse(text).Where(l => l.Outcome == SacctOutcome.Accepted).Select(l => l.Job).ToList();

        Assert.Equal([43974388L, 43977780L], jobs.Select(j => j.JobId));
        var first = jobs[0];
        Assert.Equal((2, 3 * 3600 + 33 * 60 + 25L), (first.Gpus, first.ElapsedSeconds));
        Assert.Equal(new DateTimeOffset(2019, 7, 31, 13, 29, 14, TimeSpan.Zero), first.Start);
        Assert.Equal(2 * 12_805 / 3600.0, first.GpuHours, 6);
        var cancelled = jobs[1];
        Assert.Equal((1, 17L), (cancelled.Gpus, cancelled.ElapsedSeconds));
        Assert.Equal(cancelled.Start.AddSeconds(17), cancelled.End);
    }
}
