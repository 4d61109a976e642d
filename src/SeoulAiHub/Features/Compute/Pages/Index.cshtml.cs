using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Compute.Pages;

/// <summary>
/// GPU 연산 자원 — the allocations a person may see (their organizations', or all for operators and overseers) with
/// usage against the quota, and the request form for members of an organization.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(HubDb db, ComputeAccess access, ComputeReports reports, AllocationService allocations,
    IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel
{
    [BindProperty] public RequestForm Input { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public bool SeesAll { get; private set; }
    public IReadOnlyList<AllocationSummary> Allocations { get; private set; } = [];
    public IReadOnlyList<MemberOrganization> Organizations { get; private set; } = [];
    public IReadOnlyList<ClusterOption> Clusters { get; private set; } = [];

    public sealed record ClusterOption(Guid Id, string Name, IReadOnlyList<(Guid Id, string Name)> Partitions);

    public sealed class RequestForm
    {
        public string? OrganizationId { get; set; }
        public string? ClusterId { get; set; }
        public string? PartitionId { get; set; }
        public string? GpuHours { get; set; }
        public string? StartsOn { get; set; }
        public string? EndsOn { get; set; }
        public string? Justification { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = Kst.Today(clock);
        Input = new RequestForm
        {
            StartsOn = ComputeForms.Iso(today.AddDays(7)), EndsOn = ComputeForms.Iso(today.AddDays(7).AddMonths(3).AddDays(-1)),
            OrganizationId = Organizations.Count == 1 ? Organizations[0].Id.ToString() : null,
        };
    }

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Organizations.Count == 0)
        {
            return Forbid();
        }

        var organization = FormValue.Id(Input.OrganizationId) is { } o && Organizations.Any(x => x.Id == o) ? o : (Guid?)null;
        var cluster = FormValue.Id(Input.ClusterId) is { } c && Clusters.Any(x => x.Id == c) ? c : (Guid?)null;
        var hours = FormValue.Count(Input.GpuHours);
        var starts = FormValue.Date(Input.StartsOn);
        var ends = FormValue.Date(Input.EndsOn);
        Guid? partition = null;
        if (!string.IsNullOrWhiteSpace(Input.PartitionId))
        {
            partition = FormValue.Id(Input.PartitionId);
            if (partition is null)
            {
                ModelState.AddModelError(string.Empty, t["Compute.Error.Partition"]);
            }
        }

        if (organization is null)
        {
            ModelState.AddModelError(string.Empty, t["Compute.Pages.Error.Organization"]);
        }

        if (cluster is null)
        {
            ModelState.AddModelError(string.Empty, t["Compute.Error.NoCluster"]);
        }

        if (hours is null)
        {
            ModelState.AddModelError(string.Empty, t["Compute.Error.Hours", GpuAllocation.MaxHours]);
        }

        if (starts is null || ends is null)
        {
            ModelState.AddModelError(string.Empty, t["Compute.Pages.Error.Date"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var allocation = await allocations.RequestAsync(organization!.Value,
            new AllocationRequest(cluster!.Value, partition, hours!.Value, starts!.Value, ends!.Value, Input.Justification),
            User.UserId()!.Value, ct);
        Done = t["Compute.Pages.Done.Requested"].Value;
        return Redirect($"/compute/allocations/{allocation.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SeesAll = ComputeAccess.SeesAll(User);
        Organizations = await access.OrganizationsOfAsync(User, ct);
        Allocations = await reports.AllocationsAsync(SeesAll ? null : [.. Organizations.Select(o => o.Id)], ct);
        var clusters = await db.GpuClusters.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, Partitions = c.Partitions.OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToList() })
            .ToListAsync(ct);
        Clusters = [.. clusters.Select(c => new ClusterOption(c.Id, c.Name, [.. c.Partitions.Select(p => (p.Id, p.Name))]))];
    }
}
