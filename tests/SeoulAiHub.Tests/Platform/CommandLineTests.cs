using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.CommandLine;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("seed")]
    [InlineData("seed", "nonsense")]
    [InlineData("frobnicate")]
    [InlineData("seed", "synthetic")]
    [InlineData("seed", "synthetic", "--organizations", "-5")]
    [InlineData("seed", "synthetic", "--organizations", "many")]
    [InlineData("create-user", "--email", "x@test.kr")]
    [InlineData("create-user", "--email", "x@test.kr", "--role", "King")]
    [InlineData("create-user", "--email", "x@test.kr", "--role", "TenantMember")]
    [InlineData("create-user", "--email", "x@test.kr", "--role", "Learner", "--organization", "말결랩스")]
    [InlineData("create-user", "--email")]
    [InlineData("migrate", "now")]
    public async Task Bad_arguments_print_usage_and_exit_non_zero(params string[] args)
    {
        var host = await TestHosts.GetAsync("Sqlite");
        var output = new StringWriter();
        var exit = await HubCommands.RunAsync(host.Services, args, output);
        Assert.Equal(2, exit);
        Assert.Contains("Usage", output.ToString(), StringComparison.Ordinal);
        Assert.Null(await host.FindUserAsync("x@test.kr"));
    }

    [Fact]
    public void Only_a_first_word_without_a_dash_is_a_command() =>
        Assert.Equal((true, false), (HubCommands.IsCommand(["migrate"]), HubCommands.IsCommand(["--urls", "http://localhost:5099"])));

    [Theory, OnEveryDatabase]
    public async Task Create_user_makes_a_confirmed_member_with_a_printed_password(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var email = $"cli-{Guid.NewGuid():N}@test.seoulaihub.kr";
        var output = new StringWriter();

        var exit = await HubCommands.RunAsync(host.Services, ["create-user", "--email", email, "--role", "tenantmember", "--organization",
            organization.NameKo], output);

        Assert.Equal(0, exit);
        var password = output.ToString().Split('\n').Single(l => l.TrimStart().StartsWith("password:", StringComparison.Ordinal))
            .Split(':')[1].Trim();
        using var client = host.CreateHubClient();
        var user = await host.FindUserAsync(email);
        await client.SignInAsync(new TestUser(user!.Id, email, password, null));
        var membership = await host.QueryAsync(db => db.OrganizationMemberships.SingleAsync(m => m.UserId == user.Id));
        Assert.Equal((organization.Id, MembershipStatus.Active, MembershipRole.Admin, HubRoles.TenantMember),
            (membership.OrganizationId, membership.Status, membership.Role, membership.HubRole));
    }

    [Theory, OnEveryDatabase]
    public async Task Seed_synthetic_adds_organizations_and_people_and_one_audit_row(string provider)
    {
        await using var host = await TestHosts.StartAsync(provider, new Dictionary<string, string?> { ["Hub:SeedDemoData"] = "false" });
        var output = new StringWriter();

        var exit = await HubCommands.RunAsync(host.Services, ["seed", "synthetic", "--organizations", "1500"], output);

        Assert.Equal(0, exit);
        var (organizations, memberships, residents, korean) = await host.QueryAsync(async db => (
            await db.Organizations.CountAsync(),
            await db.OrganizationMemberships.CountAsync(),
            await db.Organizations.CountAsync(o => o.TenancyStatus == TenancyStatus.Resident),
            await db.Organizations.CountAsync(o => o.NameKo.EndsWith(" 1500"))));
        Assert.Equal(1500, organizations);
        Assert.Equal(3000, memberships);
        Assert.InRange(residents, 300, 600);   // about 30 %
        Assert.Equal(1, korean);
        Assert.Equal(1, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "seed.synthetic")));
    }

    [Fact]
    public async Task Seed_demo_refuses_a_database_that_already_has_organizations()
    {
        var host = await TestHosts.GetAsync("Sqlite");
        var output = new StringWriter();
        Assert.Equal(1, await HubCommands.RunAsync(host.Services, ["seed", "demo"], output));
        Assert.Contains("nothing loaded", output.ToString(), StringComparison.Ordinal);
    }
}
