using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;
using SeoulAiHub.Platform;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Account;

/// <summary>Set up (or turn off) TOTP two-factor with an authenticator app.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TwoFactorModel(UserManager<HubUser> users, SignInManager<HubUser> signIn, AuditLog audit,
    IOptions<HubOptions> options, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public TwoFactorInput Input { get; set; } = new();

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await users.CurrentUserAsync(User) is { } user ? await ShowAsync(user) : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await users.CurrentUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return await ShowAsync(user);
        }

        var code = new string(Input.Code.Where(char.IsAsciiDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(string.Empty, t["TwoFactor.InvalidCode"]);
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await audit.EventAsync("two-factor.enabled", "HubUser", user.Id.ToString());
        // The session now counts as opened with a second factor, so an operator can start working.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.CurrentUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (MustKeep(user))
        {
            ModelState.AddModelError(string.Empty, t["TwoFactor.RequiredForOperators"]);
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.EventAsync("two-factor.disabled", "HubUser", user.Id.ToString());
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private bool MustKeep(HubUser user) => options.Value.RequireOperatorTwoFactor && User.IsInRole(HubRoles.Operator);

    private async Task<IActionResult> ShowAsync(HubUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = MustKeep(user);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            }

            SharedKey = FormatKey(key);
            var uri = AuthenticatorUri(user.Email ?? "", key);
            using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }

        return Page();
    }

    /// <summary>The otpauth URI authenticator apps read (Google Authenticator key URI format).</summary>
    public static string AuthenticatorUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString("SeoulAiHub")}:{Uri.EscapeDataString(email)}?secret={key}&issuer=SeoulAiHub&digits=6";

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
