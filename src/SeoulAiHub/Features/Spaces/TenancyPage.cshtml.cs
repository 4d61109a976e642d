using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Spaces;

/// <summary>입주 관리 — an operator moves an organization through its tenancy and gives it rooms.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class TenancyPageModel(HubDb db, TenancyService tenancies, IStringLocalizer<SharedResource> t, TimeProvider clock)
    : PageModel, IReloadAfterRefusal
{
    [BindProperty] public TenancyActionForm Input { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public OrganizationInfo Organization { get; private set; } = null!;
    public IReadOnlyList<Tenancy> Tenancies { get; private set; } = [];
    public Tenancy? Open => Tenancies.FirstOrDefault(x => x.IsOpen);
    public IReadOnlyList<(Guid Id, string Label)> Rooms { get; private set; } = [];
    public Dictionary<Guid, string> RoomLabels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.On = Today();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => tenancies.ApplyAsync(id, Input.On, Input.Note, ct), ct);
    public Task<IActionResult> OnPostAdmitAsync(Guid id, Guid tenancyId, CancellationToken ct) =>
        ActAsync(id, () => tenancies.AdmitAsync(tenancyId, Input.On, Input.Until ?? Input.On.AddYears(2), Input.Note, ct), ct);
    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid tenancyId, CancellationToken ct) =>
        ActAsync(id, () => tenancies.AssignRoomAsync(tenancyId, Input.RoomId ?? Guid.Empty, Input.On, Input.Until, ct), ct);
    public Task<IActionResult> OnPostMoveInAsync(Guid id, Guid tenancyId, CancellationToken ct) =>
        ActAsync(id, () => tenancies.MoveInAsync(tenancyId, Input.On, ct), ct);
    public Task<IActionResult> OnPostRenewAsync(Guid id, Guid tenancyId, CancellationToken ct) =>
        ActAsync(id, () => tenancies.RenewAsync(tenancyId, Input.On, Input.Until ?? Input.On, Input.Note, ct), ct);
    public Task<IActionResult> OnPostGraduateAsync(Guid id, Guid tenancyId, CancellationToken ct) =>
        ActAsync(id, () => tenancies.GraduateAsync(tenancyId, Input.On, Input.Note ?? "", ct), ct);
    public Task<IActionResult> OnPostExitAsync(Guid id, Guid tenancyId, CancellationToken ct) =>
        ActAsync(id, () => tenancies.ExitAsync(tenancyId, Input.On, Input.Note ?? "", ct), ct);

    public async Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct) => await LoadAsync(this.RouteId(), ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, CancellationToken ct)
    {
        if (!await db.OrganizationExistsAsync(id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            await action();
            Done = t["Tenancy.Done"];
            return RedirectToPage(new { id });
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var organization = await db.OrganizationInfos().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return false;
        }

        Organization = organization;
        Tenancies = await db.Tenancies.AsNoTracking().Include(x => x.Rooms).Include(x => x.History)
            .Where(x => x.OrganizationId == id).OrderByDescending(x => x.AppliedOn).AsSplitQuery().ToListAsync(ct);
        var rooms = await db.Rooms.AsNoTracking()
            .OrderBy(r => r.Floor.Site.NameKo).ThenBy(r => r.Floor.Level).ThenBy(r => r.Number)
            .Select(r => new { r.Id, Site = r.Floor.Site.NameKo, r.Number, r.Kind, r.AreaM2 })
            .Take(2000).ToListAsync(ct);
        Rooms = rooms.Select(r => (r.Id, $"{r.Site} {r.Number} · {t["RoomKind." + r.Kind]} · {r.AreaM2:0.#}㎡")).ToList();
        RoomLabels = Rooms.ToDictionary(r => r.Id, r => r.Label);
        return true;
    }

    private DateOnly Today() => Kst.Today(clock);
}

public sealed class TenancyActionForm
{
    public DateOnly On { get; set; }
    public DateOnly? Until { get; set; }
    public Guid? RoomId { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(500, ErrorMessage = "Validation.TooLong")]
    public string? Note { get; set; }
}
