using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Compute.Pages;

/// <summary>
/// GPU 자원 관리 (operators) — the allocation queue, sacct uploads with their import report (rejected lines and accounts
/// nobody allocated), and the catalog of clusters, partitions and GPU models.
/// </summary>
[Authorize(Policy = Policies.Operator)]
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class ManageModel(HubDb db, ComputeReports reports, ComputeCatalog catalog, UsageImporter importer,
    IStringLocalizer<SharedResource> t)
    : PageModel, IReloadAfterRefusal
{
    /// <summary>A year of a busy cluster's accounting is a few hundred MB; bigger files go through the command line.</summary>
    public const long MaxUpload = 512L * 1024 * 1024;

    [BindProperty] public UploadForm Upload { get; set; } = new();
    [BindProperty] public CatalogForm Catalog { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public IReadOnlyList<AllocationSummary> Queue { get; private set; } = [];
    public IReadOnlyList<GpuCluster> Clusters { get; private set; } = [];
    public IReadOnlyList<GpuModel> Models { get; private set; } = [];
    public IReadOnlyList<UsageImport> Imports { get; private set; } = [];
    public UsageImport? Report { get; private set; }

    public sealed class UploadForm
    {
        public string? ClusterId { get; set; }
        public string? Columns { get; set; }
        public IFormFile? File { get; set; }
    }

    public sealed class CatalogForm
    {
        public string? Name { get; set; }
        public string? SlurmName { get; set; }
        public string? Site { get; set; }
        public string? ClusterId { get; set; }
        public string? ModelId { get; set; }
        public string? Nodes { get; set; }
        public string? GpusPerNode { get; set; }
        public string? MemoryGb { get; set; }
    }

    public async Task OnGetAsync(Guid? import, CancellationToken ct) => await LoadAsync(import, ct);

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var cluster = FormValue.Id(Upload.ClusterId);
        if (cluster is null || !await db.GpuClusters.AnyAsync(c => c.Id == cluster, ct))
        {
            ModelState.AddModelError(string.Empty, t["Compute.Error.NoCluster"]);
        }

        if (Upload.File is not { Length: > 0 })
        {
            ModelState.AddModelError(string.Empty, t["Compute.Pages.Error.File"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(null, ct);
            return Page();
        }

        var columns = string.IsNullOrWhiteSpace(Upload.Columns)
            ? null
            : Upload.Columns.Split([',', '|', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return await RunAsync(async () =>
        {
            await using var stream = Upload.File!.OpenReadStream();
            var import = await importer.ImportAsync(cluster!.Value, stream, Upload.File.FileName, columns, User.UserId()!.Value, ct);
            Done = t["Compute.Pages.Done.Imported", import.Accepted, import.Rejected].Value;
            return Redirect($"/compute/manage?import={import.Id}#import-report");
        }, ct);
    }

    public Task<IActionResult> OnPostAddModelAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await catalog.AddModelAsync(Catalog.Name, FormValue.Count(Catalog.MemoryGb) ?? 0, ct);
        Done = t["Compute.Pages.Done.Saved"].Value;
        return Redirect("/compute/manage#catalog");
    }, ct);

    public Task<IActionResult> OnPostAddClusterAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await catalog.AddClusterAsync(Catalog.Name, Catalog.SlurmName, Catalog.Site, ct: ct);
        Done = t["Compute.Pages.Done.Saved"].Value;
        return Redirect("/compute/manage#catalog");
    }, ct);

    public Task<IActionResult> OnPostAddPartitionAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await catalog.AddPartitionAsync(FormValue.Id(Catalog.ClusterId) ?? Guid.Empty, Catalog.Name,
            FormValue.Id(Catalog.ModelId) ?? Guid.Empty, FormValue.Count(Catalog.Nodes) ?? 0,
            FormValue.Count(Catalog.GpusPerNode) ?? 0, ct);
        Done = t["Compute.Pages.Done.Saved"].Value;
        return Redirect("/compute/manage#catalog");
    }, ct);

    private async Task<IActionResult> RunAsync(Func<Task<IActionResult>> work, CancellationToken ct)
    {
        try
        {
            return await work();
        }
        catch (DbUpdateException)
        {
            // Two operators adding the same name at once: the unique index refuses the second.
            ModelState.AddModelError(string.Empty, t["Compute.Pages.Error.Exists"]);
        }

        db.ChangeTracker.Clear();
        await LoadAsync(null, ct);
        return Page();
    }

    public Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct) => LoadAsync(null, ct);

    private async Task LoadAsync(Guid? import, CancellationToken ct)
    {
        Queue = [.. (await reports.AllocationsAsync(null, ct)).Where(a => a.Status is AllocationStatus.Requested
            or AllocationStatus.Approved)];
        Clusters = await db.GpuClusters.AsNoTracking().Include(c => c.Partitions).OrderBy(c => c.Name).ToListAsync(ct);
        Models = await db.GpuModels.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        Imports = await db.UsageImports.AsNoTracking().OrderByDescending(i => i.StartedAt).Take(10).ToListAsync(ct);
        Report = import is { } id ? await db.UsageImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) : null;
    }

    public string ClusterName(Guid id) => Clusters.FirstOrDefault(c => c.Id == id)?.Name ?? "—";

    public string ModelName(Guid id) => Models.FirstOrDefault(m => m.Id == id)?.Name ?? "—";
}
