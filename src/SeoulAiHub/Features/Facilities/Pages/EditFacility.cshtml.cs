using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Facilities.Pages;

/// <summary>The facility form as text (bad input becomes a message, never a 500).</summary>
public sealed class FacilityForm
{
    public Guid SiteId { get; set; }
    public int FloorLevel { get; set; } = 1;
    public string? NameKo { get; set; }
    public string? NameEn { get; set; }
    public FacilityKind Kind { get; set; }
    public int Capacity { get; set; } = 8;
    public string? Equipment { get; set; }
    public bool Tenants { get; set; } = true;
    public bool Public { get; set; }
    public bool RequiresApproval { get; set; }
    public List<DayOfWeek> OpenDays { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday,
        DayOfWeek.Thursday, DayOfWeek.Friday];
    public string? OpensAt { get; set; } = "09:00";
    public string? ClosesAt { get; set; } = "21:00";
    public int MinMinutes { get; set; } = 30;
    public int MaxMinutes { get; set; } = 240;
    public int BufferMinutes { get; set; }
    public bool OpenOnHolidays { get; set; }
    public int NoShowGraceMinutes { get; set; } = 15;
    public int LateCancelHours { get; set; } = 24;
    public bool Active { get; set; } = true;

    public static FacilityForm From(Facility f) => new()
    {
        SiteId = f.SiteId, FloorLevel = f.FloorLevel, NameKo = f.NameKo, NameEn = f.NameEn, Kind = f.Kind, Capacity = f.Capacity,
        Equipment = string.Join(", ", f.Equipment), Tenants = f.Audience.HasFlag(Audience.Tenants),
        Public = f.Audience.HasFlag(Audience.Public), RequiresApproval = f.RequiresApproval, OpenDays = f.OpenDays.Days().ToList(),
        OpensAt = f.OpensAt.ToString("HH:mm"), ClosesAt = f.ClosesAt.ToString("HH:mm"),
        MinMinutes = f.MinMinutes, MaxMinutes = f.MaxMinutes, BufferMinutes = f.BufferMinutes, OpenOnHolidays = f.OpenOnHolidays,
        NoShowGraceMinutes = f.NoShowGraceMinutes, LateCancelHours = f.LateCancelHours, Active = f.Active,
    };

    public FacilitySettings? ToSettings()
    {
        if (FormValue.Time(OpensAt) is not { } opens || FormValue.Time(ClosesAt) is not { } closes)
        {
            return null;
        }

        var audience = (Tenants ? Audience.Tenants : Audience.None) | (Public ? Audience.Public : Audience.None);
        var days = OpenDays.Where(Enum.IsDefined).Aggregate(Weekdays.None, (all, d) => all | WeekdaysExtensions.Of(d));
        var equipment = (Equipment ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new FacilitySettings(SiteId, FloorLevel, NameKo, NameEn, Kind, Capacity, equipment, audience, RequiresApproval,
            days, opens, closes, MinMinutes, MaxMinutes, BufferMinutes, OpenOnHolidays, NoShowGraceMinutes, LateCancelHours, Active);
    }
}

/// <summary>시설 등록·수정 — operators. Changes apply to new bookings; existing ones keep their cells.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class EditFacilityModel(HubDb db, FacilityCatalog catalog, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public FacilityForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Sites = await db.AllSites().OrderBy(s => s.NameKo).ToListAsync(ct);
        if (id is { } existing)
        {
            var facility = await db.Facilities.AsNoTracking().SingleOrDefaultAsync(f => f.Id == existing, ct);
            if (facility is null)
            {
                return NotFound();
            }

            Input = FacilityForm.From(facility);
        }
        else
        {
            Input = new FacilityForm { SiteId = Sites.Count > 0 ? Sites[0].Id : Guid.Empty };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Sites = await db.AllSites().OrderBy(s => s.NameKo).ToListAsync(ct);
        if (!ModelState.IsValid || Input.ToSettings() is not { } settings)
        {
            ModelState.AddModelError(string.Empty, t["Facilities.Pages.Error.Form"]);
            return Page();
        }

        if (id is { } existing)
        {
            await catalog.UpdateAsync(existing, settings, ct);
        }
        else
        {
            id = (await catalog.CreateAsync(settings, ct)).Id;
        }

        TempData["Done"] = t["Facilities.Pages.Done.FacilitySaved"].Value;
        return Redirect("/facilities/manage");
    }
}
