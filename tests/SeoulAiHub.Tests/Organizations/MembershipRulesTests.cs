using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Tests.Organizations;

public sealed class MembershipRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_requested_membership_is_pending_until_approved()
    {
        var membership = OrganizationMembership.Request(Guid.NewGuid(), Guid.NewGuid(), HubRoles.TenantMember, Now);
        Assert.Equal(MembershipStatus.Pending, membership.Status);
        Assert.Null(membership.ApprovedAt);

        membership.Approve(Now.AddHours(1));
        Assert.Equal(MembershipStatus.Active, membership.Status);
        Assert.Equal(Now.AddHours(1), membership.ApprovedAt);
    }

    [Fact]
    public void Approving_an_active_membership_is_refused()
    {
        var membership = OrganizationMembership.Grant(Guid.NewGuid(), Guid.NewGuid(), HubRoles.TenantMember, MembershipRole.Admin, Now);
        Assert.Throws<InvalidOperationException>(() => membership.Approve(Now));
    }

    [Theory]
    [InlineData(HubRoles.Operator)]
    [InlineData(HubRoles.Learner)]
    [InlineData(HubRoles.Overseer)]
    public void Only_organization_roles_can_be_membership_roles(string role) =>
        Assert.Throws<ArgumentException>(() => OrganizationMembership.Request(Guid.NewGuid(), Guid.NewGuid(), role, Now));

    [Fact]
    public void An_organization_needs_both_names() =>
        Assert.Throws<ArgumentException>(() => Organization.Create("말결랩스", " ", OrganizationType.Startup, TenancyStatus.Resident, Now));
}
