using SeoulAiHub.Features.Outcomes;
using static SeoulAiHub.Tests.Outcomes.Domain.CampaignExamples;

namespace SeoulAiHub.Tests.Outcomes.Domain;

/// <summary>Locking a campaign waits until every submitted report is reviewed.</summary>
public sealed class CampaignLockTests
{
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
        Assert.Equal("Outcomes.Campaign.Error.AwaitingReview", refused.Key);
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
        Assert.Equal("Outcomes.Campaign.Error.Locked", Error(() => campaign.Lock(Operator, Now)));
    }
}
