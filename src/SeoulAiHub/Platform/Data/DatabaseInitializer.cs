using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Platform.Data;

/// <summary>Brings a database to the current schema, creates the roles and the first operator, seeds the demo hub.</summary>
public sealed class DatabaseInitializer(
    HubDb db,
    UserManager<HubUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    DemoSeeder demo,
    IEnumerable<IReferenceData> referenceData,
    IOptions<HubOptions> options,
    ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while one writer commits; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        foreach (var role in HubRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        foreach (var data in referenceData)
        {
            await data.EnsureAsync(db, ct);
        }
    }

    /// <summary>Start-up: migrate, make sure an operator exists, and load the demo hub into an empty database.</summary>
    public async Task PrepareAsync(TextWriter console, CancellationToken ct = default)
    {
        await MigrateAsync(ct);
        await EnsureFirstOperatorAsync(console);
        if (options.Value.SeedDemoData && !await db.Organizations.AnyAsync(ct))
        {
            await demo.SeedAsync(console, ct);
        }
    }

    private async Task EnsureFirstOperatorAsync(TextWriter console)
    {
        var hub = options.Value;
        if (await users.FindByEmailAsync(hub.AdminEmail) is not null)
        {
            return;
        }

        var generated = string.IsNullOrEmpty(hub.AdminPassword);
        var password = generated ? PasswordGenerator.Strong() : hub.AdminPassword!;
        var admin = HubUser.Create(hub.AdminEmail, "허브 운영자");
        admin.EmailConfirmed = true;
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Hub:AdminPassword does not satisfy the password rule: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, HubRoles.Operator);
        logger.LogInformation("Created the first operator {Email}", hub.AdminEmail);
        if (generated)
        {
            await console.WriteLineAsync($"""

                ==============================================================
                 첫 운영자 계정 / First operator account
                   email:    {hub.AdminEmail}
                   password: {password}
                 이 비밀번호는 지금 한 번만 표시됩니다. / Shown only this once.
                ==============================================================

                """);
        }
    }
}

public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareAsync(Console.Out);
    }
}
