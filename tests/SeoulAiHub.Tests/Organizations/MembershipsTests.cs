using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Organizations;

/// <summary>The one definition of "a member of" that every module's access rules use.</summary>
public sealed class MembershipsTests
{
    [Theory, OnEveryDatabase]
    public async Task Only_active_memberships_count_and_the_organizations_come_with_their_names(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var first = await host.CreateOrganizationAsync("가나 시험기관 " + Guid.NewGuid().ToString("N")[..6]);
        var second = await host.CreateOrganizationAsync("하늘 시험기관 " + Guid.NewGuid().ToString("N")[..6]);
        var pending = await host.CreateOrganizationAsync();
        var member = await host.CreateAsync(HubRoles.TenantMember, second.Id);
        await host.QueryAsync(async db =>
        {
            db.OrganizationMemberships.Add(OrganizationMembership.Grant(first.Id, member.Id, HubRoles.TenantMember, MembershipRole.Member,
                DateTimeOffset.UtcNow));
            db.OrganizationMemberships.Add(OrganizationMembership.Request(pending.Id, member.Id, HubRoles.TenantMember,
                DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        var names = await host.QueryAsync(db => db.OrganizationsOfAsync(member.Id));
        Assert.Equal([first.Id, second.Id], names.Select(o => o.Id));   // Korean name order: 가나 before 하늘
        Assert.Equal(second.NameEn, names[1].NameEn);

        var ids = await host.QueryAsync(db => db.OrganizationIdsOfAsync(member.Id));
        Assert.Equal(new HashSet<Guid> { first.Id, second.Id }, ids.ToHashSet());
        Assert.True(await host.QueryAsync(db => db.IsActiveMemberAsync(member.Id, first.Id)));
        Assert.False(await host.QueryAsync(db => db.IsActiveMemberAsync(member.Id, pending.Id)));
        Assert.Empty(await host.QueryAsync(db => db.OrganizationIdsOfAsync(Guid.NewGuid())));
    }
}
