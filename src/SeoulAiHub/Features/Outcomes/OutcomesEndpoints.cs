namespace SeoulAiHub.Features.Outcomes;

/// <summary>The module's JSON API: definitions and an organization's own values (collection), aggregates (figures).</summary>
public static class OutcomesEndpoints
{
    public static IEndpointRouteBuilder MapOutcomesEndpoints(this IEndpointRouteBuilder app)
    {
        CollectionApi.Map(app);
        FiguresApi.Map(app);
        return app;
    }
}
