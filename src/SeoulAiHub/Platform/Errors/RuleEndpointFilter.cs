using Microsoft.Extensions.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Platform.Errors;

/// <summary>
/// Turns a <see cref="RuleException"/> thrown by an <c>/api</c> endpoint into ProblemDetails: the localized message as
/// <c>detail</c>, the key as <c>rule</c> (stable for clients), the status from its kind (400, 404, 409, 403).
/// Added to every module's API group by <see cref="ApiGroups.MapApiGroup"/>.
/// </summary>
public sealed class RuleEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RuleException refusal)
        {
            var t = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            return Problem(refusal, t);
        }
    }

    public static IResult Problem(RuleException refusal, IStringLocalizer<SharedResource> t)
    {
        var extensions = new Dictionary<string, object?> { ["rule"] = refusal.Key };
        if (refusal.Problems.Count > 0)
        {
            extensions["problems"] = refusal.Problems
                .Select(p => new { field = p.Field, rule = p.Key, detail = t[p.Key, p.Arguments].Value })
                .ToList();
        }

        return TypedResults.Problem(detail: t[refusal.Key, refusal.Arguments].Value, statusCode: RuleStatus.Of(refusal.Kind),
            title: t["Error.Refused"].Value, extensions: extensions);
    }
}

public static class ApiGroups
{
    /// <summary>A module's <c>/api/…</c> group: tagged, signed-in by default where asked, refusals as ProblemDetails.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix).WithTags(tag).AddEndpointFilter<RuleEndpointFilter>();
}
