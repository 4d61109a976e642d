namespace SeoulAiHub.Features.Outcomes;

/// <summary>GET /api/outcomes/aggregates.</summary>
internal static class FiguresApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
    }
}
