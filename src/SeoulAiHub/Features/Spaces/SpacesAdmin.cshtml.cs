using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Spaces;

/// <summary>공간 관리 — operators add sites, floors and rooms (with kind and area).</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class SpacesAdminModel(HubDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public SpaceForm Input { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostSiteAsync(CancellationToken ct) => SaveAsync(() =>
    {
        if (string.IsNullOrWhiteSpace(Input.NameKo) || string.IsNullOrWhiteSpace(Input.NameEn))
        {
            return Task.FromResult<string?>("Spaces.Error.Names");
        }

        db.Sites.Add(Site.Create(Input.NameKo, Input.NameEn, Input.Address ?? ""));
        return Task.FromResult<string?>(null);
    }, ct);

    public Task<IActionResult> OnPostFloorAsync(CancellationToken ct) => SaveAsync(async () =>
    {
        var site = await db.Sites.FirstOrDefaultAsync(s => s.Id == Input.SiteId, ct);
        if (site is null || Input.Level is null or < -10 or > 200 or 0)
        {
            return "Spaces.Error.Floor";
        }

        if (await db.Floors.AnyAsync(f => f.SiteId == site.Id && f.Level == Input.Level, ct))
        {
            return "Spaces.Error.FloorExists";
        }

        db.Floors.Add(Floor.Create(site, Input.Level.Value));
        return null;
    }, ct);

    public Task<IActionResult> OnPostRoomAsync(CancellationToken ct) => SaveAsync(async () =>
    {
        var floor = await db.Floors.FirstOrDefaultAsync(f => f.Id == Input.FloorId, ct);
        var number = Input.Number?.Trim();
        if (floor is null || string.IsNullOrEmpty(number) || number.Length > 20 || Input.AreaM2 is null or <= 0 or > 100_000 ||
            !Enum.IsDefined(Input.Kind))
        {
            return "Spaces.Error.Room";
        }

        if (await db.Rooms.AnyAsync(r => r.FloorId == floor.Id && r.Number == number, ct))
        {
            return "Spaces.Error.RoomExists";
        }

        db.Rooms.Add(Room.Create(floor, number, Input.Kind, Input.AreaM2.Value));
        return null;
    }, ct);

    private async Task<IActionResult> SaveAsync(Func<Task<string?>> change, CancellationToken ct)
    {
        var error = await change();
        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, t[error]);
            await LoadAsync(ct);
            return Page();
        }

        await db.SaveChangesAsync(ct);
        Done = t["Tenancy.Done"];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Sites = await db.Sites.AsNoTracking().Include(s => s.Floors).ThenInclude(f => f.Rooms)
            .OrderBy(s => s.NameKo).AsSplitQuery().ToListAsync(ct);
}

public sealed class SpaceForm
{
    public string? NameKo { get; set; }
    public string? NameEn { get; set; }
    public string? Address { get; set; }
    public Guid? SiteId { get; set; }
    public int? Level { get; set; }
    public Guid? FloorId { get; set; }
    public string? Number { get; set; }
    public RoomKind Kind { get; set; }
    public decimal? AreaM2 { get; set; }
}
