using SeoulAiHub.Features.Compute;
using static SeoulAiHub.Tests.Compute.Domain.Sacct;

namespace SeoulAiHub.Tests.Compute.Domain;

/// <summary>The parser's rules line by line: rejected lines and why, job steps, GPUs, elapsed times, columns.</summary>
public sealed class SacctParserTests
{
    private const string Header = "JobID|JobIDRaw|Account|User|Partition|State|Start|End|Elapsed|AllocTRES|JobName";

    private static string Job(string id = "100", string state = "COMPLETED", string start = "2026-03-02T09:00:00",
        string end = "2026-03-02T11:00:00", string elapsed = "02:00:00", string tres = "cpu=8,gres/gpu=2", string name = "train") =>
        string.Join('|', id, id, "lab", "kim", "h100", state, start, end, elapsed, tres, name);

    [Fact]
    public void Malformed_lines_are_rejected_with_their_line_numbers_and_reasons_and_the_rest_still_counts()
    {
        var text = string.Join('\n',
            Header,
            Job("101"),
            "102|102|lab|kim",                                                     // line 3: too few fields
            Job("10x3"),                                                           // line 4: job id
            Job("104", elapsed: "1:xx:00"),                                        // line 5: elapsed
            Job("105", start: "2026-03-02T12:00:00"),                              // line 6: end before start
            Job("106", state: "RUNNING", end: "Unknown"),                          // line 7: still running
            Job("107", start: "yesterday"),                                        // line 8: time
            Job("108", tres: "gres/gpu=two"),                                      // line 9: GPUs
            "",                                                                    // line 10: blank, skipped
            Job("111"));

        var lines = Parse(text);

        Assert.Equal([101L, 111L], lines.Where(l => l.Outcome == SacctOutcome.Accepted).Select(l => l.Job.JobId));
        Assert.Equal([11], lines.Where(l => l.Job.JobId == 111).Select(l => l.LineNumber));
        var rejected = lines.Where(l => l.Outcome == SacctOutcome.Rejected).Select(l => (l.LineNumber, l.ReasonKey)).ToList();
        Assert.Equal(
        [
            (3, "Compute.Error.SacctFieldCount"), (4, "Compute.Error.SacctJobId"), (5, "Compute.Error.SacctElapsed"),
            (6, "Compute.Error.SacctEndBeforeStart"), (7, "Compute.Error.SacctRunning"), (8, "Compute.Error.SacctTime"),
            (9, "Compute.Error.SacctGpus"),
        ], rejected);
        var fieldCount = lines.Single(l => l.LineNumber == 3);
        Assert.Equal(["11", "4"], fieldCount.Arguments!);
        Assert.Equal("102|102|lab|kim", fieldCount.Text);
    }

    [Fact]
    public void Extra_separators_stay_in_the_last_field_a_job_name_may_hold_anything()
    {
        var lines = Parse(Header + "\n" + Job("200", name: "sweep|lr=3e-4|bs=64"));

        var job = Assert.Single(lines);
        Assert.Equal(SacctOutcome.Accepted, job.Outcome);
        Assert.Equal(200, job.Job.JobId);
    }

    [Fact]
    public void Job_steps_count_once_as_ignored_lines_whatever_their_suffix()
    {
        var lines = Parse(string.Join('\n', Header, Job("300"), Job("300.batch"), Job("300.extern"), Job("300.0"), Job("300.12")));

        Assert.Single(lines, l => l.Outcome == SacctOutcome.Accepted);
        Assert.Equal(4, lines.Count(l => l.Ignored == SacctIgnored.Step));
    }

    [Theory]
    [InlineData("gres/gpu=2", 2)]
    [InlineData("billing=64,cpu=64,gres/gpu=4,gres/gpu:h100=4,mem=512G,node=1", 4)]   // typed and total: the total
    [InlineData("cpu=8,gres/gpu:h100=4", 4)]                                            // typed only: their sum
    [InlineData("cpu=8,gres/gpu:a100=2,gres/gpu:l40s=1", 3)]
    [InlineData("billing=256,cpu=256,mem=3000M,node=32", 0)]
    [InlineData("cpu=8,gres/gpumem=80G,gres/gpu=1", 1)]
    public void Gpus_come_from_alloctres(string tres, int gpus) => Assert.Equal(gpus, SacctParser.TresGpus(tres));

    [Theory]
    [InlineData("gpu:2", 2)]
    [InlineData("gpu:h100:4(IDX:0-3)", 4)]
    [InlineData("gpu:a100:1,gpu:l40s:2", 3)]
    [InlineData("craynetwork:1", 0)]
    public void Gpus_come_from_gres_strings(string gres, int gpus) => Assert.Equal(gpus, SacctParser.GresGpus(gres));

    [Fact]
    public void Without_alloctres_gpus_come_from_allocgres_then_reqtres()
    {
        var lines = Parse("JobID|Account|Start|End|Elapsed|AllocTRES|AllocGRES|ReqTRES\n" +
                          "1|a|2026-03-02T09:00:00|2026-03-02T10:00:00|01:00:00||gpu:h100:3|gres/gpu=8\n" +
                          "2|a|2026-03-02T09:00:00|2026-03-02T10:00:00|01:00:00|||gres/gpu=8\n" +
                          "3|a|2026-03-02T09:00:00|2026-03-02T10:00:00|01:00:00|cpu=4|gpu:1|gres/gpu=8");

        Assert.Equal([3, 8], lines.Where(l => l.Outcome == SacctOutcome.Accepted).Select(l => l.Job.Gpus));
        Assert.Equal(SacctIgnored.NoGpu, lines[2].Ignored);   // AllocTRES says what was allocated: no GPUs
    }

    [Theory]
    [InlineData("00:00:00", 0)]
    [InlineData("14:00:49", 14 * 3600 + 49)]
    [InlineData("3-00:00:00", 3 * 86_400)]
    [InlineData("2-22:03:04", 2 * 86_400 + 22 * 3600 + 3 * 60 + 4)]
    [InlineData("12:34", 12 * 60 + 34)]
    [InlineData("00:15.057", 15)]
    [InlineData("1-05", 86_400 + 5 * 3600)]
    [InlineData("120:00:00", 120 * 3600)]
    public void Elapsed_reads_every_slurm_form(string text, long seconds)
    {
        Assert.True(SacctParser.TryElapsed(text, out var read));
        Assert.Equal(seconds, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("1:xx:00")]
    [InlineData("00:61")]
    [InlineData("01:60:00")]
    [InlineData("1:2:3:4")]
    [InlineData("x-01:00:00")]
    [InlineData("00:15.")]
    public void Elapsed_refuses_what_slurm_does_not_write(string text) => Assert.False(SacctParser.TryElapsed(text, out _));

    [Fact]
    public void A_file_without_the_columns_usage_needs_is_refused_before_any_line()
    {
        var ex = Assert.Throws<RuleException>(() => Parse("JobID|User|Elapsed\n1|kim|01:00:00"));

        Assert.Equal("Compute.Error.SacctColumns", ex.Key);
        Assert.Equal("Account, Start, End, AllocTRES", ex.Arguments[0]);
    }

    [Fact]
    public void A_headerless_file_takes_the_columns_it_is_given()
    {
        var lines = Parse("77|lab|2026-03-02T09:00:00|2026-03-02T09:30:00|30:00|gres/gpu=1",
            ["JobIDRaw", "Account", "Start", "End", "Elapsed", "AllocTRES"]);

        var job = Assert.Single(lines).Job;
        Assert.Equal((77L, 1800L, 1), (job.JobId, job.ElapsedSeconds, job.Gpus));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), job.Start);   // 09:00 KST
    }

    [Fact]
    public void A_job_that_never_started_is_ignored_and_one_with_neither_time_is_rejected()
    {
        var lines = Parse(string.Join('\n', Header, Job("400", state: "CANCELLED by 5", start: "Unknown", end: "2026-03-02T10:00:00",
            elapsed: "00:00:00"), Job("401", state: "CANCELLED by 5", start: "Unknown", end: "Unknown", elapsed: "00:10:00"),
            Job("402", state: "FAILED", start: "Unknown", end: "2026-03-02T10:00:00", elapsed: "00:10:00")));

        Assert.Equal(SacctIgnored.NeverStarted, lines[0].Ignored);
        Assert.Equal("Compute.Error.SacctNoStart", lines[1].ReasonKey);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 50, 0, TimeSpan.Zero), lines[2].Job.Start);   // end − elapsed
    }
}
