using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Platform.Identity;

/// <summary>Identity's messages in the user's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    private IdentityError Error(string code) => new() { Code = code, Description = t["Identity." + code] };

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidEmail));
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort),
        Description = t["Password.Rule"] };
    public override IdentityError DefaultError() => Error(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(DefaultError));
}
