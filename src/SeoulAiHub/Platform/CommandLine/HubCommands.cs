using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Platform.CommandLine;

/// <summary>
/// Verbs on the same program: <c>migrate</c>, <c>seed demo</c>, <c>seed synthetic --organizations N</c>,
/// <c>seed review --applications N --reviewers R</c>, <c>seed engagement --opinions N</c>,
/// <c>seed facilities --resources N --bookings M</c>,
/// <c>create-user --email E --role R [--organization O] [--name N]</c>, <c>sacct synthetic --lines N --out FILE</c>,
/// <c>import sacct --cluster C FILE</c> (the compute verbs are in <see cref="ComputeCommands"/>). Anything else that does not start with
/// a dash is an error: usage is printed and the exit code is 2.
/// </summary>
public static partial class HubCommands
{
    public const string Usage = """
        사용법 / Usage:
          dotnet run --project src/SeoulAiHub                       웹 서버 실행 / run the web server
          dotnet run --project src/SeoulAiHub -- migrate            데이터베이스 마이그레이션 / apply migrations
          dotnet run --project src/SeoulAiHub -- seed demo          데모 허브 적재 / load the demo hub (empty database)
          dotnet run --project src/SeoulAiHub -- seed synthetic --organizations N
                                                                    합성 데이터 생성 / synthetic data for load tests
          dotnet run --project src/SeoulAiHub -- seed review --applications N --reviewers R
                                                                    합성 심사 생성 / a scored call for load tests
          dotnet run --project src/SeoulAiHub -- seed outcomes --quarters Q
                                                                    합성 성과 이력 (전체 기관 × 11개 지표 × Q분기) / KPI history for load tests
          dotnet run --project src/SeoulAiHub -- seed engagement --opinions N
                                                                    합성 현장 의견·방문·조치 과제 / opinions, visits, actions for load tests
          dotnet run --project src/SeoulAiHub -- seed facilities --resources N --bookings M
                                                                    합성 시설·예약 / facilities and bookings for load tests
          dotnet run --project src/SeoulAiHub -- sacct synthetic --lines N --out FILE [--months M]
                                                                    합성 sacct 파일 작성 / write a synthetic Slurm accounting file
          dotnet run --project src/SeoulAiHub -- import sacct --cluster C [--columns a,b,…] FILE
                                                                    GPU 사용량 가져오기 / import Slurm usage (sacct --parsable2)
          dotnet run --project src/SeoulAiHub -- create-user --email E --role R [--organization O] [--name N]
                                                                    사용자 생성 / create a user (password printed once)
        roles: Operator, TenantMember, Reviewer, DemandOrganizationMember, Overseer, Learner
        Configuration comes from appsettings.json and environment variables (e.g. Database__Provider=Postgres).
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <summary>Verbs' own options are not host configuration; the web server gets its arguments as they are.</summary>
    public static string[] HostArguments(string[] args) => IsCommand(args) ? [] : args;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        try
        {
            var command = Parse(args);
            if (command is null)
            {
                await output.WriteLineAsync(Usage);
                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            return await command(scope.ServiceProvider, output);
        }
        catch (CommandException ex)
        {
            await output.WriteLineAsync("오류 / error: " + ex.Message);
            await output.WriteLineAsync();
            await output.WriteLineAsync(Usage);
            return 2;
        }
    }

    private static Func<IServiceProvider, TextWriter, Task<int>>? Parse(string[] args)
    {
        if (args is ["import", "sacct", .. var importArgs])
        {
            var file = importArgs.Length > 0 && !importArgs[^1].StartsWith("--", StringComparison.Ordinal) ? importArgs[^1] : null;
            var importOptions = ParseOptions(file is null ? importArgs : importArgs[..^1]);
            return (sp, o) => ComputeCommands.ImportSacctAsync(sp, o, importOptions, file);
        }

        var options = ParseOptions(args.Skip(args.Length > 1 && args[0] is "seed" or "sacct" ? 2 : 1).ToArray());
        return args switch
        {
            ["migrate"] => Migrate,
            ["seed", "demo"] => SeedDemo,
            ["seed", "synthetic", ..] => (sp, o) => SeedSynthetic(sp, o, options),
            ["seed", "review", ..] => (sp, o) => SeedReview(sp, o, options),
            ["seed", "outcomes", ..] => (sp, o) => SeedOutcomes(sp, o, options),
            ["seed", "engagement", ..] => (sp, o) => SeedEngagement(sp, o, options),
            ["seed", "facilities", ..] => (sp, o) => SeedFacilities(sp, o, options),
            ["create-user", ..] => (sp, o) => CreateUser(sp, o, options),
            ["sacct", "synthetic", ..] => (sp, o) => ComputeCommands.WriteSyntheticSacctAsync(sp, o, options),
            _ => null,
        };
    }

    private static Dictionary<string, string> ParseOptions(string[] rest)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rest.Length; i++)
        {
            var name = rest[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length == 2)
            {
                throw new CommandException($"unexpected argument '{name}'");
            }

            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                options[name[2..eq]] = name[(eq + 1)..];
            }
            else if (i + 1 < rest.Length && !rest[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name[2..]] = rest[++i];
            }
            else
            {
                throw new CommandException($"option '{name}' needs a value");
            }
        }

        return options;
    }

    private static async Task<int> Migrate(IServiceProvider services, TextWriter output)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await output.WriteLineAsync("데이터베이스가 최신 상태입니다. / The database is up to date.");
        return 0;
    }

    private static async Task<int> CreateUser(IServiceProvider services, TextWriter output, Dictionary<string, string> options)
    {
        var unknown = options.Keys.Except(["email", "role", "organization", "name"], StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandException($"unknown option --{unknown[0]}");
        }

        if (!options.TryGetValue("email", out var email) || !email.Contains('@', StringComparison.Ordinal))
        {
            throw new CommandException("create-user needs --email with an email address");
        }

        if (!options.TryGetValue("role", out var roleName) || HubRoles.Find(roleName) is not { } role)
        {
            throw new CommandException("create-user needs --role, one of: " + string.Join(", ", HubRoles.All));
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var db = services.GetRequiredService<HubDb>();
        Organization? organization = null;
        if (options.TryGetValue("organization", out var orgName))
        {
            if (!HubRoles.NeedsOrganization(role))
            {
                throw new CommandException($"only {HubRoles.TenantMember} and {HubRoles.DemandOrganizationMember} belong to an " +
                    "organization");
            }

            var orgId = Guid.TryParse(orgName, out var parsed) ? parsed : Guid.Empty;
            organization = await db.Organizations.FirstOrDefaultAsync(o =>
                o.NameKo == orgName || o.NameEn == orgName || o.Id == orgId)
                ?? throw new CommandException($"no organization named '{orgName}'");
        }
        else if (HubRoles.NeedsOrganization(role))
        {
            throw new CommandException($"role {role} needs --organization");
        }

        var users = services.GetRequiredService<UserManager<HubUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var password = PasswordGenerator.Strong();
        var user = HubUser.Create(email, options.GetValueOrDefault("name") ?? email.Split('@')[0], clock.GetUtcNow());
        user.EmailConfirmed = true;

        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new CommandException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        if (organization is not null)
        {
            db.OrganizationMemberships.Add(OrganizationMembership.Grant(organization.Id, user.Id, role, MembershipRole.Admin,
                clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        await transaction.CommitAsync();
        await output.WriteLineAsync($"""
            사용자를 만들었습니다. / User created.
              email:    {email}
              role:     {role}{(organization is null ? "" : $"\n  organization: {organization.NameKo}")}
              password: {password}
            이 비밀번호는 지금 한 번만 표시됩니다. / Shown only this once.
            """);
        return 0;
    }

    internal sealed class CommandException(string message) : Exception(message);
}
