using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Outcomes.Collection;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Engagement.Visits;

/// <summary>새 방문 — an operator plans a visit, meeting or event; stops and participants are added on its page.</summary>
[Authorize(Policy = Policies.Operator)]
public sealed class NewModel(HubDb db, IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel
{
    [BindProperty] public VisitForm Input { get; set; } = new();

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sites = await SitesAsync(db, ct);
        Input = new VisitForm
        {
            Kind = nameof(VisitKind.Visit), Host = VisitForm.DefaultHost, Date = CollectionFormat.Date(Kst.Today(clock).AddDays(7)),
            SiteId = Sites.Count == 1 ? Sites[0].Id.ToString() : null,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Sites = await SitesAsync(db, ct);
        if (Input.Read(ModelState, t, [.. Sites.Select(s => s.Id)]) is not { } read)
        {
            return Page();
        }

        var visit = Visit.Plan(read.Kind, Input.Title, read.Date, Input.Purpose, Input.Host, read.SiteId,
            User.UserId()!.Value, clock.GetUtcNow());
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        TempData["Done"] = t["Engagement.Visits.Done.Created"].Value;
        return Redirect($"/engagement/visits/{visit.Id}");
    }

    internal static async Task<IReadOnlyList<Site>> SitesAsync(HubDb db, CancellationToken ct) =>
        await db.AllSites().OrderBy(s => s.NameKo).ToListAsync(ct);
}
