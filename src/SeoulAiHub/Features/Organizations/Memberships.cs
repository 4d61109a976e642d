using Microsoft.EntityFrameworkCore;

namespace SeoulAiHub.Features.Organizations;

/// <summary>An organization a person belongs to, with its names (for choosers: "book for", "request for").</summary>
public sealed record MemberOrganization(Guid Id, string NameKo, string NameEn);

/// <summary>
/// What every module means by "a member of": an active membership (a pending request from self-registration does not
/// count until an operator confirms it). One definition, so that programs, outcomes, engagement, facilities and compute
/// cannot come to disagree about it.
/// </summary>
public static class Memberships
{
    /// <summary>The person's active memberships, to compose into larger queries.</summary>
    public static IQueryable<OrganizationMembership> ActiveOf(this IQueryable<OrganizationMembership> memberships, Guid userId) =>
        memberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Active);

    public static Task<bool> IsActiveMemberAsync(this IQueryable<OrganizationMembership> memberships, Guid userId, Guid organizationId,
        CancellationToken ct = default) =>
        memberships.ActiveOf(userId).AnyAsync(m => m.OrganizationId == organizationId, ct);

    /// <summary>The ids of the person's organizations, in id order (stable for "the only one" defaults).</summary>
    public static Task<List<Guid>> OrganizationIdsOfAsync(this IQueryable<OrganizationMembership> memberships, Guid userId, CancellationToken ct = default) =>
        memberships.AsNoTracking().ActiveOf(userId).OrderBy(m => m.OrganizationId).Select(m => m.OrganizationId).ToListAsync(ct);

    /// <summary>The person's organizations with their names, in Korean name order.</summary>
    public static Task<List<MemberOrganization>> OrganizationsOfAsync(this IQueryable<OrganizationMembership> memberships, Guid userId,
        CancellationToken ct = default) =>
        memberships.AsNoTracking().ActiveOf(userId).OrderBy(m => m.Organization.NameKo)
            .Select(m => new MemberOrganization(m.OrganizationId, m.Organization.NameKo, m.Organization.NameEn)).ToListAsync(ct);
}
