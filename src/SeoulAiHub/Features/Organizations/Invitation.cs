using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Features.Organizations;

/// <summary>
/// 구성원 초대 — an organization admin invites someone by email. The link carries a random token; only its SHA-256
/// is stored, so the database alone cannot be used to accept an invitation. Valid for seven days, usable once.
/// </summary>
public sealed class OrganizationInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; private init; }
    public Guid OrganizationId { get; private init; }
    public Organization Organization { get; private init; } = null!;
    public string Email { get; private init; } = "";
    public MembershipRole Role { get; private init; }
    public string TokenHash { get; private init; } = "";
    public Guid? InvitedBy { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset ExpiresAt { get; private init; }
    public DateTimeOffset? AcceptedAt { get; private set; }

    public static (OrganizationInvitation Invitation, string Token) Create(Guid organizationId, string email, MembershipRole role,
        Guid? invitedBy, DateTimeOffset now)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        return (new OrganizationInvitation
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            Email = email.Trim().ToLowerInvariant(),
            Role = role,
            TokenHash = Hash(token),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        }, token);
    }

    public bool IsUsable(string? token, DateTimeOffset now) =>
        AcceptedAt is null && now < ExpiresAt && token is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(TokenHash));

    public bool IsFor(string? email) => email is not null && string.Equals(email.Trim(), Email, StringComparison.OrdinalIgnoreCase);

    public void Accept(DateTimeOffset now) => AcceptedAt = now;

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

internal sealed class OrganizationInvitationConfiguration : IEntityTypeConfiguration<OrganizationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganizationInvitation> b)
    {
        b.ToTable("OrganizationInvitations");
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasOne(i => i.Organization).WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.OrganizationId, i.Email });
    }
}
