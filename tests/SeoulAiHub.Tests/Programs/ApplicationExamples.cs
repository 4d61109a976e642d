using SeoulAiHub.Features.Programs;

namespace SeoulAiHub.Tests.Programs;

/// <summary>Applications of the domain tests, in any status reached by allowed moves, and asserting which rule refused.</summary>
internal static class ApplicationExamples
{
    public static readonly DateTimeOffset Now = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);

    public static Application Draft() => Application.Start(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now);

    /// <summary>An application brought to the status given by allowed moves only.</summary>
    public static Application In(ApplicationStatus status)
    {
        var a = Draft();
        switch (status)
        {
            case ApplicationStatus.Draft:
                break;
            case ApplicationStatus.Withdrawn:
                a.Withdraw(Now);
                break;
            default:
                // Draft -> Submitted has no domain method: ApplicationService.SubmitAsync does it with one conditional
                // UPDATE (tested in SubmissionTests). Here the row is put in that state as the database would hold it.
                typeof(Application).GetProperty(nameof(Application.Status))!.SetValue(a, ApplicationStatus.Submitted);
                Walk(a, status);
                break;
        }

        Assert.Equal(status, a.Status);
        return a;
    }

    private static void Walk(Application a, ApplicationStatus status)
    {
        if (status == ApplicationStatus.Submitted)
        {
            return;
        }

        if (status == ApplicationStatus.RevisionsRequested)
        {
            a.RequestRevisions("보완 바랍니다", Now);
            return;
        }

        a.StartReview(Now);
        if (status == ApplicationStatus.UnderReview)
        {
            return;
        }

        a.Decide(status != ApplicationStatus.NotSelected, 1_000, null, Now);
        if (status is ApplicationStatus.Selected or ApplicationStatus.NotSelected)
        {
            return;
        }

        a.EnterAgreement(Now);
        if (status == ApplicationStatus.Agreement)
        {
            return;
        }

        a.StartWork(Now);
        if (status == ApplicationStatus.InProgress)
        {
            return;
        }

        a.Complete(Now);
    }

    public static void Refused(string key, Action action) =>
        Assert.Equal(key, Assert.Throws<RuleException>(action).Key);
}
