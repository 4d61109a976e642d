using SeoulAiHub.Features.Outcomes;

namespace SeoulAiHub.Tests.Outcomes.Domain;

public sealed class CampaignStateTests
{
    private static readonly DateOnly Today = new(2026, 1, 10);
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Operator = Guid.NewGuid();
    private static readonly Guid Reporter = Guid.NewGuid();
    private static readonly ReportingPeriod Q4 = ReportingPeriod.Of(PeriodGrain.Quarter, 2025, 4);

    private static readonly KpiDefinition Revenue = KpiDefinition.Create("revenue", "매출액", "Revenue", KpiUnit.Krw, KpiKind.Flow, true, 10);
    private static readonly KpiDefinition Headcount = KpiDefinition.Create("headcount", "고용 인원", "Headcount", KpiUnit.Persons, KpiKind.Stock, false, 20);
    private static readonly KpiDefinition Hires = KpiDefinition.Create("new-hires", "신규 채용", "New hires", KpiUnit.Persons, KpiKind.Flow, false, 30);
    private static readonly KpiDefinition Papers = KpiDefinition.Create("papers", "논문 게재", "Papers", KpiUnit.Count, KpiKind.Flow, false, 40);
    private static readonly KpiDefinition[] All = [Revenue, Headcount, Hires, Papers];

    private static KpiCampaign Campaign(int organizations = 1, IReadOnlyCollection<Guid>? kpis = null) =>
        KpiCampaign.Open("2025년 4분기 성과 조사", "Q4 2025 KPI survey", Q4, new DateOnly(2026, 1, 31), CampaignTarget.Selected, null,
            kpis ?? All.Select(k => k.Id).ToList(), Enumerable.Range(0, organizations).Select(_ => Guid.NewGuid()).ToList(), Today, Operator, Now.AddDays(-1));

    private static SubmissionContext Context(IReadOnlyDictionary<Guid, long>? previous = null, params Guid[] evidence) =>
        new(All, previous ?? new Dictionary<Guid, long>(), evidence.ToHashSet());

    private static void Fill(KpiTask task, long revenue = 1_000_000, long headcount = 10, long hires = 2, long papers = 1, string? revenueNote = null) =>
        task.Save([
            new KpiEntry(Revenue.Id, revenue, revenueNote), new KpiEntry(Headcount.Id, headcount, null),
            new KpiEntry(Hires.Id, hires, null), new KpiEntry(Papers.Id, papers, null),
        ], All.Select(k => k.Id).ToList(), Now);

    private static string Error(Action action) => Assert.Throws<RuleException>(action).Key;

    private static KpiStepTask Submitted()
    {
        var campaign = Campaign();
        var task = campaign.Tasks[0];
        Fill(task);
        task.Submit(Context(evidence: Revenue.Id), Reporter, Now);
        return new(campaign, task);
    }

    private sealed record KpiStepTask(KpiCampaign Campaign, KpiTask Task);

    // ---- opening -----------------------------------------------------------------------------------------------

    [Fact]
    public void Opening_asks_each_organization_once_for_each_kpi_once()
    {
        var org = Guid.NewGuid();
        var other = Guid.NewGuid();
        var campaign = KpiCampaign.Open(" 조사 ", " Survey ", Q4, new DateOnly(2026, 1, 31), CampaignTarget.Selected, Guid.NewGuid(),
            [Revenue.Id, Revenue.Id, Papers.Id], [org, other, org], Today, Operator, Now);
        Assert.Equal(CampaignStatus.Open, campaign.Status);
        Assert.Equal("조사", campaign.Name(false));
        Assert.Equal("Survey", campaign.Name(true));
        Assert.Equal(Q4, campaign.Period);
        Assert.Null(campaign.ProgramId);   // only program campaigns keep a program
        Assert.Equal([Revenue.Id, Papers.Id], campaign.KpiIds);
        Assert.Equal([org, other], campaign.Tasks.Select(t => t.OrganizationId));
        Assert.All(campaign.Tasks, t =>
        {
            Assert.Equal(KpiTaskStatus.NotStarted, t.Status);
            Assert.Equal(campaign.Id, t.CampaignId);
            Assert.True(t.IsEditable);
        });
        Assert.Null(campaign.LockedAt);
    }

    [Fact]
    public void A_program_campaign_keeps_its_program()
    {
        var program = Guid.NewGuid();
        var campaign = KpiCampaign.Open("조사", "Survey", Q4, new DateOnly(2026, 1, 31), CampaignTarget.ProgramAwardees, program,
            [Revenue.Id], [Guid.NewGuid()], Today, Operator, Now);
        Assert.Equal(program, campaign.ProgramId);
    }

    public static TheoryData<string, string, string, int, int, int, CampaignTarget, bool, int, int> BadCampaigns => new()
    {
        // key, names, period year and quarter, due date as yyyymmdd, target, whether a program is given, KPIs, organizations
        { "Campaign.Error.Name", " ", "Survey", 2025, 4, 20260131, CampaignTarget.Selected, false, 1, 1 },
        { "Campaign.Error.Name", "조사", "", 2025, 4, 20260131, CampaignTarget.Selected, false, 1, 1 },
        { "Campaign.Error.Program", "조사", "Survey", 2025, 4, 20260131, CampaignTarget.ProgramAwardees, false, 1, 1 },
        { "Campaign.Error.NoKpis", "조사", "Survey", 2025, 4, 20260131, CampaignTarget.Selected, false, 0, 1 },
        { "Campaign.Error.NoOrganizations", "조사", "Survey", 2025, 4, 20260131, CampaignTarget.Residents, false, 1, 0 },
        { "Campaign.Error.FuturePeriod", "조사", "Survey", 2026, 2, 20260731, CampaignTarget.Selected, false, 1, 1 },
        { "Campaign.Error.DueDate", "조사", "Survey", 2025, 4, 20251231, CampaignTarget.Selected, false, 1, 1 },   // on the period's last day
        { "Campaign.Error.DueDate", "조사", "Survey", 2025, 3, 20251015, CampaignTarget.Selected, false, 1, 1 },   // after the period but past
        { "Campaign.Error.DueDate", "조사", "Survey", 2025, 4, 20260109, CampaignTarget.Selected, false, 1, 1 },   // yesterday
    };

    [Theory]
    [MemberData(nameof(BadCampaigns))]
    public void Opening_refuses_bad_input(string key, string nameKo, string nameEn, int year, int quarter, int due,
        CampaignTarget target, bool program, int kpis, int organizations)
    {
        var dueOn = new DateOnly(due / 10000, due / 100 % 100, due % 100);
        Assert.Equal(key, Error(() => KpiCampaign.Open(nameKo, nameEn, ReportingPeriod.Of(PeriodGrain.Quarter, year, quarter), dueOn, target,
            program ? Guid.NewGuid() : null, Enumerable.Range(0, kpis).Select(_ => Guid.NewGuid()).ToList(),
            Enumerable.Range(0, organizations).Select(_ => Guid.NewGuid()).ToList(), Today, Operator, Now)));
    }

    [Fact]
    public void A_period_under_way_may_be_opened_and_the_deadline_may_be_today()
    {
        var current = ReportingPeriod.Of(PeriodGrain.Quarter, 2026, 1);
        Assert.Equal(CampaignStatus.Open, KpiCampaign.Open("조사", "Survey", current, new DateOnly(2026, 4, 15), CampaignTarget.Selected, null,
            [Revenue.Id], [Guid.NewGuid()], Today, Operator, Now).Status);
        var past = ReportingPeriod.Of(PeriodGrain.Quarter, 2025, 3);
        Assert.Equal(Today, KpiCampaign.Open("조사", "Survey", past, Today, CampaignTarget.Selected, null,
            [Revenue.Id], [Guid.NewGuid()], Today, Operator, Now).DueOn);
        var year = ReportingPeriod.Of(PeriodGrain.Year, 2026, 1);
        Assert.Equal("Campaign.Error.DueDate", Error(() => KpiCampaign.Open("조사", "Survey", year, new DateOnly(2026, 12, 31), CampaignTarget.Selected, null,
            [Revenue.Id], [Guid.NewGuid()], Today, Operator, Now)));
    }

    [Fact]
    public void The_deadline_can_be_extended_while_open_but_not_into_the_past()
    {
        var campaign = Campaign();
        campaign.ExtendDeadline(new DateOnly(2026, 2, 15), Today);
        Assert.Equal(new DateOnly(2026, 2, 15), campaign.DueOn);
        Assert.Equal("Campaign.Error.DueDate", Error(() => campaign.ExtendDeadline(new DateOnly(2026, 1, 9), Today)));
        Assert.Equal("Campaign.Error.DueDate", Error(() => campaign.ExtendDeadline(Q4.EndsOn, new DateOnly(2025, 12, 1))));
        Assert.Equal(new DateOnly(2026, 2, 15), campaign.DueOn);
        campaign.Lock(Operator, Now);
        Assert.Equal("Campaign.Error.Locked", Error(() => campaign.ExtendDeadline(new DateOnly(2026, 3, 1), Today)));
    }

    // ---- drafting and submitting -------------------------------------------------------------------------------

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
            new[] { (Revenue.Id, "Campaign.Error.EvidenceRequired"), (Headcount.Id, "Campaign.Error.ValueRequired"), (Hires.Id, "Campaign.Error.Negative"), (Papers.Id, "Campaign.Error.OutlierNoteRequired") }
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
        Assert.Equal("Campaign.Error.OutlierNoteRequired", Assert.Single(Assert.Throws<RuleException>(() =>
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
        Assert.Equal((Hires.Id, "Campaign.Error.OutlierNoteRequired"), (Guid.Parse(problem.Field), problem.Key));
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
        Assert.Equal("Campaign.Error.NotEditable", Error(() => task.Save([new KpiEntry(Papers.Id, 2, null)], [Papers.Id], Now)));
        Assert.Equal("Campaign.Error.NotEditable", Error(() => task.Submit(Context(evidence: Revenue.Id), Reporter, Now)));
        Assert.Equal("Campaign.Error.NotEditable", Error(() => task.AddEvidence(Revenue.Id, new("a.pdf", "x", "application/pdf", 1), Reporter, Now)));
        Assert.Equal(1, task.Line(Papers.Id)!.Value);
    }

    [Fact]
    public void Only_a_submitted_report_can_be_reviewed()
    {
        var task = Campaign().Tasks[0];
        Assert.Equal("Campaign.Error.NotSubmitted", Error(() => task.Review([], Operator, Now)));
        Fill(task);
        Assert.Equal("Campaign.Error.NotSubmitted", Error(() => task.Review([], Operator, Now)));
    }

    [Fact]
    public void A_return_needs_a_comment_and_a_refused_review_changes_nothing()
    {
        var (_, task) = Submitted();
        Assert.Equal("Campaign.Error.ReturnComment", Error(() => task.Review(
            [new LineDecision(Headcount.Id, true, null), new LineDecision(Revenue.Id, false, "  ")], Operator, Now)));
        Assert.Equal(KpiTaskStatus.Submitted, task.Status);
        Assert.All(task.Lines, l => Assert.Equal(LineReview.Pending, l.Review));
        Assert.Null(task.ReviewedAt);
    }

    [Fact]
    public void After_a_return_only_the_returned_value_can_change_and_resubmission_reopens_it()
    {
        var (_, task) = Submitted();
        var asked = All.Select(k => k.Id).ToList();
        task.Review([new LineDecision(Revenue.Id, false, " 세금계산서 합계와 다릅니다 "), new LineDecision(Papers.Id, true, "확인")], Operator, Now);
        Assert.Equal(KpiTaskStatus.Returned, task.Status);
        Assert.Equal(Operator, task.ReviewedBy);
        Assert.Equal(LineReview.Returned, task.Line(Revenue.Id)!.Review);
        Assert.Equal("세금계산서 합계와 다릅니다", task.Line(Revenue.Id)!.ReviewComment);
        Assert.Equal(LineReview.Accepted, task.Line(Papers.Id)!.Review);
        Assert.Equal("확인", task.Line(Papers.Id)!.ReviewComment);
        Assert.Equal(LineReview.Accepted, task.Line(Headcount.Id)!.Review);   // not mentioned: accepted
        Assert.True(task.IsEditable);
        Assert.True(task.CanEdit(Revenue.Id));
        Assert.False(task.CanEdit(Headcount.Id));

        task.Save([new KpiEntry(Revenue.Id, 900_000, "수정"), new KpiEntry(Headcount.Id, 99, null), new KpiEntry(Papers.Id, 50, null)], asked, Now);
        Assert.Equal(900_000, task.Line(Revenue.Id)!.Value);
        Assert.Equal(10, task.Line(Headcount.Id)!.Value);
        Assert.Equal(1, task.Line(Papers.Id)!.Value);
        Assert.Equal(KpiTaskStatus.Returned, task.Status);   // saving a fix is not resubmitting
        Assert.Equal("Campaign.Error.NotEditable", Error(() => task.AddEvidence(Headcount.Id, new("a.pdf", "x", "application/pdf", 1), Reporter, Now)));
        task.AddEvidence(Revenue.Id, new("계산서.pdf", "abc", "application/pdf", 10), Reporter, Now);

        task.Submit(Context(evidence: Revenue.Id), Reporter, Now.AddHours(1));
        Assert.Equal(KpiTaskStatus.Submitted, task.Status);
        Assert.Equal(LineReview.Pending, task.Line(Revenue.Id)!.Review);
        Assert.Equal("세금계산서 합계와 다릅니다", task.Line(Revenue.Id)!.ReviewComment);   // kept for the operator
        Assert.Equal(LineReview.Accepted, task.Line(Headcount.Id)!.Review);
        Assert.Equal(LineReview.Accepted, task.Line(Papers.Id)!.Review);

        // A second review only decides the reopened value; a return of an accepted one is ignored.
        task.Review([new LineDecision(Papers.Id, false, "다시")], Operator, Now.AddHours(2));
        Assert.Equal(KpiTaskStatus.Accepted, task.Status);
        Assert.All(task.Lines, l => Assert.Equal(LineReview.Accepted, l.Review));
        Assert.False(task.IsEditable);
        Assert.Equal("Campaign.Error.NotEditable", Error(() => task.Save([new KpiEntry(Revenue.Id, 1, null)], asked, Now)));
    }

    [Fact]
    public void A_value_decided_twice_in_one_review_takes_the_last_decision()
    {
        // Regression: a repeated form field used to throw an ArgumentException from ToDictionary.
        var (_, task) = Submitted();
        task.Review([new LineDecision(Revenue.Id, true, null), new LineDecision(Revenue.Id, false, "합계 확인 필요")], Operator, Now);
        Assert.Equal(KpiTaskStatus.Returned, task.Status);
        Assert.Equal(LineReview.Returned, task.Line(Revenue.Id)!.Review);

        var (_, other) = Submitted();
        other.Review([new LineDecision(Revenue.Id, false, "합계 확인 필요"), new LineDecision(Revenue.Id, true, null)], Operator, Now);
        Assert.Equal(KpiTaskStatus.Accepted, other.Status);
    }

    [Fact]
    public void A_review_without_returns_accepts_the_report()
    {
        var (_, task) = Submitted();
        task.Review([], Operator, Now);
        Assert.Equal(KpiTaskStatus.Accepted, task.Status);
        Assert.All(task.Lines, l => Assert.Equal(LineReview.Accepted, l.Review));
    }

    [Fact]
    public void Evidence_is_removed_only_while_its_value_can_change()
    {
        var campaign = Campaign();
        var task = campaign.Tasks[0];
        Fill(task);
        var evidence = task.AddEvidence(Revenue.Id, new("계산서.pdf", "stored1", "application/pdf", 10), Reporter, Now);
        Assert.Equal("계산서.pdf", evidence.FileName);
        Assert.Equal("Campaign.Error.NoEvidence", Error(() => task.RemoveEvidence(Guid.NewGuid(), Now)));
        task.Submit(Context(evidence: Revenue.Id), Reporter, Now);
        Assert.Equal("Campaign.Error.NotEditable", Error(() => task.RemoveEvidence(evidence.Id, Now)));
        task.Review([new LineDecision(Papers.Id, false, "근거 부족")], Operator, Now);
        Assert.Equal("Campaign.Error.NotEditable", Error(() => task.RemoveEvidence(evidence.Id, Now)));   // revenue was accepted
        Assert.Single(task.Evidence);
    }

    // ---- locking -----------------------------------------------------------------------------------------------

    [Fact]
    public void Locking_waits_for_every_submitted_report_to_be_reviewed()
    {
        var campaign = Campaign(organizations: 4);
        foreach (var task in campaign.Tasks.Take(3))
        {
            Fill(task);
            task.Submit(Context(evidence: Revenue.Id), Reporter, Now);
        }

        campaign.Tasks[3].Save([new KpiEntry(Revenue.Id, 5, null)], campaign.KpiIds, Now);   // a draft never submitted
        var refused = Assert.Throws<RuleException>(() => campaign.Lock(Operator, Now));
        Assert.Equal("Campaign.Error.AwaitingReview", refused.Key);
        Assert.Equal([3], refused.Arguments);

        campaign.Tasks[0].Review([], Operator, Now);
        campaign.Tasks[1].Review([new LineDecision(Revenue.Id, false, "증빙 불일치")], Operator, Now);
        refused = Assert.Throws<RuleException>(() => campaign.Lock(Operator, Now));
        Assert.Equal([1], refused.Arguments);
        Assert.Equal(CampaignStatus.Open, campaign.Status);

        campaign.Tasks[2].Review([], Operator, Now);
        campaign.Lock(Operator, Now);   // returned and draft reports are counted as missing
        Assert.Equal(CampaignStatus.Locked, campaign.Status);
        Assert.Equal(Now, campaign.LockedAt);
        Assert.Equal(Operator, campaign.LockedBy);
        Assert.Equal("Campaign.Error.Locked", Error(() => campaign.Lock(Operator, Now)));
    }
}
