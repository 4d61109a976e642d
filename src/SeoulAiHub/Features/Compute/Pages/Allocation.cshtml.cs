using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Compute.Pages;

/// <summary>
/// 할당 상세 — one allocation: its facts, the terms (accepted by a member of the organization), usage by month and by
/// user, recent jobs a page at a time, and the history. Operators approve, decline, suspend and resume here; overseers
/// read; other organizations' allocations answer 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AllocationModel(HubDb db, ComputeAccess access, ComputeReports reports, AllocationService service,
    IStringLocalizer<SharedResource> t) : PageModel, IReloadAfterRefusal
{
    [BindProperty] public ApproveForm Approval { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Done { get; set; }

    public AllocationSummary Summary { get; private set; } = null!;
    public GpuAllocation Allocation { get; private set; } = null!;
    public IReadOnlyList<UsageByMonth> ByMonth { get; private set; } = [];
    public IReadOnlyList<UsageByUser> ByUser { get; private set; } = [];
    public IReadOnlyList<JobRow> Jobs { get; private set; } = [];
    public int JobCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<(Guid Id, string Name)> Partitions { get; private set; } = [];
    public bool IsMember { get; private set; }
    public bool CanManage { get; private set; }

    public int Pages => Math.Max(1, (JobCount + ComputeReports.JobsPerPage - 1) / ComputeReports.JobsPerPage);

    public sealed class ApproveForm
    {
        public string? GpuHours { get; set; }
        public string? StartsOn { get; set; }
        public string? EndsOn { get; set; }
        public string? SlurmAccount { get; set; }
        public string? PartitionId { get; set; }
        public string? Terms { get; set; }
        public string? AgreementId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, int? p, CancellationToken ct)
    {
        if (!await LoadAsync(id, p ?? 1, ct))
        {
            return NotFound();
        }

        Approval = new ApproveForm
        {
            GpuHours = Allocation.GpuHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StartsOn = ComputeForms.Iso(Allocation.StartsOn), EndsOn = ComputeForms.Iso(Allocation.EndsOn),
            PartitionId = Allocation.PartitionId?.ToString(), Terms = AllocationService.DefaultTerms,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, 1, ct))
        {
            return NotFound();
        }

        return !IsMember ? Forbid() : await RunAsync(id, () => service.AcceptTermsAsync(id, User.UserId()!.Value, ct),
            "Compute.Pages.Done.Accepted");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        if (!ComputeAccess.Manages(User))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, 1, ct))
        {
            return NotFound();
        }

        var hours = FormValue.Count(Approval.GpuHours);
        var starts = FormValue.Date(Approval.StartsOn);
        var ends = FormValue.Date(Approval.EndsOn);
        var partition = string.IsNullOrWhiteSpace(Approval.PartitionId) ? null : FormValue.Id(Approval.PartitionId);
        var agreement = string.IsNullOrWhiteSpace(Approval.AgreementId) ? null : FormValue.Id(Approval.AgreementId);
        if (hours is null)
        {
            ModelState.AddModelError(string.Empty, t["Compute.Error.Hours", GpuAllocation.MaxHours]);
        }

        if (starts is null || ends is null)
        {
            ModelState.AddModelError(string.Empty, t["Compute.Pages.Error.Date"]);
        }

        if (!string.IsNullOrWhiteSpace(Approval.PartitionId) && partition is null)
        {
            ModelState.AddModelError(string.Empty, t["Compute.Error.Partition"]);
        }

        if (!string.IsNullOrWhiteSpace(Approval.AgreementId) && agreement is null)
        {
            ModelState.AddModelError(string.Empty, t["Compute.Error.Agreement"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await RunAsync(id, () => service.ApproveAsync(id,
            new AllocationApproval(hours!.Value, starts!.Value, ends!.Value, Approval.SlurmAccount, partition, Approval.Terms, agreement),
            User.UserId()!.Value, ct), "Compute.Pages.Done.Approved");
    }

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) =>
        OperatorAsync(id, () => service.DeclineAsync(id, Reason, User.UserId()!.Value, ct), "Compute.Pages.Done.Declined", ct);

    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken ct) =>
        OperatorAsync(id, () => service.SuspendAsync(id, Reason, User.UserId()!.Value, ct), "Compute.Pages.Done.Suspended", ct);

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) =>
        OperatorAsync(id, () => service.ResumeAsync(id, Reason, User.UserId()!.Value, ct), "Compute.Pages.Done.Resumed", ct);

    private async Task<IActionResult> OperatorAsync(Guid id, Func<Task> change, string doneKey, CancellationToken ct)
    {
        if (!ComputeAccess.Manages(User))
        {
            return Forbid();
        }

        return !await LoadAsync(id, 1, ct) ? NotFound() : await RunAsync(id, change, doneKey);
    }

    /// <summary>PRG on success; a broken rule re-renders the page (as stored) with the message (RulePageFilter).</summary>
    private async Task<IActionResult> RunAsync(Guid id, Func<Task> change, string doneKey)
    {
        await change();
        Done = t[doneKey].Value;
        return Redirect($"/compute/allocations/{id}");
    }

    public async Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct) => await LoadAsync(this.RouteId(), 1, ct);

    private async Task<bool> LoadAsync(Guid id, int page, CancellationToken ct)
    {
        var allocation = await db.GpuAllocations.AsNoTracking().Include(a => a.History).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (allocation is null || !await access.CanReadAsync(allocation.OrganizationId, User, ct))
        {
            return false;
        }

        Allocation = allocation;
        Summary = (await reports.AllocationsAsync([allocation.OrganizationId], ct)).Single(a => a.Id == id);
        IsMember = await access.IsMemberAsync(allocation.OrganizationId, User, ct);
        CanManage = ComputeAccess.Manages(User);
        PageNumber = Math.Max(1, page);
        ByMonth = await reports.ByMonthAsync(id, ct);
        ByUser = await reports.ByUserAsync(id, ct);
        JobCount = ByMonth.Sum(m => m.Jobs);
        PageNumber = Math.Min(PageNumber, Pages);
        Jobs = await reports.RecentJobsAsync(id, PageNumber, ct);
        var people = allocation.History.Where(h => h.By != null).Select(h => h.By!.Value).Append(allocation.RequestedBy)
            .Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Partitions = (await db.GpuPartitions.AsNoTracking().Where(p => p.ClusterId == allocation.ClusterId).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
        return true;
    }
}
