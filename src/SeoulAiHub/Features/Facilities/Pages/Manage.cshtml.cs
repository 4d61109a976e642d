using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Facilities.Pages;

/// <summary>시설 운영 — operators: the facilities, the approval queue, public holidays (.ics upload) and quotas.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class ManageModel(HubDb db, BookingBoard board, BookingDesk desk, HolidayCalendar holidays, FacilityCatalog catalog,
    IOptions<FacilitiesOptions> options, IStringLocalizer<SharedResource> t) : PageModel, IReloadAfterRefusal
{
    public IReadOnlyList<Facility> Facilities { get; private set; } = [];
    public IReadOnlyList<BookingRow> Pending { get; private set; } = [];
    public IReadOnlyList<PublicHoliday> Holidays { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string NameKo, string NameEn, int? Hours)> Organizations { get; private set; } = [];
    public int DefaultHours => options.Value.DefaultMonthlyHours;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        ActAsync(() => desk.ApproveAsync(id, User.UserId()!.Value, ct), t["Facilities.Pages.Done.Approved"], ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken ct) =>
        ActAsync(() => desk.RejectAsync(id, reason, User.UserId()!.Value, ct), t["Facilities.Pages.Done.Rejected"], ct);

    public async Task<IActionResult> OnPostHolidaysAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, t["Facilities.Pages.Error.NoFile"]);
            await LoadAsync(ct);
            return Page();
        }

        HolidayImport? result = null;
        var outcome = await ActAsync(async () =>
        {
            await using var stream = file.OpenReadStream();
            result = await holidays.ImportIcsAsync(stream, ct);
        }, null, ct);
        if (result is not null)
        {
            TempData["Done"] = t["Facilities.Pages.Done.Holidays", result.Added, result.Renamed, result.Unchanged,
                result.Problems.Count].Value;
        }

        return outcome;
    }

    public Task<IActionResult> OnPostQuotaAsync(Guid organizationId, int? hours, CancellationToken ct) =>
        ActAsync(() => catalog.SetQuotaAsync(organizationId, hours, ct), t["Facilities.Pages.Done.Quota"], ct);

    public Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct) => LoadAsync(ct);

    private async Task<IActionResult> ActAsync(Func<Task> action, string? done, CancellationToken ct)
    {
        await action();
        if (done is not null)
        {
            TempData["Done"] = done;
        }

        return Redirect("/facilities/manage");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.NameKo).Take(500).ToListAsync(ct);
        Pending = await board.PendingAsync(ct);
        var from = new DateOnly(DateTime.UtcNow.Year, 1, 1);
        Holidays = await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= from).OrderBy(h => h.Date).Take(100).ToListAsync(ct);
        Organizations = (await (from o in db.OrganizationInfos()
                                where o.TenancyStatus == TenancyStatus.Resident || o.TenancyStatus == TenancyStatus.Admitted
                                join q in db.FacilityQuotas on o.Id equals q.OrganizationId into qs
                                from q in qs.DefaultIfEmpty()
                                orderby o.NameKo
                                select new { o.Id, o.NameKo, o.NameEn, Hours = q == null ? (int?)null : q.MonthlyHours })
                                    .Take(500).ToListAsync(ct))
            .Select(o => (o.Id, o.NameKo, o.NameEn, o.Hours)).ToList();
    }
}
