namespace SeoulAiHub.Features.Engagement.Reports;

/// <summary>
/// What <c>_FollowUpReport.cshtml</c> renders. In the public view the report carries neither speakers nor owners'
/// names (<see cref="FollowUpReports"/> leaves them out), and the page links nowhere that needs signing in.
/// </summary>
public sealed record FollowUpReportView(FollowUpReport Report, bool PublicView)
{
    /// <summary>Opinions per category (one with two categories counts in both), in the categories' order.</summary>
    public IReadOnlyList<(OpinionCategory Category, int Opinions, int Completed)> ByCategory =>
        FieldOpinion.Categories
            .Select(c => (c, Report.Opinions.Count(o => o.Category.HasFlag(c)),
                Report.Opinions.Count(o => o.Category.HasFlag(c) && o.Stage == FollowUpStage.Completed)))
            .Where(row => row.Item2 > 0)
            .ToList();
}
