using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Platform.Audit;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform;

public sealed class AuditLogTests
{
    [Theory, OnEveryDatabase]
    public async Task A_write_through_a_page_is_logged_with_who_when_and_which_record(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var operatorUser = await host.CreateAsync(HubRoles.Operator);
        var organization = await host.CreateOrganizationAsync();
        var applicant = await host.CreateAsync(null);
        Guid membershipId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDb>();
            var membership = SeoulAiHub.Features.Organizations.OrganizationMembership.Request(organization.Id, applicant.Id,
                HubRoles.TenantMember, DateTimeOffset.UtcNow);
            db.OrganizationMemberships.Add(membership);
            await db.SaveChangesAsync();
            membershipId = membership.Id;
        }

        using var client = await host.SignedInClientAsync(operatorUser);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var token = await client.TokenAsync("/admin/memberships");
        (await client.PostFormAsync($"/admin/memberships?handler=Approve&id={membershipId}",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token })).Dispose();

        var entry = await host.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == "OrganizationMembership" && e.EntityId == membershipId.ToString() && e.Action == "update"));
        Assert.Equal(operatorUser.Id, entry.ActorId);
        Assert.Equal(operatorUser.Email, entry.Actor);
        // The in-process test server has no remote address; the browser tests check it over real TCP.
        Assert.True(entry.At >= before && entry.At <= DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Contains("Status", entry.Details, StringComparison.Ordinal);
        var roleGrant = await host.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "IdentityUserRole`1" &&
            e.Action == "create" && e.ActorId == operatorUser.Id));
        Assert.True(roleGrant);
    }

    [Theory, OnEveryDatabase]
    public async Task Reading_personal_data_is_logged(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var member = await host.CreateAsync(HubRoles.TenantMember, organization.Id);
        using var client = await host.SignedInClientAsync(member);

        var page = await client.GetDocumentAsync($"/organizations/{organization.Id}/members");
        Assert.Contains(member.Email, page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var read = await host.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Action == "read.personal-data" && e.EntityId == organization.Id.ToString()));
        Assert.Equal(member.Id, read.ActorId);
        Assert.Contains("members page: 1 people", read.Details, StringComparison.Ordinal);
    }

    [Theory, OnEveryDatabase]
    public async Task The_application_refuses_to_change_or_delete_audit_rows(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync();

        db.AuditEntries.Remove(entry);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Theory, OnEveryDatabase]
    public async Task The_database_refuses_to_change_or_delete_audit_rows_even_with_raw_SQL(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var count = await db.AuditEntries.CountAsync();
        // Identifiers in double quotes are valid on both SQLite and PostgreSQL.
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'tampered'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));

        Assert.True(await db.AuditEntries.CountAsync() >= count);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "tampered"));
    }
}
