using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Platform.Errors;

/// <summary>
/// A page that shows data beside its form: after a refusal it reads that data again (as stored: the filter has
/// forgotten the half-made change) and keeps what was posted, so the person corrects their input. The refusal is
/// given for pages that offer a way out of it (e.g. the waitlist when a slot is taken).
/// </summary>
public interface IReloadAfterRefusal
{
    Task ReloadAfterRefusalAsync(RuleException refusal, CancellationToken ct);
}

/// <summary>
/// Turns a <see cref="RuleException"/> thrown by any page handler into what the person sees: the form again with the
/// message (and one message per problem, under its field), or 404 for <see cref="RuleKind.NotFound"/>. A script that
/// asked for JSON (autosave) gets <c>{ "error": "…" }</c> with the kind's status. Nothing the handler changed is saved.
/// </summary>
public sealed class RulePageFilter(IStringLocalizer<SharedResource> t) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not RuleException refusal || executed.ExceptionHandled)
        {
            return;
        }

        executed.ExceptionHandled = true;
        var services = context.HttpContext.RequestServices;
        services.GetRequiredService<HubDb>().ChangeTracker.Clear();
        if (refusal.Kind == RuleKind.NotFound)
        {
            executed.Result = new NotFoundResult();
            return;
        }

        var message = t[refusal.Key, refusal.Arguments].Value;
        if (WantsJson(context.HttpContext.Request))
        {
            executed.Result = new ObjectResult(new { error = message }) { StatusCode = RuleStatus.Of(refusal.Kind) };
            return;
        }

        var modelState = executed.ModelState;
        modelState.AddModelError(string.Empty, message);
        foreach (var problem in refusal.Problems)
        {
            modelState.AddModelError(problem.Field, t[problem.Key, problem.Arguments].Value);
        }

        if (executed.HandlerInstance is IReloadAfterRefusal page)
        {
            await page.ReloadAfterRefusalAsync(refusal, context.HttpContext.RequestAborted);
        }

        executed.Result = new PageResult();
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
}

/// <summary>The HTTP status of each kind of refusal, for the API and for scripts.</summary>
public static class RuleStatus
{
    public static int Of(RuleKind kind) => kind switch
    {
        RuleKind.NotFound => StatusCodes.Status404NotFound,
        RuleKind.Conflict => StatusCodes.Status409Conflict,
        RuleKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}
