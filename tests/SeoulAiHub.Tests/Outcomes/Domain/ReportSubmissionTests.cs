using SeoulAiHub.Features.Outcomes;
using static SeoulAiHub.Tests.Outcomes.Domain.CampaignExamples;

namespace SeoulAiHub.Tests.Outcomes.Domain;

/// <summary>An organization drafts and submits its report: what is kept, every problem at once, notes and evidence.</summary>
public sealed class ReportSubmissionTests
{
    [Fact]
    public void Saving_drafts_keeps_only_asked_kpis_and_blank_values()
    {
        var campaign = Campaign(kpis: [Revenue.Id, Papers.Id]);
        var task = campaign.Tasks[0];
        var stranger = Guid.NewGuid();
        task.Save([new KpiEntry(Revenue.Id, null, "  "), new KpiEntry(Papers.Id, 3, " 학회 2건 "), new KpiEntry(stranger, 5, null)],
            campaign.KpiIds, Now);
        Assert.Equal(KpiTaskStatus.Draft, task.Status);
        Assert.Equal(2, task.Lines.Count);
        Assert.Null(task.Line(stranger));
        Assert.Null(task.Line(Revenue.Id)!.Value);
        Assert.Null(task.Line(Revenue.Id)!.Note);
        Assert.Equal(3, task.Line(Papers.Id)!.Value);
        Assert.Equal("학회 2건", task.Line(Papers.Id)!.Note);
        Assert.Equal(Now, task.UpdatedAt);

        task.Save([new KpiEntry(Papers.Id, 4, null)], campaign.KpiIds, Now.AddMinutes(1));
        Assert.Equal(4, task.Line(Papers.Id)!.Value);
        Assert.Null(task.Line(Papers.Id)!.Note);
        Assert.Equal(2, task.Lines.Count);
    }

    [Fact]
    public void Every_submission_problem_is_listed_at_once()
    {
        var campaign = Campaign();
        var task = campaign.Tasks[0];
        task.Save([
            new KpiEntry(Revenue.Id, 1_000_000, null),   // evidence required, none attached
            new KpiEntry(Headcount.Id, null, null),      // no value
            new KpiEntry(Hires.Id, -1, null),            // impossible
            new KpiEntry(Papers.Id, 10, null),           // ten times last quarter, no note
        ], campaign.KpiIds, Now);
        var previous = new Dictionary<Guid, long> { [Papers.Id] = 1 };

        var problems = Assert.Throws<RuleException>(() => task.Submit(Context(previous), Reporter, Now)).Problems;
        Assert.Equal(
            new[] { (Revenue.Id, "Outcomes.Campaign.Error.EvidenceRequired"), (Headcount.Id, "Outcomes.Campaign.Error.ValueRequired"),
                (Hires.Id, "Outcomes.Campaign.Error.Negative"), (Papers.Id, "Outcomes.Campaign.Error.OutlierNoteRequired") }
                .OrderBy(p => p.Item2),
            problems.Select(p => (Guid.Parse(p.Field), p.Key)).OrderBy(p => p.Key));
        Assert.Equal(KpiTaskStatus.Draft, task.Status);
        Assert.Null(task.SubmittedAt);
        Assert.Equal(OutlierFlags.AboveFiveTimes, task.Line(Papers.Id)!.Outliers);
    }

    [Fact]
    public void A_note_lets_an_outlier_through_and_zero_needs_no_evidence()
    {
        var campaign = Campaign();
        var task = campaign.Tasks[0];
        Fill(task, revenue: 0, papers: 10, revenueNote: "3분기 휴업");
        task.Save([new KpiEntry(Papers.Id, 10, "국제학회 특집호 게재")], campaign.KpiIds, Now);
        task.Submit(Context(new Dictionary<Guid, long> { [Papers.Id] = 1, [Revenue.Id] = 100 }), Reporter, Now);
        Assert.Equal(KpiTaskStatus.Submitted, task.Status);
        Assert.Equal(Reporter, task.SubmittedBy);
        Assert.Equal(Now, task.SubmittedAt);
        Assert.Equal(OutlierFlags.AboveFiveTimes, task.Line(Papers.Id)!.Outliers);
        Assert.Equal(OutlierFlags.BelowFifth, task.Line(Revenue.Id)!.Outliers);   // zero after 100 is flagged...
        Assert.Equal("Outcomes.Campaign.Error.OutlierNoteRequired", Assert.Single(Assert.Throws<RuleException>(() =>
        {
            var other = Campaign().Tasks[0];
            Fill(other, revenue: 0);
            other.Submit(Context(new Dictionary<Guid, long> { [Revenue.Id] = 100 }), Reporter, Now);
        }).Problems).Key);   // ...and needs its note like any other
    }

    [Fact]
    public void More_hires_than_headcount_needs_a_note()
    {
        var task = Campaign().Tasks[0];
        Fill(task, headcount: 3, hires: 5);
        var problem = Assert.Single(Assert.Throws<RuleException>(() => task.Submit(Context(evidence: Revenue.Id), Reporter, Now)).Problems);
        Assert.Equal((Hires.Id, "Outcomes.Campaign.Error.OutlierNoteRequired"), (Guid.Parse(problem.Field), problem.Key));
        Assert.Equal(OutlierFlags.HiresAboveHeadcount, task.Line(Hires.Id)!.Outliers);

        task.Save([new KpiEntry(Hires.Id, 5, "계약직 포함, 분기 중 퇴사 2명")], All.Select(k => k.Id).ToList(), Now);
        task.Submit(Context(evidence: Revenue.Id), Reporter, Now);
        Assert.Equal(KpiTaskStatus.Submitted, task.Status);
    }

    [Fact]
    public void A_submitted_report_cannot_be_changed_or_submitted_again()
    {
        var (_, task) = Submitted();
        Assert.False(task.IsEditable);
        Assert.False(task.CanEdit(Papers.Id));
        Assert.Equal("Outcomes.Campaign.Error.NotEditable", Error(() => task.Save([new KpiEntry(Papers.Id, 2, null)], [Papers.Id], Now)));
        Assert.Equal("Outcomes.Campaign.Error.NotEditable", Error(() => task.Submit(Context(evidence: Revenue.Id), Reporter, Now)));
        Assert.Equal("Outcomes.Campaign.Error.NotEditable", Error(() => task.AddEvidence(Revenue.Id,
            new("a.pdf", "x", "application/pdf", 1), Reporter, Now)));
        Assert.Equal(1, task.Line(Papers.Id)!.Value);
    }
}
