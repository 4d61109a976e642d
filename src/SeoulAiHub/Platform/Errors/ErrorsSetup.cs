namespace SeoulAiHub.Platform.Errors;

internal static class ErrorsSetup
{
    public static void AddHubErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<UnexpectedErrorHandler>();
    }

    /// <summary>
    /// Unexpected errors are logged with their trace id and shown as a page in the user's language (no stack traces
    /// outside Development); status codes without a body (404, 403, …) get the same page. The API answers with ProblemDetails.
    /// </summary>
    public static WebApplication UseHubErrors(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = ex => ex is RuleException refusal ? RuleStatus.Of(refusal.Kind)
                    : StatusCodes.Status500InternalServerError,
                // UnexpectedErrorHandler logs each one once, with the trace id; the middleware would log it again.
                SuppressDiagnosticsCallback = _ => true,
            });
        }

        app.UseWhen(
            ctx => !ctx.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(
            ctx => ctx.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePages());
        return app;
    }
}
