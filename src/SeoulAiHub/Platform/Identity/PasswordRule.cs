using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Platform.Identity;

/// <summary>
/// The hub's password rule (KISA guidance): at least 10 characters, or at least 8 with two kinds of
/// characters among lower case, upper case, digits and others.
/// </summary>
public static class PasswordRule
{
    public static bool IsSatisfiedBy(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }

        var length = password.EnumerateRunes().Count();
        return length >= 10 || (length >= 8 && CharacterKinds(password) >= 2);
    }

    public static int CharacterKinds(string password)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in password)
        {
            if (char.IsAsciiLetterLower(c)) lower = true;
            else if (char.IsAsciiLetterUpper(c)) upper = true;
            else if (char.IsAsciiDigit(c)) digit = true;
            else other = true;
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}

internal sealed class PasswordRuleValidator(IStringLocalizer<SharedResource> t) : IPasswordValidator<HubUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<HubUser> manager, HubUser user, string? password) =>
        Task.FromResult(PasswordRule.IsSatisfiedBy(password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordRule", Description = t["Password.Rule"] }));
}
