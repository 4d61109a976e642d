using SeoulAiHub.Features.Engagement;
using static SeoulAiHub.Tests.Engagement.Domain.Rules;

namespace SeoulAiHub.Tests.Engagement.Domain;

public sealed class FollowUpStageTests
{
    private static ActionLine Item(ActionStatus status, bool overdue = false) =>
        new(Guid.NewGuid(), "조치", "부서", null, Today, status, null, null, overdue);

    private static OpinionLine Line(string? answer, params ActionLine[] actions) =>
        new(Guid.NewGuid(), Today, OpinionSource.Survey, null, null, null, null, null, null, "의견", OpinionCategory.Other,
            OpinionVisibility.Public, answer, [], actions);

    public static TheoryData<string?, ActionStatus[], FollowUpStage> Stages => new()
    {
        { null, [], FollowUpStage.Waiting },
        { "답변", [], FollowUpStage.Answered },
        { null, [ActionStatus.Open], FollowUpStage.Underway },
        { "답변", [ActionStatus.Done, ActionStatus.InProgress], FollowUpStage.Underway },
        { null, [ActionStatus.Done, ActionStatus.Open], FollowUpStage.Underway },
        { null, [ActionStatus.Done], FollowUpStage.Completed },
        { "답변", [ActionStatus.Declined], FollowUpStage.Completed },
        { null, [ActionStatus.Done, ActionStatus.Declined], FollowUpStage.Completed },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void The_stage_follows_from_the_answer_and_the_action_statuses(string? answer, ActionStatus[] statuses, FollowUpStage stage)
    {
        Assert.Equal(stage, Line(answer, [.. statuses.Select(s => Item(s))]).Stage);
    }

    [Fact]
    public void A_report_counts_stages_action_statuses_and_overdue_items()
    {
        OpinionLine[] lines =
        [
            Line(null),
            Line("답변"),
            Line(null, Item(ActionStatus.Open, overdue: true), Item(ActionStatus.Done)),
            Line(null, Item(ActionStatus.InProgress, overdue: true)),
            Line("답변", Item(ActionStatus.Declined)),
        ];
        var summary = FollowUpSummary.Of([.. lines.Select(l => (l.Category, l.Stage))],
            [.. lines.SelectMany(l => l.Actions).Select(a => (a.Status, a.Overdue))]);
        var report = new FollowUpReport(lines, summary, 1, 1, 1);

        Assert.Equal([1, 1, 2, 1], Enum.GetValues<FollowUpStage>().Select(report.Count));
        Assert.Equal([1, 1, 1, 1], Enum.GetValues<ActionStatus>().Select(report.ActionCount));
        Assert.Equal(2, report.Overdue);
        Assert.Equal([(OpinionCategory.Other, 5, 1)], summary.ByCategory);
    }

    [Fact]
    public void Ticked_categories_are_parsed_by_enum_name_and_anything_else_is_ignored()
    {
        Assert.Equal(OpinionCategory.Funding | OpinionCategory.Education, EngagementLabels.ParseCategories(["Funding",
            "Education", "Funding"]));
        Assert.Equal(OpinionCategory.None, EngagementLabels.ParseCategories(null));
        Assert.Equal(OpinionCategory.None, EngagementLabels.ParseCategories([]));
        Assert.Equal(OpinionCategory.Global, EngagementLabels.ParseCategories(["funding", "None", "Bogus", "", "3", "255",
            "Funding, Education", "Global"]));
        Assert.Equal(FieldOpinion.Categories.Aggregate((a, b) => a | b),
            EngagementLabels.ParseCategories(FieldOpinion.Categories.Select(c => c.ToString())));
    }
}
