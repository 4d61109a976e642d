using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Engagement.Visits;

/// <summary>
/// 방문 상세 — one visit: its header, status, participants, itinerary with flagged conflicts, and the opinions heard
/// there. Operators change it through named handlers; overseers read it and every POST refuses them (403).
/// </summary>
[Authorize(Policy = Policies.Oversight)]
public sealed class DetailModel(HubDb db, VisitPlanner planner, FollowUpReports followUps, OpinionDesk desk,
    IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel, IReloadAfterRefusal
{
    [BindProperty] public VisitForm Input { get; set; } = new();
    [BindProperty] public StopForm Stop { get; set; } = new();
    [BindProperty] public MemberForm Member { get; set; } = new();
    [BindProperty] public GuestForm Guest { get; set; } = new();
    [BindProperty] public OpinionForm Opinion { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public Visit Visit { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<ItineraryConflict> Conflicts { get; private set; } = [];
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Site> SitesById { get; private set; } = new Dictionary<Guid, Site>();

    /// <summary>Organizations a stop may visit: those with a tenancy (admitted or resident) and any already on the itinerary.</summary>
    public IReadOnlyList<OrganizationOption> Organizations { get; private set; } = [];
    public IReadOnlyList<Person> Staff { get; private set; } = [];
    public IReadOnlyList<OpinionLine> Opinions { get; private set; } = [];

    public sealed record OrganizationOption(Guid Id, string NameKo, string NameEn, bool OnItinerary)
    {
        public string Name(bool english) => english ? NameEn : NameKo;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = VisitForm.Of(Visit);
        Opinion = new OpinionForm { Visibility = nameof(OpinionVisibility.Internal) };
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken ct) => ChangeAsync(id, visit =>
    {
        if (Input.Read(ModelState, t, [.. Sites.Select(s => s.Id)]) is not { } read)
        {
            return false;
        }

        visit.Describe(read.Kind, Input.Title, read.Date, Input.Purpose, Input.Host, read.SiteId, clock.GetUtcNow());
        return true;
    }, "Engagement.Visits.Done.Saved", ct);

    public Task<IActionResult> OnPostHeldAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, visit => { visit.MarkHeld(Kst.Today(clock), clock.GetUtcNow()); return true; }, "Engagement.Visits.Done.Held", ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, visit => { visit.Cancel(clock.GetUtcNow()); return true; }, "Engagement.Visits.Done.Cancelled", ct);

    public Task<IActionResult> OnPostAddMemberAsync(Guid id, CancellationToken ct) => ChangeAsync(id, visit =>
    {
        var person = FormValue.Id(Member.UserId) is { } userId ? Staff.FirstOrDefault(s => s.Id == userId) : null;
        if (person is null)
        {
            ModelState.AddModelError(string.Empty, t["Engagement.Visits.Error.Person"]);
            return false;
        }

        visit.AddMember(person.Id, person.Name, Member.Title, Member.Affiliation, clock.GetUtcNow());
        return true;
    }, "Engagement.Visits.Done.ParticipantAdded", ct);

    public Task<IActionResult> OnPostAddGuestAsync(Guid id, CancellationToken ct) => ChangeAsync(id, visit =>
    {
        visit.AddGuest(Guest.Name, Guest.Title, Guest.Affiliation, clock.GetUtcNow());
        return true;
    }, "Engagement.Visits.Done.ParticipantAdded", ct);

    public Task<IActionResult> OnPostRemoveParticipantAsync(Guid id, string? participantId, CancellationToken ct) =>
        ChangeAsync(id, visit =>
    {
        // The domain looks in this visit's own participants: an id from another visit is "no such participant".
        visit.RemoveParticipant(FormValue.Id(participantId) ?? Guid.Empty, clock.GetUtcNow());
        return true;
    }, "Engagement.Visits.Done.ParticipantRemoved", ct);

    public Task<IActionResult> OnPostAddStopAsync(Guid id, CancellationToken ct) => ChangeAsync(id, visit =>
    {
        var starts = FormValue.Time(Stop.StartsAt);
        var ends = FormValue.Time(Stop.EndsAt);
        if (starts is null || ends is null)
        {
            ModelState.AddModelError(string.Empty, t["Engagement.Visits.Error.StopTime"]);
        }

        Guid? organization = null;
        if (!string.IsNullOrWhiteSpace(Stop.OrganizationId))
        {
            organization = FormValue.Id(Stop.OrganizationId) is { } o && Organizations.Any(x => x.Id == o) ? o : null;
            if (organization is null)
            {
                ModelState.AddModelError(string.Empty, t["Engagement.Visits.Error.Organization"]);
            }
        }

        Guid? site = null;
        if (!string.IsNullOrWhiteSpace(Stop.SiteId))
        {
            site = FormValue.Id(Stop.SiteId) is { } s && SitesById.ContainsKey(s) ? s : null;
            if (site is null)
            {
                ModelState.AddModelError(string.Empty, t["Engagement.Visits.Error.Site"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        visit.AddStop(starts!.Value, ends!.Value, Stop.Place, site, organization, Stop.BriefingPerson, Stop.Note, clock.GetUtcNow());
        return true;
    }, "Engagement.Visits.Done.StopAdded", ct);

    public Task<IActionResult> OnPostRemoveStopAsync(Guid id, string? stopId, CancellationToken ct) => ChangeAsync(id, visit =>
    {
        visit.RemoveStop(FormValue.Id(stopId) ?? Guid.Empty, clock.GetUtcNow());
        return true;
    }, "Engagement.Visits.Done.StopRemoved", ct);

    /// <summary>Records an opinion heard at this visit through the opinion desk (its own save and history).</summary>
    public async Task<IActionResult> OnPostRecordOpinionAsync(Guid id, CancellationToken ct)
    {
        if (!User.IsInRole(HubRoles.Operator))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Guid? organization = null;
        if (!string.IsNullOrWhiteSpace(Opinion.OrganizationId))
        {
            organization = FormValue.Id(Opinion.OrganizationId);
            if (organization is null)
            {
                ModelState.AddModelError(string.Empty, t["Engagement.Visits.Error.Organization"]);
            }
        }

        var visibility = FormValue.Enum<OpinionVisibility>(Opinion.Visibility, ignoreCase: false);
        if (visibility is null)
        {
            ModelState.AddModelError(string.Empty, t["Engagement.Visits.Error.Visibility"]);
        }

        if (ModelState.IsValid)
        {
            // An event is heard like a visit; a meeting is a meeting.
            var source = Visit.Kind == VisitKind.Meeting ? OpinionSource.Meeting : OpinionSource.Visit;
            await desk.RecordAsync(source, id, organization, Opinion.Speaker, Opinion.Text,
                EngagementLabels.ParseCategories(Opinion.Categories), visibility!.Value, null, User.UserId()!.Value, ct);
            Done = t["Engagement.Visits.Done.OpinionRecorded"].Value;
            return Redirect($"/engagement/visits/{id}#opinions");
        }

        Input = VisitForm.Of(Visit);
        return Page();
    }

    /// <summary>
    /// The shape of every change to the visit itself: operators only, the visit loaded with its participants and stops,
    /// one save, then back to the page (PRG). A broken rule re-renders the page with the message and saves nothing.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Func<Visit, bool> change, string doneKey, CancellationToken ct)
    {
        if (!User.IsInRole(HubRoles.Operator))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, ct, tracked: true))
        {
            return NotFound();
        }

        if (change(Visit))
        {
            await db.SaveChangesAsync(ct);
            Done = t[doneKey].Value;
            return Redirect($"/engagement/visits/{id}");
        }

        await ReloadAfterRefusalAsync(null, ct);
        return Page();
    }

    /// <summary>
    /// A rule may break half-way through a change (Describe sets the kind before checking the title): read the
    /// visit again as stored, so the page shows what is saved, with the posted forms kept for correction.
    /// </summary>
    public async Task ReloadAfterRefusalAsync(RuleException? refusal, CancellationToken ct)
    {
        var posted = Input;
        db.ChangeTracker.Clear();
        await LoadAsync(this.RouteId(), ct);
        Input = posted.Kind is null && posted.Title is null ? VisitForm.Of(Visit) : posted;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var visits = tracked ? db.Visits : db.Visits.AsNoTracking();
        var visit = await visits.AsSplitQuery().Include(v => v.Participants).Include(v => v.Stops)
            .SingleOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return false;
        }

        Visit = visit;
        CanManage = User.IsInRole(HubRoles.Operator);
        Today = Kst.Today(clock);
        Conflicts = await planner.ConflictsAsync(visit, ct);
        Sites = await NewModel.SitesAsync(db, ct);
        SitesById = Sites.ToDictionary(s => s.Id);

        var onItinerary = visit.Stops.Where(s => s.OrganizationId != null).Select(s => s.OrganizationId!.Value).ToHashSet();
        var organizations = await db.OrganizationInfos()
            .Where(o => o.TenancyStatus == TenancyStatus.Resident || o.TenancyStatus == TenancyStatus.Admitted ||
                onItinerary.Contains(o.Id))
            .Select(o => new { o.Id, o.NameKo, o.NameEn })
            .ToListAsync(ct);
        // Stop organizations first: the opinion form's source is most likely one of them.
        Organizations = [.. organizations.Select(o => new OrganizationOption(o.Id, o.NameKo, o.NameEn, onItinerary.Contains(o.Id)))
            .OrderByDescending(o => o.OnItinerary).ThenBy(o => o.NameKo, StringComparer.Ordinal)];

        if (CanManage)
        {
            Staff = await EngagementForms.StaffAsync(db, ct);
        }

        Opinions = (await followUps.ForVisitAsync(id, publicOnly: false, ct)).Opinions;
        return true;
    }

    public string OrganizationName(Guid? id, bool english) =>
        id is { } o && Organizations.FirstOrDefault(x => x.Id == o) is { } found ? found.Name(english) : "";

    public string SiteName(Guid? id, bool english) =>
        id is { } s && SitesById.TryGetValue(s, out var site) ? (english ? site.NameEn : site.NameKo) : "";
}
