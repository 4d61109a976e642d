using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Organizations;

/// <summary>An organization a person belongs to, with its names (for choosers: "book for", "request for").</summary>
public sealed record MemberOrganization(Guid Id, string NameKo, string NameEn);

/// <summary>One of a person's memberships in any status, for their own account page.</summary>
public sealed record PersonMembership(Guid OrganizationId, string NameKo, string NameEn, MembershipRole Role, MembershipStatus Status);

/// <summary>
/// What every module means by "a member of": an active membership (a pending request from self-registration does not
/// count until an operator confirms it). One definition, so that programs, outcomes, engagement, facilities and compute
/// cannot come to disagree about it. Other modules ask here instead of reading the memberships table.
/// </summary>
public static class Memberships
{
    /// <summary>The person's active memberships, to compose into larger queries inside this module.</summary>
    internal static IQueryable<OrganizationMembership> ActiveOf(this IQueryable<OrganizationMembership> memberships, Guid userId) =>
        memberships.Where(m => m.UserId == userId && m.Status == MembershipStatus.Active);

    /// <summary>The ids of the person's organizations as a query, to compose into larger queries (a subquery in SQL).</summary>
    public static IQueryable<Guid> ActiveOrganizationIdsOf(this HubDb db, Guid userId) =>
        db.OrganizationMemberships.ActiveOf(userId).Select(m => m.OrganizationId);

    public static Task<bool> IsActiveMemberAsync(this HubDb db, Guid userId, Guid organizationId, CancellationToken ct = default) =>
        db.OrganizationMemberships.ActiveOf(userId).AnyAsync(m => m.OrganizationId == organizationId, ct);

    /// <summary>The ids of the person's organizations, in id order (stable for "the only one" defaults).</summary>
    public static Task<List<Guid>> OrganizationIdsOfAsync(this HubDb db, Guid userId, CancellationToken ct = default) =>
        db.OrganizationMemberships.AsNoTracking().ActiveOf(userId).OrderBy(m => m.OrganizationId).Select(m => m.OrganizationId)
            .ToListAsync(ct);

    /// <summary>The person's organizations with their names, in Korean name order.</summary>
    public static Task<List<MemberOrganization>> OrganizationsOfAsync(this HubDb db, Guid userId, CancellationToken ct = default) =>
        db.OrganizationMemberships.AsNoTracking().ActiveOf(userId).OrderBy(m => m.Organization.NameKo)
            .Select(m => new MemberOrganization(m.OrganizationId, m.Organization.NameKo, m.Organization.NameEn)).ToListAsync(ct);

    /// <summary>The active members of an organization with their email addresses (to notify them).</summary>
    public static async Task<List<(Guid UserId, string? Email)>> ActiveMembersAsync(this HubDb db, Guid organizationId,
        CancellationToken ct = default) =>
        [.. (await db.OrganizationMemberships.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.Status == MembershipStatus.Active)
            .Select(m => new { m.UserId, m.User.Email })
            .ToListAsync(ct)).Select(m => (m.UserId, m.Email))];

    /// <summary>Which of these people belong to which of these organizations, in any status (a conflict needs no approval).</summary>
    public static async Task<List<(Guid UserId, Guid OrganizationId)>> AnyMembershipsAsync(this HubDb db, IReadOnlyCollection<Guid> userIds,
        IReadOnlyCollection<Guid> organizationIds, CancellationToken ct = default) =>
        [.. (await db.OrganizationMemberships.AsNoTracking()
            .Where(m => userIds.Contains(m.UserId) && organizationIds.Contains(m.OrganizationId))
            .Select(m => new { m.UserId, m.OrganizationId })
            .ToListAsync(ct)).Select(m => (m.UserId, m.OrganizationId))];

    /// <summary>Every membership of the person, pending ones too, in Korean name order.</summary>
    public static Task<List<PersonMembership>> MembershipsOfAsync(this HubDb db, Guid userId, CancellationToken ct = default) =>
        db.OrganizationMemberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Organization.NameKo)
            .Select(m => new PersonMembership(m.OrganizationId, m.Organization.NameKo, m.Organization.NameEn, m.Role, m.Status))
            .ToListAsync(ct);

    /// <summary>A self-registered person's request to join (pending until an operator approves); saved by the caller.</summary>
    public static void RequestMembership(this HubDb db, Guid organizationId, Guid userId, string hubRole, DateTimeOffset at) =>
        db.OrganizationMemberships.Add(OrganizationMembership.Request(organizationId, userId, hubRole, at));
}
