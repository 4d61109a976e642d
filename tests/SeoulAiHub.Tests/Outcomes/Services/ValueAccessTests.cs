using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Outcomes.Services.OutcomesServiceScenario;

namespace SeoulAiHub.Tests.Outcomes.Services;

/// <summary>Who reaches an organization's reported values: its members, operators and overseers.</summary>
public sealed class ValueAccessTests
{
    private static readonly Guid Operator = Guid.NewGuid();

    [Theory, OnEveryDatabase]
    public async Task Only_members_operators_and_overseers_reach_an_organizations_values(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var orgs = await OrganizationsAsync(host, OrganizationType.Startup, OrganizationType.Startup);
        var member = await host.CreateAsync(HubRoles.TenantMember, orgs[0].Id);
        var otherMember = await host.CreateAsync(HubRoles.TenantMember, orgs[1].Id);

        static ClaimsPrincipal User(Guid? id, params string[] roles) => new(new ClaimsIdentity(
            (id is { } i ? new[] { new Claim(ClaimTypes.NameIdentifier, i.ToString()) } : [])
                .Concat(roles.Select(r => new Claim(ClaimTypes.Role, r))), id is null ? null : "test"));

        Task<ValuesAccess> AccessAsync(ClaimsPrincipal user, Guid org) => host.WithAsync<OutcomeAccess, ValuesAccess>(a =>
            a.ForAsync(user, org));

        Assert.Equal(ValuesAccess.Report, await AccessAsync(User(member.Id, HubRoles.TenantMember), orgs[0].Id));
        Assert.Equal(ValuesAccess.None, await AccessAsync(User(member.Id, HubRoles.TenantMember), orgs[1].Id));
        Assert.Equal(ValuesAccess.Read, await AccessAsync(User(Guid.NewGuid(), HubRoles.Overseer), orgs[0].Id));
        Assert.Equal(ValuesAccess.Report, await AccessAsync(User(otherMember.Id, HubRoles.TenantMember), orgs[1].Id));
        Assert.Equal(ValuesAccess.None, await AccessAsync(User(otherMember.Id, HubRoles.TenantMember), orgs[0].Id));
        Assert.Equal(ValuesAccess.Read, await AccessAsync(User(otherMember.Id, HubRoles.Overseer), orgs[0].Id));
        Assert.Equal(ValuesAccess.Review, await AccessAsync(User(Guid.NewGuid(), HubRoles.Operator), orgs[0].Id));
        Assert.Equal(ValuesAccess.None, await AccessAsync(User(Guid.NewGuid(), HubRoles.Reviewer), orgs[0].Id));
        Assert.Equal(ValuesAccess.None, await AccessAsync(User(null), orgs[0].Id));
        Assert.Equal(ValuesAccess.None, await AccessAsync(User(member.Id), orgs[1].Id));

        Assert.True(OutcomeAccess.SeesOrganizations(User(Guid.NewGuid(), HubRoles.Overseer)));
        Assert.True(OutcomeAccess.SeesOrganizations(User(Guid.NewGuid(), HubRoles.Operator)));
        Assert.False(OutcomeAccess.SeesOrganizations(User(member.Id, HubRoles.TenantMember)));
        Assert.False(OutcomeAccess.SeesOrganizations(User(null)));
    }
}
