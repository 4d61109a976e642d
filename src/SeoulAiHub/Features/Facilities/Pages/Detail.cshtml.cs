using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Facilities.Pages;

/// <summary>시설 상세 — the facility and its week: an hour-by-day grid of what is taken (without others' purposes).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailModel(HubDb db, FacilitiesAccess access, BookingBoard board, TimeProvider clock) : PageModel
{
    public Facility Facility { get; private set; } = null!;
    public string SiteKo { get; private set; } = "";
    public string SiteEn { get; private set; } = "";
    public DateOnly Monday { get; private set; }
    public IReadOnlyList<BookingRow> Week { get; private set; } = [];
    public HashSet<DateOnly> Holidays { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? week, CancellationToken ct)
    {
        var booker = await access.BookerAsync(User.UserId()!.Value, ct);
        // Overseers read every facility (they book none); everyone else sees what their audience may book.
        var row = await (from f in FacilitiesAccess.Bookable(db.Facilities.AsNoTracking(),
            booker.SeesAll ? Audience.Staff : booker.Audience)
                         join s in db.AllSites() on f.SiteId equals s.Id
                         where f.Id == id && (f.Active || booker.IsStaff)
                         select new { Facility = f, s.NameKo, s.NameEn }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        (Facility, SiteKo, SiteEn) = (row.Facility, row.NameKo, row.NameEn);
        var day = FormValue.Date(week) ?? Kst.Today(clock);
        Monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        Week = await board.OfFacilityAsync(id, Grid.At(Monday, TimeOnly.MinValue), Grid.At(Monday.AddDays(7), TimeOnly.MinValue), ct);
        Holidays = (await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= Monday && h.Date < Monday.AddDays(7)).Select(h => h.Date)
            .ToListAsync(ct)).ToHashSet();
        return Page();
    }

    public IEnumerable<int> Hours => Enumerable.Range(Facility.OpensAt.Hour,
        Math.Max(1, (int)Math.Ceiling((Facility.ClosesAt - Facility.OpensAt).TotalHours)));

    /// <summary>What the grid cell of a day and hour shows: closed, taken (by whom, if the reader may know), or free.</summary>
    public (string Kind, BookingRow? Booking) Cell(DateOnly date, int hour)
    {
        if (!Facility.IsOpenOn(date, Holidays))
        {
            return ("closed", null);
        }

        var start = Grid.At(date, new TimeOnly(hour, 0));
        var booking = Week.FirstOrDefault(b => b.StartsAt < start.AddHours(1) && b.EndsAt > start);
        return booking is null ? ("free", null) : ("taken", booking);
    }
}
