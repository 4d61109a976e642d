using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Compute;

/// <summary>
/// Who sees which allocations. Operators and overseers see all (overseers change nothing); a member of an organization
/// sees its own organization's allocations, requests for it and accepts its terms; anybody else sees none. An
/// allocation a person may not see answers 404.
/// </summary>
public sealed class ComputeAccess(HubDb db)
{
    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(HubRoles.Operator) || user.IsInRole(HubRoles.Overseer);

    public static bool Manages(ClaimsPrincipal user) => user.IsInRole(HubRoles.Operator);

    /// <summary>The organizations the person is an active member of, with their names (for the request form).</summary>
    public async Task<List<MemberOrganization>> OrganizationsOfAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        user.UserId() is { } userId ? await db.OrganizationsOfAsync(userId, ct) : [];

    public async Task<bool> CanReadAsync(Guid organizationId, ClaimsPrincipal user, CancellationToken ct = default) =>
        SeesAll(user) || await IsMemberAsync(organizationId, user, ct);

    public async Task<bool> IsMemberAsync(Guid organizationId, ClaimsPrincipal user, CancellationToken ct = default) =>
        user.UserId() is { } userId && await db.IsActiveMemberAsync(userId, organizationId, ct);
}

/// <summary>How the compute pages and API write dates, hours, shares and months (they read input with <c>FormValue</c>).</summary>
public static class ComputeForms
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Hours(double hours) => hours.ToString("#,0.#", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>"2026-03" for a month index (year × 12 + month − 1).</summary>
    public static string Month(int index) => $"{index / 12:0000}-{index % 12 + 1:00}";
}
