using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SeoulAiHub.Features.Errors;

/// <summary>The page for every error status, in the user's language, with a trace id for support but no internals.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string TraceId { get; private set; } = "";

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        // An exception re-executed here carries its status already (500, or a refusal's 404/403 …).
        var exceptionStatus = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
            && Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        Code = code is >= 400 and < 600 ? code.Value : exceptionStatus;
        TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is not null)
        {
            Response.StatusCode = Code;
        }
    }
}
