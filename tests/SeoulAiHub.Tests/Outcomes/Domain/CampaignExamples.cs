using SeoulAiHub.Features.Outcomes;

namespace SeoulAiHub.Tests.Outcomes.Domain;

/// <summary>
/// A campaign of the domain tests: the fourth quarter of 2025 asked of new organizations for four KPIs on 10 January 2026,
/// and the steps that fill, submit and check a report.
/// </summary>
internal static class CampaignExamples
{
    public static readonly DateOnly Today = new(2026, 1, 10);
    public static readonly DateTimeOffset Now = new(2026, 1, 10, 3, 0, 0, TimeSpan.Zero);
    public static readonly Guid Operator = Guid.NewGuid();
    public static readonly Guid Reporter = Guid.NewGuid();
    public static readonly ReportingPeriod Q4 = ReportingPeriod.Of(PeriodGrain.Quarter, 2025, 4);

    public static readonly KpiDefinition Revenue = KpiDefinition.Create("revenue", "매출액", "Revenue", KpiUnit.Krw, KpiKind.Flow, true, 10);
    public static readonly KpiDefinition Headcount = KpiDefinition.Create("headcount", "고용 인원", "Headcount", KpiUnit.Persons,
        KpiKind.Stock, false, 20);
    public static readonly KpiDefinition Hires = KpiDefinition.Create("new-hires", "신규 채용", "New hires", KpiUnit.Persons,
        KpiKind.Flow, false, 30);
    public static readonly KpiDefinition Papers = KpiDefinition.Create("papers", "논문 게재", "Papers", KpiUnit.Count, KpiKind.Flow, false, 40);
    public static readonly KpiDefinition[] All = [Revenue, Headcount, Hires, Papers];

    public static KpiCampaign Campaign(int organizations = 1, IReadOnlyCollection<Guid>? kpis = null) =>
        KpiCampaign.Open("2025년 4분기 성과 조사", "Q4 2025 KPI survey", Q4, new DateOnly(2026, 1, 31), CampaignTarget.Selected, null,
            kpis ?? All.Select(k => k.Id).ToList(), Enumerable.Range(0, organizations).Select(_ => Guid.NewGuid()).ToList(), Today,
            Operator, Now.AddDays(-1));

    public static SubmissionContext Context(IReadOnlyDictionary<Guid, long>? previous = null, params Guid[] evidence) =>
        new(All, previous ?? new Dictionary<Guid, long>(), evidence.ToHashSet());

    public static void Fill(KpiTask task, long revenue = 1_000_000, long headcount = 10, long hires = 2, long papers = 1,
        string? revenueNote = null) =>
        task.Save([
            new KpiEntry(Revenue.Id, revenue, revenueNote), new KpiEntry(Headcount.Id, headcount, null),
            new KpiEntry(Hires.Id, hires, null), new KpiEntry(Papers.Id, papers, null),
        ], All.Select(k => k.Id).ToList(), Now);

    public static string Error(Action action) => Assert.Throws<RuleException>(action).Key;

    public static KpiStepTask Submitted()
    {
        var campaign = Campaign();
        var task = campaign.Tasks[0];
        Fill(task);
        task.Submit(Context(evidence: Revenue.Id), Reporter, Now);
        return new(campaign, task);
    }

    public sealed record KpiStepTask(KpiCampaign Campaign, KpiTask Task);
}
