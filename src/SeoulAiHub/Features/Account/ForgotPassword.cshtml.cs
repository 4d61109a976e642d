using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Email;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Account;

/// <summary>Sends a reset link. The answer is the same whether or not the address is known (no account probing).</summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<HubUser> users, EmailOutbox outbox, EmailLinks links, AuditLog audit,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public ForgotPasswordInput Input { get; set; } = new();
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email);
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = links.Build("/account/reset-password", new Dictionary<string, string?>
            {
                ["email"] = user.Email,
                ["code"] = EmailLinks.EncodeToken(token),
            });
            await outbox.EnqueueAsync(user.Email!, t["Email.Reset.Subject"], t["Email.Reset.Body", user.DisplayName], link,
                t["Email.Reset.Link"], ct);
            await audit.EventAsync("password-reset.requested", "HubUser", user.Id.ToString(), ct: ct);
        }

        Sent = true;
        return Page();
    }
}

public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";
}
