using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Platform.Errors;

/// <summary>
/// The last line of the one error path. A <see cref="RuleException"/> that escaped the page and endpoint filters
/// (thrown by middleware or an endpoint outside a module group) is still a refusal, never a 500. Anything else is
/// logged here, once, with the trace id the error page shows; <c>/api</c> gets a problem, pages the localized
/// <c>/error</c> page (the middleware re-executes it when this returns false).
/// </summary>
public sealed class UnexpectedErrorHandler(ILogger<UnexpectedErrorHandler> log, IStringLocalizer<SharedResource> t) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var isApi = httpContext.Request.Path.StartsWithSegments("/api");
        if (exception is RuleException refusal)
        {
            if (!isApi)
            {
                return false;   // the error page, with the kind's status (ErrorsSetup's StatusCodeSelector)
            }

            await RuleEndpointFilter.Problem(refusal, t).ExecuteAsync(httpContext);
            return true;
        }

        var traceId = Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
        log.LogError(exception, "Unexpected error on {Method} {Path} (trace {TraceId})", httpContext.Request.Method,
            httpContext.Request.Path, traceId);
        if (!isApi)
        {
            return false;
        }

        await TypedResults.Problem(detail: t["Error.Unexpected"].Value, statusCode: StatusCodes.Status500InternalServerError,
            extensions: new Dictionary<string, object?> { ["traceId"] = traceId }).ExecuteAsync(httpContext);
        return true;
    }
}
