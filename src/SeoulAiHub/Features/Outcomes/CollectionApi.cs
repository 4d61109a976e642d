namespace SeoulAiHub.Features.Outcomes;

/// <summary>GET /api/kpis and GET /api/organizations/{id}/kpi-values.</summary>
internal static class CollectionApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
    }
}
