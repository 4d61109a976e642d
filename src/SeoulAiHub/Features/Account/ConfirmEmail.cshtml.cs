using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeoulAiHub.Platform.Email;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Account;

[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<HubUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = EmailLinks.DecodeToken(code);
        if (token is null || userId is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
