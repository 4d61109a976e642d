using Microsoft.AspNetCore.Http.HttpResults;

namespace SeoulAiHub.Features.Home;

public static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHomeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hub").WithTags("Hub");
        api.MapGet("/figures", GetFigures).AllowAnonymous();
        return app;
    }

    /// <summary>Public figures of the hub.</summary>
    public static async Task<Ok<HubFiguresResponse>> GetFigures(HubFigures figures, CancellationToken ct)
    {
        var s = await figures.GetAsync(ct);
        return TypedResults.Ok(new HubFiguresResponse(s.Organizations, s.ResidentTenants, s.People));
    }
}

public sealed record HubFiguresResponse(int Organizations, int ResidentTenants, int People);
