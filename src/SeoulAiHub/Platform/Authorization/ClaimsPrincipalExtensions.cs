using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Platform.Authorization;

/// <summary>The one way to learn who is signed in: pages, endpoints and the audit log all read the id here.</summary>
public static class ClaimsPrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The signed-in person's record, found by <see cref="UserId"/>; null when signed out or since deleted.</summary>
    public static async Task<HubUser?> CurrentUserAsync(this UserManager<HubUser> users, ClaimsPrincipal user) =>
        user.UserId() is { } id ? await users.FindByIdAsync(id.ToString()) : null;
}
