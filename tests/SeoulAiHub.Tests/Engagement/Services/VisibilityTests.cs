using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Engagement.Services.EngagementScenario;

namespace SeoulAiHub.Tests.Engagement.Services;

public sealed class VisibilityTests
{
    [Theory, OnEveryDatabase]
    public async Task Members_see_public_opinions_and_their_own_internal_ones_while_operators_and_overseers_see_all(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var own = await host.CreateOrganizationAsync();
        var other = await host.CreateOrganizationAsync();
        var op = await host.CreateAsync(HubRoles.Operator);
        var member = await host.CreateAsync(HubRoles.TenantMember, own.Id);
        var otherMember = await host.CreateAsync(HubRoles.TenantMember, other.Id);
        var outsider = await host.CreateAsync(HubRoles.Learner);
        var overseer = await host.CreateAsync(HubRoles.Overseer);

        var ownInternal = await host.RecordAsync(own.Id, "우리 기관 비공개 의견", OpinionVisibility.Internal, op.Id);
        var ownPublic = await host.RecordAsync(own.Id, "우리 기관 공개 의견", OpinionVisibility.Public, op.Id);
        var otherInternal = await host.RecordAsync(other.Id, "다른 기관 비공개 의견", OpinionVisibility.Internal, op.Id);
        var otherPublic = await host.RecordAsync(other.Id, "다른 기관 공개 의견", OpinionVisibility.Public, op.Id);
        var surveyInternal = await host.RecordAsync(null, "설문 비공개 의견", OpinionVisibility.Internal, op.Id);
        FieldOpinion[] all = [ownInternal, ownPublic, otherInternal, otherPublic, surveyInternal];

        var cases = new (ClaimsPrincipal User, FieldOpinion[] Sees)[]
        {
            (Principal(member.Id, HubRoles.TenantMember), [ownInternal, ownPublic, otherPublic]),
            (Principal(otherMember.Id, HubRoles.TenantMember), [ownPublic, otherInternal, otherPublic]),
            (Principal(outsider.Id, HubRoles.Learner), [ownPublic, otherPublic]),
            (new ClaimsPrincipal(new ClaimsIdentity()), [ownPublic, otherPublic]),
            (Principal(overseer.Id, HubRoles.Overseer), all),
            (Principal(op.Id, HubRoles.Operator), all),
        };
        var ids = all.Select(o => o.Id).ToList();
        await using var scope = host.Services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<EngagementAccess>();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        foreach (var (user, sees) in cases)
        {
            var expected = sees.Select(o => o.Id).Order().ToList();
            var listed = await (await access.VisibleAsync(db.FieldOpinions.Where(o => ids.Contains(o.Id)), user))
                .Select(o => o.Id).ToListAsync();
            Assert.Equal(expected, listed.Order());

            foreach (var opinion in all)
            {
                Assert.True(await access.CanReadAsync(opinion, user) == expected.Contains(opinion.Id),
                    $"{user.FindFirstValue(ClaimTypes.Role) ?? "anonymous"} reading '{opinion.Text}'");
            }
        }

        Assert.True(EngagementAccess.SeesAll(Principal(overseer.Id, HubRoles.Overseer)));
        Assert.False(EngagementAccess.Manages(Principal(overseer.Id, HubRoles.Overseer)));
        Assert.True(EngagementAccess.Manages(Principal(op.Id, HubRoles.Operator)));
        Assert.False(EngagementAccess.SeesAll(Principal(member.Id, HubRoles.TenantMember)));
    }
}
