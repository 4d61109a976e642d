using SeoulAiHub.Features.Engagement;
using static SeoulAiHub.Tests.Engagement.Domain.Rules;

namespace SeoulAiHub.Tests.Engagement.Domain;

public sealed class FieldOpinionTests
{
    private static FieldOpinion Record(OpinionSource source = OpinionSource.Survey, Guid? visit = null, Guid? organization = null,
        string? text = "규제가 불명확합니다.", OpinionCategory category = OpinionCategory.Regulation,
        OpinionVisibility visibility = OpinionVisibility.Public, string? speaker = null) =>
        FieldOpinion.Record(source, visit, organization, speaker, text, category, visibility, Today, Operator, Now);

    private static List<(OpinionEventKind Kind, Guid Id)> Snapshot(FieldOpinion opinion) =>
        opinion.History.Select(e => (e.Kind, e.Id)).ToList();

    [Fact]
    public void A_recorded_opinion_is_received_with_its_first_history_entry()
    {
        var organization = Guid.NewGuid();
        var opinion = Record(OpinionSource.Tenant, organization: organization, text: "  GPU가 부족합니다. ", speaker: " ",
            category: OpinionCategory.Infrastructure | OpinionCategory.Funding);

        Assert.Equal(("GPU가 부족합니다.", (string?)null, OpinionStatus.Received, (Guid?)organization),
            (opinion.Text, opinion.Speaker, opinion.Status, opinion.SourceOrganizationId));
        Assert.Equal([OpinionCategory.Funding, OpinionCategory.Infrastructure], opinion.CategoryList);
        var recorded = Assert.Single(opinion.History);
        Assert.Equal((OpinionEventKind.Recorded, opinion.Id, Operator), (recorded.Kind, recorded.OpinionId, recorded.By));
    }

    [Fact]
    public void Recording_refuses_what_the_rules_forbid()
    {
        Refused("Engagement.Error.Category", () => Record(category: OpinionCategory.None));
        Refused("Engagement.Error.Category", () => Record(category: OpinionCategory.Funding | (OpinionCategory)256));
        Refused("Engagement.Error.VisitRequired", () => Record(OpinionSource.Visit, organization: Guid.NewGuid()));
        Refused("Engagement.Error.VisitRequired", () => Record(OpinionSource.Meeting));
        Refused("Engagement.Error.OrganizationRequired", () => Record(OpinionSource.Tenant, visit: Guid.NewGuid()));
        Refused("Engagement.Error.Source", () => Record((OpinionSource)7));
        Refused("Engagement.Error.Visibility", () => Record(visibility: (OpinionVisibility)5));
        Refused("Engagement.Error.Text", () => Record(text: "  "));
        var tooLong = Refused("Error.TooLong", () => Record(text: new string('가', FieldOpinion.MaxText + 1)));
        Assert.Equal(new object[] { FieldOpinion.MaxText }, tooLong.Arguments);
        Refused("Error.TooLong", () => Record(speaker: new string('가', FieldOpinion.MaxSpeaker + 1)));

        Assert.Equal(FieldOpinion.MaxText, Record(text: new string('가', FieldOpinion.MaxText)).Text.Length);
        Assert.Equal(OpinionSource.Visit, Record(OpinionSource.Visit, visit: Guid.NewGuid()).Source);
    }

    [Fact]
    public void Editing_records_the_changed_fields_only_and_nothing_when_nothing_changed()
    {
        var opinion = Record(speaker: "대표");
        var updated = opinion.UpdatedAt;

        opinion.Edit(" 대표 ", " 규제가 불명확합니다. ", OpinionCategory.Regulation, OpinionVisibility.Public, Operator, Now.AddHours(1));
        Assert.Single(opinion.History);
        Assert.Equal(updated, opinion.UpdatedAt);

        opinion.Edit("대표", "데이터 규제가 불명확합니다.", OpinionCategory.Regulation, OpinionVisibility.Public, Operator, Now.AddHours(2));
        Assert.Equal((OpinionEventKind.Edited, "Text"), (opinion.History[^1].Kind, opinion.History[^1].Detail));

        opinion.Edit(null, "데이터 규제가 불명확합니다.", OpinionCategory.Regulation | OpinionCategory.Other, OpinionVisibility.Internal,
            Operator, Now.AddHours(3));
        Assert.Equal("Speaker,Category,Visibility", opinion.History[^1].Detail);
        Assert.Equal(3, opinion.History.Count);
        Assert.Equal(Now.AddHours(3), opinion.UpdatedAt);

        // Refused edits change nothing, not even the fields checked before the one that failed.
        Refused("Engagement.Error.Category", () => opinion.Edit(null, "x", OpinionCategory.None, OpinionVisibility.Public, Operator, Now));
        Refused("Error.TooLong", () => opinion.Edit(new string('가', FieldOpinion.MaxSpeaker + 1), "고친 글", OpinionCategory.Other,
            OpinionVisibility.Public, Operator, Now));
        Assert.Equal(("데이터 규제가 불명확합니다.", (string?)null, OpinionCategory.Regulation | OpinionCategory.Other, OpinionVisibility.Internal, 3),
            (opinion.Text, opinion.Speaker, opinion.Category, opinion.Visibility, opinion.History.Count));
    }

    [Fact]
    public void A_reply_answers_and_a_second_one_replaces_it_keeping_the_first_in_the_history()
    {
        var opinion = Record();
        Refused("Engagement.Error.Answer", () => opinion.Reply(" ", Operator, Now));
        opinion.Reply("검토하겠습니다.", Operator, Now);
        opinion.Reply("가이드라인을 배포했습니다.", Operator, Now.AddDays(1));

        Assert.Equal((OpinionStatus.Answered, "가이드라인을 배포했습니다.", (DateTimeOffset?)Now.AddDays(1)),
            (opinion.Status, opinion.Answer, opinion.AnsweredAt));
        Assert.Equal(["검토하겠습니다.", "가이드라인을 배포했습니다."], opinion.History.Where(e => e.Kind == OpinionEventKind.Answered).Select(e => e.Detail));
    }

    [Fact]
    public void Merging_keeps_both_histories_unions_categories_moves_actions_and_repoints_earlier_merges()
    {
        var survivor = Record(category: OpinionCategory.Infrastructure, text: "GPU 대기 시간이 깁니다.");
        survivor.Reply("할당 기준을 검토합니다.", Operator, Now);
        var duplicate = Record(OpinionSource.Tenant, organization: Guid.NewGuid(),
            category: OpinionCategory.Infrastructure | OpinionCategory.Funding, text: "GPU 예약이 밀립니다.");
        duplicate.Edit(null, "GPU 예약이 2주 밀립니다.", OpinionCategory.Infrastructure | OpinionCategory.Funding,
            OpinionVisibility.Public, Operator, Now);
        var actions = new[] { NewAction(duplicate), NewAction(duplicate, dueInDays: 30) };
        var earlier = Record(category: OpinionCategory.Education, text: "GPU가 없습니다.");
        FieldOpinion.Merge(earlier, duplicate, [], [], Operator, Now);
        Assert.Equal(duplicate.Id, earlier.MergedIntoId);
        var survivorBefore = Snapshot(survivor);
        var duplicateBefore = Snapshot(duplicate);
        var earlierBefore = Snapshot(earlier);
        var at = Now.AddDays(2);

        FieldOpinion.Merge(duplicate, survivor, actions, [earlier], Operator, at);

        Assert.Equal((OpinionStatus.Merged, (Guid?)survivor.Id), (duplicate.Status, duplicate.MergedIntoId));
        Assert.Equal(duplicateBefore, Snapshot(duplicate).Take(duplicateBefore.Count));
        var mergedInto = Assert.Single(duplicate.History.Skip(duplicateBefore.Count));
        Assert.Equal((OpinionEventKind.MergedInto, (Guid?)survivor.Id, at), (mergedInto.Kind, mergedInto.RelatedId, mergedInto.At));

        Assert.Equal(survivorBefore, Snapshot(survivor).Take(survivorBefore.Count));
        var absorbed = Assert.Single(survivor.History.Skip(survivorBefore.Count));
        Assert.Equal((OpinionEventKind.Absorbed, (Guid?)duplicate.Id), (absorbed.Kind, absorbed.RelatedId));
        // The earlier merge gave the duplicate its Education; the survivor now holds all three.
        Assert.Equal(OpinionCategory.Infrastructure | OpinionCategory.Funding | OpinionCategory.Education, survivor.Category);
        Assert.Equal(OpinionStatus.Answered, survivor.Status);

        Assert.All(actions, a =>
        {
            Assert.Equal(survivor.Id, a.OpinionId);
            Assert.Equal((ActionEventKind.Moved, duplicate.Id.ToString()), (a.History[^1].Kind, a.History[^1].Note));
            Assert.Equal(2, a.History.Count);
        });

        Assert.Equal(survivor.Id, earlier.MergedIntoId);
        Assert.Equal(earlierBefore, Snapshot(earlier).Take(earlierBefore.Count));
        Assert.Equal((OpinionEventKind.MergedInto, (Guid?)survivor.Id), (earlier.History[^1].Kind, earlier.History[^1].RelatedId));
        Assert.Equal(OpinionStatus.Merged, earlier.Status);
    }

    [Fact]
    public void Merging_refuses_itself_merged_opinions_and_actions_of_another_opinion_and_merged_ones_take_no_more_work()
    {
        var a = Record();
        var b = Record();
        var c = Record();
        Refused("Engagement.Error.MergeSelf", () => FieldOpinion.Merge(a, a, [], [], Operator, Now));
        Refused("Engagement.Error.MergeActions", () => FieldOpinion.Merge(a, b, [NewAction(c)], [], Operator, Now));
        Refused("Engagement.Error.MergeActions", () => FieldOpinion.Merge(a, b, [], [c], Operator, Now));
        Assert.Equal((OpinionStatus.Received, 1), (a.Status, a.History.Count));

        FieldOpinion.Merge(a, b, [], [], Operator, Now);
        Refused("Engagement.Error.Merged", () => FieldOpinion.Merge(a, c, [], [], Operator, Now));
        Refused("Engagement.Error.Merged", () => FieldOpinion.Merge(c, a, [], [], Operator, Now));
        Refused("Engagement.Error.Merged", () => a.Reply("답변", Operator, Now));
        Refused("Engagement.Error.Merged", () => a.Edit(null, "고침", OpinionCategory.Other, OpinionVisibility.Public, Operator, Now));
        Refused("Engagement.Error.Merged", () => NewAction(a));
        Assert.Null(a.Answer);
        Assert.Equal(2, a.History.Count);
    }
}
