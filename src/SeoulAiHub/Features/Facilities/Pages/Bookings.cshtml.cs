using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Facilities.Pages;

/// <summary>내 예약 — my and my organizations' bookings (cancel, check in, answer offers), my waitlist entries, my calendar feed.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class BookingsModel(BookingBoard board, BookingDesk desk, FacilityFeeds feeds, IStringLocalizer<SharedResource> t,
    TimeProvider clock) : PageModel, IReloadAfterRefusal
{
    public IReadOnlyList<BookingRow> Bookings { get; private set; } = [];
    public IReadOnlyList<WaitlistRow> Waitlist { get; private set; } = [];
    public bool HasFeed { get; private set; }
    public string? NewFeedUrl { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => desk.CancelAsync(id, Me, ct), "Facilities.Pages.Done.Cancelled", ct);

    public Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => desk.CheckInAsync(id, Me, ct), "Facilities.Pages.Done.CheckedIn", ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => desk.AcceptOfferAsync(id, Me, ct), "Facilities.Pages.Done.Accepted", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => desk.DeclineOfferAsync(id, Me, ct), "Facilities.Pages.Done.Declined", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => desk.WithdrawAsync(id, Me, ct), "Facilities.Pages.Done.Withdrawn", ct);

    /// <summary>A new feed address, shown once on this response (it is not kept anywhere readable).</summary>
    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        var token = await feeds.IssueAsync(Me, ct);
        await LoadAsync(ct);
        NewFeedUrl = $"{Request.Scheme}://{Request.Host}/calendar/me.ics?token={token}";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync(CancellationToken ct)
    {
        await feeds.RevokeAsync(Me, ct);
        TempData["Done"] = t["Facilities.Pages.Done.FeedRevoked"].Value;
        return Redirect("/facilities/bookings");
    }

    public bool CanCheckIn(BookingRow b) => b.Status == BookingStatus.Confirmed &&
        Now >= b.StartsAt - Booking.CheckInOpensBefore && Now < b.EndsAt;

    public Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct) => LoadAsync(ct);

    private Guid Me => User.UserId()!.Value;

    private async Task<IActionResult> ActAsync(Func<Task> action, string doneKey, CancellationToken ct)
    {
        await action();
        TempData["Done"] = t[doneKey].Value;
        return Redirect("/facilities/bookings");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Bookings = await board.MineAsync(Me, ct: ct);
        Waitlist = await board.WaitlistOfAsync(Me, ct);
        HasFeed = await feeds.HasTokenAsync(Me, ct);
    }
}
