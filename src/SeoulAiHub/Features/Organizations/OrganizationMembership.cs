using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Features.Organizations;

/// <summary>기관 내 역할 — what a member may do inside their organization.</summary>
public enum MembershipRole
{
    Member,
    /// <summary>Keeps the profile and invites members.</summary>
    Admin,
}

public enum MembershipStatus
{
    /// <summary>Asked for at self-registration; an operator confirms it.</summary>
    Pending,
    Active,
}

/// <summary>소속 — a person belongs to an organization. Only active memberships grant access.</summary>
public sealed class OrganizationMembership
{
    public Guid Id { get; private init; }
    public Guid OrganizationId { get; private init; }
    public Organization Organization { get; private init; } = null!;
    public Guid UserId { get; private init; }
    public HubUser User { get; private init; } = null!;
    public MembershipRole Role { get; private set; }
    public MembershipStatus Status { get; private set; }

    /// <summary>The hub role granted when the membership becomes active (tenant member or demand organization member).</summary>
    public string HubRole { get; private init; } = HubRoles.TenantMember;
    public DateTimeOffset RequestedAt { get; private init; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    public static OrganizationMembership Request(Guid organizationId, Guid userId, string hubRole, DateTimeOffset now) =>
        New(organizationId, userId, hubRole, MembershipRole.Member, MembershipStatus.Pending, now);

    public static OrganizationMembership Grant(Guid organizationId, Guid userId, string hubRole, MembershipRole role, DateTimeOffset now)
    {
        var membership = New(organizationId, userId, hubRole, role, MembershipStatus.Active, now);
        membership.ApprovedAt = now;
        return membership;
    }

    private static OrganizationMembership New(Guid organizationId, Guid userId, string hubRole, MembershipRole role,
        MembershipStatus status, DateTimeOffset now)
    {
        if (!HubRoles.NeedsOrganization(hubRole))
        {
            throw new ArgumentException($"{hubRole} is not an organization role.", nameof(hubRole));
        }

        return new OrganizationMembership
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            UserId = userId,
            HubRole = hubRole,
            Role = role,
            Status = status,
            RequestedAt = now,
        };
    }

    public void Approve(DateTimeOffset now)
    {
        if (Status == MembershipStatus.Active)
        {
            throw new InvalidOperationException("The membership is already active.");
        }

        Status = MembershipStatus.Active;
        ApprovedAt = now;
    }
}

internal sealed class OrganizationMembershipConfiguration : IEntityTypeConfiguration<OrganizationMembership>
{
    public void Configure(EntityTypeBuilder<OrganizationMembership> b)
    {
        b.ToTable("OrganizationMemberships");
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.HubRole).HasMaxLength(64);
        b.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.OrganizationId, m.UserId }).IsUnique();
        b.HasIndex(m => new { m.UserId, m.Status });
    }
}
