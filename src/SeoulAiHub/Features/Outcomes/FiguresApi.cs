using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Outcomes.Figures;
using SeoulAiHub.Platform.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Outcomes;

/// <summary>
/// GET /api/outcomes/aggregates (operators and overseers get every figure; everybody else the open-data version with
/// small groups withheld) and the open-data files /open-data/outcomes.csv and .json (always the public version).
/// </summary>
internal static class FiguresApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/outcomes/aggregates", Aggregates).WithTags("Outcomes").AllowAnonymous();
        app.MapGet("/open-data/outcomes.json", OpenDataJson).WithTags("Outcomes").AllowAnonymous();
        app.MapGet("/open-data/outcomes.csv", OpenDataCsv).WithTags("Outcomes").AllowAnonymous();
    }

    /// <summary>Aggregates per period × KPI × segment for a range (from, to: "2025-Q1", "2025-H1", "2025"; site: an id).</summary>
    public static async Task<Results<Ok<AggregateSet>, ValidationProblem>> Aggregates(string? from, string? to, string? site, string? grain,
        ClaimsPrincipal user, FigureQueries queries, FigureSheets sheets, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (set, errors) = await BuildAsync(new FigureQueryInput(site, grain, from, to, null), !OutcomeAccess.SeesOrganizations(user),
            queries, sheets, t, ct);
        return set is null ? TypedResults.ValidationProblem(errors!) : TypedResults.Ok(set);
    }

    public static async Task<Results<Ok<AggregateSet>, ValidationProblem>> OpenDataJson(string? from, string? to,
        string? site, string? grain, FigureQueries queries, FigureSheets sheets, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (set, errors) = await BuildAsync(new FigureQueryInput(site, grain, from, to, null), true, queries, sheets, t, ct);
        return set is null ? TypedResults.ValidationProblem(errors!) : TypedResults.Ok(set);
    }

    public static async Task<IResult> OpenDataCsv(string? from, string? to, string? site, string? grain,
        FigureQueries queries, FigureSheets sheets, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (set, errors) = await BuildAsync(new FigureQueryInput(site, grain, from, to, null), true, queries, sheets, t, ct);
        if (set is null)
        {
            return TypedResults.ValidationProblem(errors!);
        }

        var buffer = new MemoryStream();
        await OpenDataRows.WriteCsvAsync(buffer, set.Rows, ct);
        buffer.Position = 0;
        return TypedResults.File(buffer, "text/csv; charset=utf-8", $"seoul-ai-hub-outcomes-{set.From}-{set.To}.csv");
    }

    /// <summary>The rows of a filter, or the problems of the input. Nothing locked yet gives an empty set.</summary>
    private static async Task<(AggregateSet? Set, Dictionary<string, string[]>? Errors)> BuildAsync(FigureQueryInput input, bool isPublic,
        FigureQueries queries, FigureSheets sheets, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var query = await queries.ReadAsync(input, isPublic, ct);
        if (query.Errors.Count > 0)
        {
            return (null, new Dictionary<string, string[]> { ["filter"] = [.. query.Errors.Select(k => t[k].Value)] });
        }

        if (query.Filter is null)
        {
            return (new AggregateSet("", "", null, isPublic, []), null);
        }

        var sheet = await sheets.LoadAsync(query.Filter, ct);
        var names = BothLanguages(t, ["Outcomes.Rollup.NoDomain", .. Enum.GetNames<Organizations.OrganizationType>()
            .Select(n => "OrgType." + n)]);
        return (OpenDataRows.Build(sheet, names["Outcomes.Rollup.NoDomain"].Ko, names["Outcomes.Rollup.NoDomain"].En,
            key => names.TryGetValue("OrgType." + key, out var n) ? n : (key, key)), null);
    }

    /// <summary>Each key in Korean and in English (the files carry both, whatever the reader's language).</summary>
    internal static Dictionary<string, (string Ko, string En)> BothLanguages(IStringLocalizer t, IEnumerable<string> keys)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            var result = keys.ToDictionary(k => k, k => ("", ""));
            foreach (var key in result.Keys.ToList())
            {
                CultureInfo.CurrentUICulture = LocalizationSetup.Korean;
                var ko = t[key].Value;
                CultureInfo.CurrentUICulture = LocalizationSetup.English;
                result[key] = (ko, t[key].Value);
            }

            return result;
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
