namespace SeoulAiHub.Features.Engagement.Reports;

/// <summary>
/// What <c>_FollowUpReport.cshtml</c> renders. In the public view the report carries neither speakers nor owners'
/// names (<see cref="FollowUpReports"/> leaves them out), and the page links nowhere that needs signing in.
/// <paramref name="PageUrl"/> gives the address of another page of a paged report (null: the report is not paged).
/// </summary>
public sealed record FollowUpReportView(FollowUpReport Report, bool PublicView, Func<int, string>? PageUrl = null)
{
    public IReadOnlyList<(OpinionCategory Category, int Opinions, int Completed)> ByCategory => Report.Summary.ByCategory;
}
