using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Account;

/// <summary>Second step of sign-in: a TOTP code from an authenticator app, or a one-time recovery code.</summary>
[AllowAnonymous]
public sealed class SignInTwoFactorModel(SignInManager<HubUser> signIn, AuditLog audit, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public TwoFactorInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = new string(Input.Code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Trim());
        var email = user.Email ?? "";
        if (result.Succeeded)
        {
            await audit.SignInAttemptAsync("succeeded-two-factor", email, user.Id);
            return LocalRedirect(ReturnUrls.OrHome(ReturnUrl));
        }

        await audit.SignInAttemptAsync(result.IsLockedOut ? "locked-out" : "two-factor-failed", email, user.Id);
        ModelState.AddModelError(string.Empty, t[result.IsLockedOut ? "SignIn.LockedOut" : "TwoFactor.InvalidCode"]);
        return Page();
    }
}

public sealed class TwoFactorInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(32, ErrorMessage = "Validation.Invalid")]
    [Display(Name = "Field.TwoFactorCode")]
    public string Code { get; set; } = "";
}
