using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Platform.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Compute;

/// <summary>An allocation as the API shows it: usage in GPU-hours, status and source by name, dates as yyyy-MM-dd (KST).</summary>
public sealed record AllocationInfo(Guid Id, Guid OrganizationId, string Organization, string Cluster, string? Partition,
    string? SlurmAccount, int GpuHours, double UsedGpuHours, double UsedShare, string StartsOn, string EndsOn,
    string Status, string Source);

public sealed record MonthUsageInfo(string Month, int Jobs, double GpuHours);

public sealed record AllocationUsageInfo(Guid Id, int GpuHours, double UsedGpuHours, double UsedShare,
    IReadOnlyList<MonthUsageInfo> Months);

public sealed record RejectedLineInfo(int Line, string Reason, string Text);

/// <summary>What became of an uploaded sacct file.</summary>
public sealed record ImportReportInfo(Guid Id, string FileName, string Sha256, int Lines, int Accepted, int Inserted,
    int Duplicates, int Ignored, int Steps, int Rejected, int Unmatched, double GpuHours, IReadOnlyList<RejectedLineInfo> RejectedLines,
    IReadOnlyList<UnmatchedAccount> UnmatchedAccounts);

/// <summary>
/// GET /api/compute/allocations (signed in: one's organizations', all for operators and overseers),
/// GET /api/compute/allocations/{id}/usage (the same people; 404 otherwise), POST /api/compute/imports (operators;
/// multipart: clusterId, file, optional columns) → the import report. Errors are ProblemDetails.
/// </summary>
public static class ComputeEndpoints
{
    public static IEndpointRouteBuilder MapComputeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/compute", "Compute");
        api.MapGet("/allocations", ListAllocations).RequireAuthorization(Policies.SignedIn)
            .WithSummary("GPU allocations")
            .WithDescription("The caller's organizations' allocations (all for operators and overseers), with usage.");
        api.MapGet("/allocations/{id:guid}/usage", UsageOf).RequireAuthorization(Policies.SignedIn)
            .WithSummary("An allocation's usage by month")
            .WithDescription("GPU-hours and jobs per month (KST, by job start); 404 for allocations the caller may not see.");
        // A multipart upload: the session cookie is SameSite=Lax, so another site cannot post it with an operator's session.
        api.MapPost("/imports", Import).RequireAuthorization(Policies.Operator).DisableAntiforgery()
            .WithSummary("Import Slurm usage")
            .WithDescription("multipart/form-data: clusterId, file (sacct --parsable2), optional columns for a headerless file.");
        return app;
    }

    public static async Task<Ok<List<AllocationInfo>>> ListAllocations(ComputeAccess access, ComputeReports reports, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var english = HubCulture.IsEnglish;
        IReadOnlyCollection<Guid>? organizations = ComputeAccess.SeesAll(user) ? null
            : [.. (await access.OrganizationsOfAsync(user, ct)).Select(o => o.Id)];
        var rows = await reports.AllocationsAsync(organizations, ct);
        return TypedResults.Ok(rows.Select(a => new AllocationInfo(a.Id, a.OrganizationId,
            english ? a.OrganizationEn : a.OrganizationKo, a.Cluster, a.Partition, a.SlurmAccount, a.GpuHours,
            Math.Round(a.UsedGpuHours, 2), Math.Round(a.UsedShare, 4), ComputeForms.Iso(a.StartsOn),
            ComputeForms.Iso(a.EndsOn), a.Status.ToString(), a.Source.ToString())).ToList());
    }

    public static async Task<Results<Ok<AllocationUsageInfo>, NotFound>> UsageOf(Guid id, HubDb db, ComputeAccess access,
        ComputeReports reports, ClaimsPrincipal user, CancellationToken ct)
    {
        var allocation = await db.GpuAllocations.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.OrganizationId, a.GpuHours, a.UsedGpuSeconds }).SingleOrDefaultAsync(ct);
        if (allocation is null || !await access.CanReadAsync(allocation.OrganizationId, user, ct))
        {
            return TypedResults.NotFound();
        }

        var months = await reports.ByMonthAsync(id, ct);
        var used = allocation.UsedGpuSeconds / 3600.0;
        return TypedResults.Ok(new AllocationUsageInfo(id, allocation.GpuHours, Math.Round(used, 2),
            allocation.GpuHours == 0 ? 0 : Math.Round(used / allocation.GpuHours, 4),
            [.. months.Select(m => new MonthUsageInfo(ComputeForms.Month(m.Month), m.Jobs, Math.Round(m.GpuHours, 2)))]));
    }

    public static async Task<Results<Ok<ImportReportInfo>, ProblemHttpResult>> Import(HttpRequest request, UsageImporter importer,
        IStringLocalizer<SharedResource> t, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(t["Compute.Pages.Error.File"], statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (FormValue.Id(form["clusterId"]) is not { } clusterId)
        {
            return TypedResults.Problem(t["Compute.Error.NoCluster"], statusCode: StatusCodes.Status400BadRequest);
        }

        if (file is not { Length: > 0 })
        {
            return TypedResults.Problem(t["Compute.Pages.Error.File"], statusCode: StatusCodes.Status400BadRequest);
        }

        var columnText = form["columns"].ToString();
        var columns = string.IsNullOrWhiteSpace(columnText) ? null : columnText.Split([',', '|', ' '],
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // A refused import (unknown cluster: 404; unreadable columns: 400) is a problem by RuleEndpointFilter.
        await using var stream = file.OpenReadStream();
        var import = await importer.ImportAsync(clusterId, stream, file.FileName, columns, user.UserId()!.Value, ct);
        return TypedResults.Ok(new ImportReportInfo(import.Id, import.FileName, import.Sha256, import.Lines,
            import.Accepted, import.Inserted, import.Duplicates, import.Ignored, import.Steps, import.Rejected, import.Unmatched,
            Math.Round(import.GpuSeconds / 3600.0, 2), [.. import.RejectedLines.Select(l =>
                new RejectedLineInfo(l.Line, t[l.ReasonKey, l.Arguments], l.Text))], import.UnmatchedAccounts));
    }
}
