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

[AllowAnonymous]
public sealed class SignInModel(SignInManager<HubUser> signIn, UserManager<HubUser> users, AuditLog audit,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null)
        {
            await audit.SignInAttemptAsync("unknown-user", Input.Email, null);
            ModelState.AddModelError(string.Empty, t["SignIn.Failed"]);
            return Page();
        }

        // lockoutOnFailure: every wrong password counts; the 5th locks the account.
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.SignInAttemptAsync("succeeded", Input.Email, user.Id);
            return LocalRedirect(ReturnUrls.OrHome(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            await audit.SignInAttemptAsync("password-accepted", Input.Email, user.Id);
            return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl });
        }

        var (outcome, message) = result switch
        {
            { IsLockedOut: true } => ("locked-out", "SignIn.LockedOut"),
            { IsNotAllowed: true } => ("not-allowed", "SignIn.NotConfirmed"),
            _ => ("failed", "SignIn.Failed"),
        };
        await audit.SignInAttemptAsync(outcome, Input.Email, user.Id);
        ModelState.AddModelError(string.Empty, t[message]);
        return Page();
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string Password { get; set; } = "";
}
