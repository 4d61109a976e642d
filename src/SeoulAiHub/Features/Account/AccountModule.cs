using Microsoft.AspNetCore.Identity;

namespace SeoulAiHub.Features.Account;

public static class AccountModule
{
    public static IServiceCollection AddAccountModule(this IServiceCollection services) => services;
}

/// <summary>Where to go after signing in: the asked address when it is local, else home.</summary>
internal static class ReturnUrls
{
    public static string OrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } && Platform.Localization.LocalizationSetup.IsLocal(returnUrl) ? returnUrl : "/";
}

internal static class IdentityResultExtensions
{
    public static void AddTo(this IdentityResult result, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(string.Empty, error.Description);
        }
    }
}
