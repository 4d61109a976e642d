using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Facilities.Pages;

/// <summary>What the booking form sends (text, so bad input is a message, never a 500).</summary>
public sealed class BookForm
{
    public Guid FacilityId { get; set; }
    public string? Date { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Purpose { get; set; }
    public int Attendees { get; set; } = 1;
    public Guid? OrganizationId { get; set; }
    public bool Repeat { get; set; }
    public List<DayOfWeek> RepeatDays { get; set; } = [];
    public string? Until { get; set; }
    public string? Exceptions { get; set; }
}

/// <summary>예약하기 — confirm a slot (purpose, attendees, optionally weekly with exceptions); a taken slot offers the waitlist.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class BookModel(HubDb db, BookingDesk desk, FacilitiesAccess access, IStringLocalizer<SharedResource> t)
    : PageModel, IReloadAfterRefusal
{
    [BindProperty] public BookForm Input { get; set; } = new();
    public Facility? Facility { get; private set; }
    public IReadOnlyList<MemberOrganization> Organizations { get; private set; } = [];
    public bool OfferWaitlist { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid facility, string? start, int? minutes, int? people, CancellationToken ct)
    {
        if (!await LoadAsync(facility, ct))
        {
            return NotFound();
        }

        var at = start is { Length: >= 16 } ? (FormValue.Date(start[..10]), FormValue.Time(start[11..16])) : (null, null);
        var from = at.Item2 ?? Facility!.OpensAt;
        Input = new BookForm
        {
            FacilityId = facility, Date = at.Item1?.ToString("yyyy-MM-dd"), Start = from.ToString("HH:mm"),
            End = from.AddMinutes(Math.Clamp(minutes ?? 60, 15, 24 * 60)).ToString("HH:mm"), Attendees = Math.Clamp(people ?? 1, 1, 2000),
            OrganizationId = Organizations.Count > 0 ? Organizations[0].Id : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(Input.FacilityId, ct))
        {
            return NotFound();
        }

        if (Read() is not { } slot)
        {
            return Page();
        }

        var userId = User.UserId()!.Value;
        if (!Input.Repeat)
        {
            var booking = await desk.BookAsync(userId, new BookingRequest(Input.FacilityId, slot.Start, slot.End, Input.Purpose,
                Input.Attendees, Input.OrganizationId), ct);
            TempData["Done"] = booking.Status == BookingStatus.Pending ? t["Facilities.Pages.Done.Pending"].Value
                : t["Facilities.Pages.Done.Booked"].Value;
            return Redirect("/facilities/bookings");
        }

        if (FormValue.Date(Input.Until) is not { } until || ReadExceptions() is not { } exceptions)
        {
            ModelState.AddModelError(string.Empty, t["Facilities.Pages.Error.Date"]);
            return Page();
        }

        var days = Input.RepeatDays.Where(Enum.IsDefined).Aggregate(Weekdays.None, (all, d) => all | WeekdaysExtensions.Of(d));
        var rule = new RecurrenceRule(days == Weekdays.None ? WeekdaysExtensions.Of(slot.Date.DayOfWeek) : days, slot.From, slot.To,
            slot.Date, until, exceptions);
        var result = await desk.BookSeriesAsync(userId, new SeriesRequest(Input.FacilityId, rule, Input.Purpose, Input.Attendees,
            Input.OrganizationId), ct);
        TempData["Done"] = t["Facilities.Pages.Done.Series", result.Booked.Count, result.Taken.Count, result.Skipped.Count].Value
            + (result.Taken.Count > 0 ? " " + t["Facilities.Pages.Done.SeriesTaken", string.Join(", ",
                result.Taken.Select(o => o.Date.ToString("yyyy-MM-dd")))].Value : "");
        return Redirect("/facilities/bookings");
    }

    public async Task<IActionResult> OnPostWaitlistAsync(CancellationToken ct)
    {
        if (!await LoadAsync(Input.FacilityId, ct))
        {
            return NotFound();
        }

        if (Read() is not { } slot)
        {
            return Page();
        }

        await desk.JoinWaitlistAsync(User.UserId()!.Value, new BookingRequest(Input.FacilityId, slot.Start, slot.End, Input.Purpose,
            Input.Attendees, Input.OrganizationId), ct);
        TempData["Done"] = t["Facilities.Pages.Done.Waitlisted"].Value;
        return Redirect("/facilities/bookings");
    }

    /// <summary>A taken slot offers the waitlist instead (a single booking only).</summary>
    public Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct)
    {
        OfferWaitlist = refusal.Key == "Facilities.Error.Taken" && !Input.Repeat;
        return Task.CompletedTask;
    }

    private (DateOnly Date, TimeOnly From, TimeOnly To, DateTimeOffset Start, DateTimeOffset End)? Read()
    {
        if (FormValue.Date(Input.Date) is not { } date || FormValue.Time(Input.Start) is not { } from ||
            FormValue.Time(Input.End) is not { } to)
        {
            ModelState.AddModelError(string.Empty, t["Facilities.Pages.Error.Time"]);
            return null;
        }

        return (date, from, to, Grid.At(date, from), Grid.At(date, to));
    }

    private List<DateOnly>? ReadExceptions()
    {
        var list = new List<DateOnly>();
        foreach (var part in (Input.Exceptions ?? "").Split([',', '\n', ' ', ';'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (FormValue.Date(part) is not { } d)
            {
                return null;
            }

            list.Add(d);
        }

        return list;
    }

    /// <summary>Overseers read everything and change nothing: booking is not theirs (the desk refuses it too).</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (User.IsInRole(HubRoles.Overseer) && !User.IsInRole(HubRoles.Operator))
        {
            context.Result = Forbid();
            return;
        }

        await next();
    }

    private async Task<bool> LoadAsync(Guid facilityId, CancellationToken ct)
    {
        var booker = await access.BookerAsync(User.UserId()!.Value, ct);
        Facility = await FacilitiesAccess.Bookable(db.Facilities.AsNoTracking(), booker.Audience)
            .SingleOrDefaultAsync(f => f.Id == facilityId && f.Active, ct);
        Organizations = await db.OrganizationsOfAsync(booker.UserId, ct);
        return Facility is not null;
    }
}
