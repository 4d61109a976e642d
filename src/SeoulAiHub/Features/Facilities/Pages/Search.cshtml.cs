using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Facilities.Pages;

/// <summary>시설 찾기 — availability first: a phrase or fields, then the facilities that fit with their free times.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SearchModel(AvailabilitySearch search, FacilitiesAccess access, HubDb db, IStringLocalizer<SharedResource> t,
    TimeProvider clock) : PageModel, IReloadAfterRefusal
{
    public SearchInput Input { get; private set; } = new();
    public AvailabilityQuery? Query { get; private set; }
    public IReadOnlyList<FacilityAvailability> Results { get; private set; } = [];
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync([FromQuery] SearchInput input, CancellationToken ct)
    {
        Input = input;
        Sites = await db.AllSites().OrderBy(s => s.NameKo).ToListAsync(ct);
        var booker = await access.BookerAsync(User.UserId()!.Value, ct);
        var (query, error) = input.ToQuery(Kst.Today(clock), booker.Audience);
        if (query is null)
        {
            Error = t[error!];
            return;
        }

        Query = query;
        Results = await search.FindAsync(query, ct);
    }

    /// <summary>The booking page for the earliest start of a free stretch.</summary>
    public string BookLink(FacilityAvailability f, FreeInterval slot) =>
        $"/facilities/book?facility={f.Id}&start={Uri.EscapeDataString(FacilityText.Local(slot.StartsAt))}" +
        $"&minutes={Query!.DurationMinutes}&people={Query.MinCapacity}";

    /// <summary>A search that cannot run (e.g. too many days) says why where the results would be.</summary>
    public Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct)
    {
        Error = t[refusal.Key, refusal.Arguments];
        return Task.CompletedTask;
    }
}
