using SeoulAiHub.Features.Engagement;

namespace SeoulAiHub.Tests.Engagement.Domain;

/// <summary>Shared bits of the engagement domain tests: a fixed "now", and asserting which rule refused.</summary>
internal static class Rules
{
    public static readonly DateOnly Today = new(2026, 5, 20);
    public static readonly DateTimeOffset Now = new(2026, 5, 20, 1, 0, 0, TimeSpan.Zero);   // 10:00 KST
    public static readonly Guid Operator = Guid.NewGuid();

    /// <summary>The action is refused with the rule <paramref name="key"/>; returns the exception for its arguments.</summary>
    public static RuleException Refused(string key, Action action)
    {
        var ex = Assert.Throws<RuleException>(action);
        Assert.Equal(key, ex.Key);
        return ex;
    }

    public static FieldOpinion NewOpinion(OpinionCategory category = OpinionCategory.Funding, string text = "GPU 대기 시간이 깁니다.",
        OpinionVisibility visibility = OpinionVisibility.Public, Guid? organization = null) =>
        FieldOpinion.Record(OpinionSource.Survey, null, organization, null, text, category, visibility, Today, Operator, Now);

    public static ActionItem NewAction(FieldOpinion? opinion = null, Guid? owner = null, int dueInDays = 10) =>
        ActionItem.Create(opinion ?? NewOpinion(), "GPU 할당 검토", "서울AI허브 운영사무국", owner, Today.AddDays(dueInDays), Today, Operator, Now);
}
