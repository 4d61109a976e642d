using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>A KPI definition as the API shows it; unit and kind by name (Krw/Persons/Count, Flow/Stock).</summary>
public sealed record KpiInfo(Guid Id, string Code, string NameKo, string NameEn, string Unit, string Kind, bool EvidenceRequired,
    bool AllowsNegative, bool Active, int SortOrder);

/// <summary>One official value of an organization: KPI by code, period by code (2026-Q3, 2026-H1, 2026).</summary>
public sealed record KpiValueInfo(string Kpi, Guid KpiId, string Period, string PeriodStart, string PeriodEnd, long Value, Guid CampaignId);

/// <summary>
/// GET /api/kpis (public) and GET /api/organizations/{id}/kpi-values: an organization's official values, for its
/// members, operators and overseers; 404 for anyone else, as the pages answer.
/// </summary>
internal static class CollectionApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/kpis", ListKpis).AllowAnonymous().WithTags("Outcomes")
            .WithSummary("KPI definitions").WithDescription("Every KPI the hub collects, retired ones included (active=false).");
        app.MapGet("/api/organizations/{id:guid}/kpi-values", ValuesOf).RequireAuthorization(Policies.SignedIn).WithTags("Outcomes")
            .WithSummary("An organization's official KPI values")
            .WithDescription("Values of locked campaigns, newest period first. For the organization's members, operators and overseers; " +
                "404 otherwise.");
    }

    public static async Task<Ok<List<KpiInfo>>> ListKpis(HubDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.KpiDefinitions.AsNoTracking().OrderBy(k => k.SortOrder).ThenBy(k => k.Code).ToListAsync(ct))
            .Select(k => new KpiInfo(k.Id, k.Code, k.NameKo, k.NameEn, k.Unit.ToString(), k.Kind.ToString(), k.EvidenceRequired,
                k.AllowsNegative, k.Active, k.SortOrder))
            .ToList());

    public static async Task<Results<Ok<List<KpiValueInfo>>, NotFound>> ValuesOf(Guid id, HubDb db, OutcomeAccess access,
        OutcomeFigures figures, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await db.OrganizationExistsAsync(id, ct) || await access.ForAsync(user, id, ct) == ValuesAccess.None)
        {
            return TypedResults.NotFound();
        }

        var codes = await db.KpiDefinitions.AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Code, ct);
        var facts = await figures.ValuesOfAsync(id, ct);
        return TypedResults.Ok(facts
            .Select(f => new KpiValueInfo(codes.GetValueOrDefault(f.KpiId) ?? "", f.KpiId, f.Period.Code, CollectionDate(f.Period.StartsOn),
                CollectionDate(f.Period.EndsOn), f.Value, f.CampaignId))
            .ToList());
    }

    private static string CollectionDate(DateOnly date) => Collection.CollectionFormat.Date(date);
}
