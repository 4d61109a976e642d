using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Tests.Infrastructure;

public sealed record TestUser(Guid Id, string Email, string Password, string? AuthenticatorKey);

/// <summary>Makes people directly through the application's services, so each test starts from what it needs.</summary>
public static class TestUsers
{
    public const string Password = "Test-Password-2026";

    public static async Task<TestUser> CreateAsync(this HubAppFactory factory, string? role, Guid? organizationId = null,
        bool? twoFactor = null, MembershipRole membershipRole = MembershipRole.Member, bool confirmed = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var email = $"{role?.ToLowerInvariant() ?? "nobody"}-{Guid.NewGuid():N}@test.seoulaihub.kr";
        var user = HubUser.Create(email, "시험 사용자 (가상)");
        user.EmailConfirmed = confirmed;
        Check(await users.CreateAsync(user, Password));
        if (role is not null)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        if (organizationId is { } orgId)
        {
            db.OrganizationMemberships.Add(OrganizationMembership.Grant(orgId, user.Id, role ?? HubRoles.TenantMember, membershipRole,
                DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        string? key = null;
        if (twoFactor ?? role == HubRoles.Operator)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestUser(user.Id, email, Password, key);
    }

    public static async Task<Organization> CreateOrganizationAsync(this HubAppFactory factory, string? nameKo = null,
        OrganizationType type = OrganizationType.Startup, TenancyStatus status = TenancyStatus.Resident)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var organization = Organization.Create(nameKo ?? $"시험기관 {suffix}", $"Test Organization {suffix}", type, status,
            DateTimeOffset.UtcNow);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    }

    /// <summary>A signed-in client for a new user with the role (and organization) given; null role means anonymous.</summary>
    public static async Task<HubClient> ClientAsync(this HubAppFactory factory, string? role, Guid? organizationId = null) =>
        role is null ? factory.CreateHubClient() : (await factory.SignedInAsync(role, organizationId)).Client;

    /// <summary>A new user with the role (and organization) given, and a client signed in as them.</summary>
    public static async Task<(HubClient Client, TestUser User)> SignedInAsync(this HubAppFactory factory, string role,
        Guid? organizationId = null)
    {
        var user = await factory.CreateAsync(role, organizationId);
        return (await factory.SignedInClientAsync(user), user);
    }

    public static async Task<HubClient> SignedInClientAsync(this HubAppFactory factory, TestUser user)
    {
        var client = factory.CreateHubClient();
        await client.SignInAsync(user);
        return client;
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}

public static class TestQueries
{
    public static async Task<HubUser?> FindUserAsync(this HubAppFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>().FindByEmailAsync(email);
    }

    public static Task<List<string>> RolesOfAsync(this HubAppFactory factory, Guid userId) =>
        factory.QueryAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                  where ur.UserId == userId select r.Name!).ToListAsync());

    /// <summary>Runs a query against the host's database in a scope of its own.</summary>
    public static async Task<T> QueryAsync<T>(this HubAppFactory factory, Func<HubDb, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDb>());
    }
}
