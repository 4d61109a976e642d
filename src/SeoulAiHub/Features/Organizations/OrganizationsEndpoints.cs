using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Forms;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Organizations;

public sealed record OrganizationSummary(Guid Id, string NameKo, string NameEn, string Type, string TenancyStatus,
    string? Summary, IReadOnlyList<string> Domains, IReadOnlyList<string> Industries);

public sealed record OrganizationList(int Total, int Page, int PageSize, IReadOnlyList<OrganizationSummary> Items);

/// <summary>Public fields for everyone; Contact is filled only for those who may read the organization's private data.</summary>
public sealed record OrganizationDetail(Guid Id, string NameKo, string NameEn, string Type, string TenancyStatus,
    string? BusinessRegistrationNumber, DateOnly? FoundedOn, int? Headcount, string? Summary, string? Description,
    string? Website, IReadOnlyList<string> Domains, IReadOnlyList<string> Industries, OrganizationContact? Contact);

public sealed record OrganizationContact(string? Email, string? Phone);

/// <summary>JSON API of the directory: reads are public, writes are for operators.</summary>
public static class OrganizationsEndpoints
{
    public static IEndpointRouteBuilder MapOrganizationsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/organizations", "Organizations");
        api.MapGet("/", List).AllowAnonymous();
        api.MapGet("/{id:guid}", Get).AllowAnonymous();
        api.MapPost("/", Create).RequireAuthorization(Policies.Operator);
        api.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Operator);
        api.MapGet("/export.csv", Export).RequireAuthorization(Policies.Operator);
        app.MapGet("/organizations/{id:guid}/logo.img", Logo).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Search the directory: q (Korean or English, partial words), type, domain, industry, status, site, page.</summary>
    public static async Task<Results<Ok<OrganizationList>, ValidationProblem>> List(DirectoryIndex directory, string? q, string? type,
        string? domain, string? industry, string? status, Guid? site, int? page, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        OrganizationType? parsedType = null;
        TenancyStatus? parsedStatus = null;
        if (type is not null)
        {
            parsedType = FormValue.Enum<OrganizationType>(type);
            if (parsedType is null) errors["type"] = [$"Unknown type '{type}'."];
        }

        if (status is not null)
        {
            parsedStatus = FormValue.Enum<TenancyStatus>(status);
            if (parsedStatus is null) errors["status"] = [$"Unknown status '{status}'."];
        }

        if (page is < 1)
        {
            errors["page"] = ["Pages start at 1."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await directory.SearchAsync(new DirectoryQuery(q, parsedType, domain, industry, parsedStatus, site, page ?? 1), ct);
        return TypedResults.Ok(new OrganizationList(result.Total, result.Page, DirectoryQuery.PageSize,
            result.Items.Select(e => new OrganizationSummary(e.Id, e.NameKo, e.NameEn, e.Type.ToString(), e.Status.ToString(), e.Summary,
                e.Domains, e.Industries)).ToList()));
    }

    public static async Task<Results<Ok<OrganizationDetail>, NotFound>> Get(Guid id, HubDb db, ClaimsPrincipal user,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().Include(o => o.Domains).Include(o => o.Industries)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return TypedResults.NotFound();
        }

        var mayReadPrivate = user.Identity?.IsAuthenticated == true &&
            (await authorization.AuthorizeAsync(user, organization, OrganizationOperations.ReadPrivate)).Succeeded;
        return TypedResults.Ok(ToDetail(organization, mayReadPrivate));
    }

    public static async Task<Results<Created<OrganizationDetail>, ValidationProblem>> Create(OrganizationInput input,
        OrganizationEditor editor, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var result = await editor.CreateAsync(input, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/organizations/{result.Organization!.Id}", ToDetail(result.Organization, true))
            : TypedResults.ValidationProblem(Localize(result.Errors, t));
    }

    public static async Task<Results<Ok<OrganizationDetail>, NotFound, ValidationProblem>> Update(Guid id, OrganizationInput input,
        OrganizationEditor editor, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var result = await editor.UpdateAsync(id, input, official: true, ct);
        if (result.Organization is null)
        {
            return TypedResults.NotFound();
        }

        return result.Succeeded ? TypedResults.Ok(ToDetail(result.Organization, true))
            : TypedResults.ValidationProblem(Localize(result.Errors, t));
    }

    /// <summary>Every organization as CSV (Korean headers, UTF-8 with BOM), contacts included: operators only.</summary>
    public static IResult Export(OrganizationCsv csv, TimeProvider clock) =>
        Results.Stream(stream => csv.WriteAsync(stream, CancellationToken.None), "text/csv; charset=utf-8",
            $"organizations-{clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)):yyyyMMdd}.csv");

    /// <summary>The public logo image (content type from the stored file, which was checked at upload).</summary>
    public static async Task<IResult> Logo(Guid id, HubDb db, LogoStore logos, CancellationToken ct)
    {
        var fileName = await db.Organizations.Where(o => o.Id == id).Select(o => o.LogoFile).FirstOrDefaultAsync(ct);
        return logos.Find(fileName) is { } logo
            ? Results.File(logo.Path, logo.ContentType, enableRangeProcessing: false)
            : Results.NotFound();
    }

    private static Dictionary<string, string[]> Localize(IReadOnlyDictionary<string, string> errors, IStringLocalizer<SharedResource> t) =>
        errors.ToDictionary(e => e.Key, e => new[] { t[e.Value].Value });

    internal static OrganizationDetail ToDetail(Organization o, bool withContact) => new(
        o.Id, o.NameKo, o.NameEn, o.Type.ToString(), o.TenancyStatus.ToString(),
        o.BusinessRegistrationNumber is null ? null : Organizations.BusinessRegistrationNumber.Format(o.BusinessRegistrationNumber),
        o.FoundedOn, o.Headcount, o.Summary, o.Description, o.Website,
        o.Domains.Select(d => d.Code).ToList(), o.Industries.Select(i => i.Code).ToList(),
        withContact ? new OrganizationContact(o.ContactEmail, o.ContactPhone) : null);
}
