using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Programs.Review;

/// <summary>
/// One of the reviewer's own assignments: the application's answers and documents, the stage's criteria and the
/// score form. Another reviewer's assignment answers 404; other reviewers' scores are never shown.
/// </summary>
[Authorize(Roles = HubRoles.Reviewer)]
public sealed class ReviewAssignmentModel(ReviewService reviews, IStringLocalizer<SharedResource> t) : PageModel
{
    [TempData] public string? Done { get; set; }
    public ReviewerAssignment Assignment { get; private set; } = null!;
    public EvaluationStage? Stage { get; private set; }

    /// <summary>What the form shows: the posted values after a refusal, else the saved scores.</summary>
    public Dictionary<string, string> ScoreText { get; private set; } = [];
    public Dictionary<string, string> CommentText { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid assignmentId, CancellationToken ct)
    {
        if (!await LoadAsync(assignmentId, ct))
        {
            return NotFound();
        }

        ScoreText = Assignment.Scores.ToDictionary(s => s.Key, s => s.Value.Score.ToString(CultureInfo.InvariantCulture));
        CommentText = Assignment.Scores.ToDictionary(s => s.Key, s => s.Value.Comment ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid assignmentId, Dictionary<string, string?>? scores,
        Dictionary<string, string?>? comments, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(assignmentId, ct))
        {
            return NotFound();
        }

        scores ??= [];
        comments ??= [];
        ScoreText = scores.ToDictionary(s => s.Key, s => s.Value ?? "");
        CommentText = comments.ToDictionary(s => s.Key, s => s.Value ?? "");
        var parsed = new Dictionary<string, CriterionScore>();
        foreach (var criterion in Stage?.Criteria ?? [])
        {
            var text = scores.GetValueOrDefault(criterion.Key)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
            {
                ModelState.AddModelError(string.Empty, t["Programs.Review.Error.OutOfRange"]);
                return Page();
            }

            var comment = comments.GetValueOrDefault(criterion.Key)?.Trim();
            if (comment?.Length > 2000)
            {
                ModelState.AddModelError(string.Empty, t["Validation.TooLong"]);
                return Page();
            }

            parsed[criterion.Key] = new CriterionScore(score, string.IsNullOrEmpty(comment) ? null : comment);
        }

        await reviews.ScoreAsync(assignmentId, User.UserId()!.Value, parsed, submit, ct);
        Done = t[submit ? "Programs.Applicant.Review.Submitted" : "Programs.Applicant.Saved"];
        return RedirectToPage(new { assignmentId });
    }

    private async Task<bool> LoadAsync(Guid assignmentId, CancellationToken ct)
    {
        if (User.UserId() is not { } userId || await reviews.FindOwnAsync(assignmentId, userId, ct) is not { } assignment)
        {
            return false;
        }

        Assignment = assignment;
        Stage = assignment.Application.Call.Design.Stage(assignment.StageKey);
        return true;
    }
}
