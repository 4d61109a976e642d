using SeoulAiHub.Features.Outcomes;
using static SeoulAiHub.Tests.Outcomes.Domain.CampaignExamples;

namespace SeoulAiHub.Tests.Outcomes.Domain;

/// <summary>Opening a campaign: who and what it asks, what it refuses, and extending its deadline.</summary>
public sealed class CampaignOpeningTests
{
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
        { "Outcomes.Campaign.Error.Name", " ", "Survey", 2025, 4, 20260131, CampaignTarget.Selected, false, 1, 1 },
        { "Outcomes.Campaign.Error.Name", "조사", "", 2025, 4, 20260131, CampaignTarget.Selected, false, 1, 1 },
        { "Outcomes.Campaign.Error.Program", "조사", "Survey", 2025, 4, 20260131, CampaignTarget.ProgramAwardees, false, 1, 1 },
        { "Outcomes.Campaign.Error.NoKpis", "조사", "Survey", 2025, 4, 20260131, CampaignTarget.Selected, false, 0, 1 },
        { "Outcomes.Campaign.Error.NoOrganizations", "조사", "Survey", 2025, 4, 20260131, CampaignTarget.Residents, false, 1, 0 },
        { "Outcomes.Campaign.Error.FuturePeriod", "조사", "Survey", 2026, 2, 20260731, CampaignTarget.Selected, false, 1, 1 },
        // on the period's last day
        { "Outcomes.Campaign.Error.DueDate", "조사", "Survey", 2025, 4, 20251231, CampaignTarget.Selected, false, 1, 1 },
        // after the period but past
        { "Outcomes.Campaign.Error.DueDate", "조사", "Survey", 2025, 3, 20251015, CampaignTarget.Selected, false, 1, 1 },
        { "Outcomes.Campaign.Error.DueDate", "조사", "Survey", 2025, 4, 20260109, CampaignTarget.Selected, false, 1, 1 },   // yesterday
    };

    [Theory]
    [MemberData(nameof(BadCampaigns))]
    public void Opening_refuses_bad_input(string key, string nameKo, string nameEn, int year, int quarter, int due,
        CampaignTarget target, bool program, int kpis, int organizations)
    {
        var dueOn = new DateOnly(due / 10000, due / 100 % 100, due % 100);
        Assert.Equal(key, Error(() => KpiCampaign.Open(nameKo, nameEn, ReportingPeriod.Of(PeriodGrain.Quarter, year, quarter), dueOn,
            target, program ? Guid.NewGuid() : null, Enumerable.Range(0, kpis).Select(_ => Guid.NewGuid()).ToList(),
            Enumerable.Range(0, organizations).Select(_ => Guid.NewGuid()).ToList(), Today, Operator, Now)));
    }

    [Fact]
    public void A_period_under_way_may_be_opened_and_the_deadline_may_be_today()
    {
        var current = ReportingPeriod.Of(PeriodGrain.Quarter, 2026, 1);
        Assert.Equal(CampaignStatus.Open, KpiCampaign.Open("조사", "Survey", current, new DateOnly(2026, 4, 15),
            CampaignTarget.Selected, null, [Revenue.Id], [Guid.NewGuid()], Today, Operator, Now).Status);
        var past = ReportingPeriod.Of(PeriodGrain.Quarter, 2025, 3);
        Assert.Equal(Today, KpiCampaign.Open("조사", "Survey", past, Today, CampaignTarget.Selected, null,
            [Revenue.Id], [Guid.NewGuid()], Today, Operator, Now).DueOn);
        var year = ReportingPeriod.Of(PeriodGrain.Year, 2026, 1);
        Assert.Equal("Outcomes.Campaign.Error.DueDate", Error(() => KpiCampaign.Open("조사", "Survey", year, new DateOnly(2026, 12, 31),
            CampaignTarget.Selected, null, [Revenue.Id], [Guid.NewGuid()], Today, Operator, Now)));
    }

    [Fact]
    public void The_deadline_can_be_extended_while_open_but_not_into_the_past()
    {
        var campaign = Campaign();
        campaign.ExtendDeadline(new DateOnly(2026, 2, 15), Today);
        Assert.Equal(new DateOnly(2026, 2, 15), campaign.DueOn);
        Assert.Equal("Outcomes.Campaign.Error.DueDate", Error(() => campaign.ExtendDeadline(new DateOnly(2026, 1, 9), Today)));
        Assert.Equal("Outcomes.Campaign.Error.DueDate", Error(() => campaign.ExtendDeadline(Q4.EndsOn, new DateOnly(2025, 12, 1))));
        Assert.Equal(new DateOnly(2026, 2, 15), campaign.DueOn);
        campaign.Lock(Operator, Now);
        Assert.Equal("Outcomes.Campaign.Error.Locked", Error(() => campaign.ExtendDeadline(new DateOnly(2026, 3, 1), Today)));
    }
}
