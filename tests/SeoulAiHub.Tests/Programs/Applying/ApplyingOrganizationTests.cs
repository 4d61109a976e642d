using System.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Programs;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Programs.Applying;

/// <summary>Which organization applies, for a member of several: one of their own, chosen on the call page.</summary>
public sealed class ApplyingOrganizationTests
{
    [Theory, OnEveryDatabase]
    public async Task A_member_of_several_organizations_chooses_which_one_applies(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var call = await host.CreateCallAsync();
        var first = await host.CreateOrganizationAsync();
        var second = await host.CreateOrganizationAsync();
        var foreign = await host.CreateOrganizationAsync();
        var (member, user) = await host.MemberAsync(first.Id);
        using var _member = member;
        await host.QueryAsync(db =>
        {
            db.OrganizationMemberships.Add(OrganizationMembership.Grant(second.Id, user.Id, HubRoles.TenantMember, MembershipRole.Member,
                DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });

        var options = (await member.GetDocumentAsync($"/calls/{call.Id}"))
            .QuerySelectorAll("form.apply-form select[name=OrganizationId] option")
            .Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(new[] { first.Id.ToString(), second.Id.ToString() }.Order(), options.Order());

        using (var refused = await member.SubmitFormAsync($"/calls/{call.Id}/apply",
            new Dictionary<string, string> { ["OrganizationId"] = foreign.Id.ToString() }))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotEmpty(ProgramPages.Alerts(await HubClient.ParseAsync(refused)));
        }

        using (var started = await member.SubmitFormAsync($"/calls/{call.Id}",
            new Dictionary<string, string> { ["OrganizationId"] = second.Id.ToString() }, "form.apply-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        }

        var applicants = await host.QueryAsync(db => db.Applications.Where(a => a.CallId == call.Id)
            .Select(a => a.OrganizationId).ToListAsync());
        Assert.Equal([second.Id], applicants);
    }
}
