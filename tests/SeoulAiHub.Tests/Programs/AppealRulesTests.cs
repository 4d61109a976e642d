using SeoulAiHub.Features.Programs;
using static SeoulAiHub.Tests.Programs.ApplicationExamples;

namespace SeoulAiHub.Tests.Programs;

/// <summary>Appeals: filed within the window after the results, answered once; results are published once.</summary>
public sealed class AppealRulesTests
{
    private static Call CallWithResults(DateTimeOffset? publishedAt, int appealDays = 7)
    {
        var call = Call.Create(Guid.NewGuid(), new CallText("공고", "Call", "본문", null),
            new CallTerms(Now.AddDays(-30), Now.AddDays(-10), 100_000_000, 3, appealDays), CallDesign.Empty, Now.AddDays(-40));
        if (publishedAt is { } at)
        {
            call.PublishResults(at);
        }

        return call;
    }

    [Fact]
    public void An_appeal_is_filed_within_the_window_after_the_results()
    {
        var call = CallWithResults(Now);
        Assert.Equal(Now.AddDays(7), call.AppealsCloseAt);
        var application = In(ApplicationStatus.NotSelected);
        var appeal = Appeal.File(application, call, "  점수 산정 오류  ", Guid.NewGuid(), Now.AddDays(3));
        Assert.Equal(("점수 산정 오류", application.Id), (appeal.Text, appeal.ApplicationId));
        Appeal.File(application, call, "마지막 순간", Guid.NewGuid(), Now.AddDays(7));   // the closing instant itself is inside
        Appeal.File(In(ApplicationStatus.Selected), call, "선정 금액", Guid.NewGuid(), Now);
        Refused("Programs.Application.Error.ReasonRequired", () => Appeal.File(application, call, "  ", Guid.NewGuid(), Now));
    }

    [Fact]
    public void An_appeal_after_the_window_or_before_any_result_is_refused()
    {
        var call = CallWithResults(Now);
        var application = In(ApplicationStatus.NotSelected);
        Refused("Programs.Appeal.Error.Closed", () => Appeal.File(application, call, "늦음", Guid.NewGuid(), Now.AddDays(7).AddTicks(1)));
        Refused("Programs.Appeal.Error.Closed", () => Appeal.File(application, CallWithResults(null), "결과 전", Guid.NewGuid(), Now));
        Refused("Programs.Appeal.Error.Closed", () => Appeal.File(In(ApplicationStatus.UnderReview), call, "심사 중", Guid.NewGuid(), Now));
        Refused("Programs.Appeal.Error.Closed", () => Appeal.File(application, CallWithResults(Now, appealDays: 0), "기간 없음", Guid.NewGuid(),
            Now.AddSeconds(1)));
    }

    [Fact]
    public void An_appeal_is_answered_once_with_a_text()
    {
        var appeal = Appeal.File(In(ApplicationStatus.NotSelected), CallWithResults(Now), "이의", Guid.NewGuid(), Now);
        Assert.Equal("Programs.Application.Error.ReasonRequired", Assert.Throws<RuleException>(() => appeal.Respond(true, " ", Now)).Key);
        appeal.Respond(false, "  재검토 결과 유지  ", Now.AddDays(1));
        Assert.Equal((false, "재검토 결과 유지", Now.AddDays(1)), (appeal.Upheld!.Value, appeal.Answer!, appeal.AnsweredAt!.Value));
        Assert.Throws<RuleException>(() => appeal.Respond(true, "번복", Now));
        Assert.False(appeal.Upheld);
    }

    [Fact]
    public void Results_are_published_once()
    {
        var call = CallWithResults(Now);
        Assert.Equal("Programs.Call.Error.ResultsPublished", Assert.Throws<RuleException>(() => call.PublishResults(Now)).Key);
    }
}
