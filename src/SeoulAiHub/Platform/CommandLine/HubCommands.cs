using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Compute;
using SeoulAiHub.Features.Engagement.Demo;
using SeoulAiHub.Features.Facilities.Demo;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Outcomes.Demo;
using SeoulAiHub.Features.Programs.Demo;
using SeoulAiHub.Features.Spaces.Demo;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Platform.CommandLine;

/// <summary>
/// Verbs on the same program: <c>migrate</c>, <c>seed demo</c>, <c>seed synthetic --organizations N</c>,
/// <c>seed review --applications N --reviewers R</c>, <c>seed engagement --opinions N</c>,
/// <c>seed facilities --resources N --bookings M</c>,
/// <c>create-user --email E --role R [--organization O] [--name N]</c>, <c>sacct synthetic --lines N --out FILE</c>,
/// <c>import sacct --cluster C FILE</c> (the compute verbs are in <see cref="ComputeCommands"/>). Anything else that does not start with
/// a dash is an error: usage is printed and the exit code is 2.
/// </summary>
public static class HubCommands
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

    private static async Task<int> SeedDemo(IServiceProvider services, TextWriter output)
    {
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var db = services.GetRequiredService<HubDb>();
        if (await db.Organizations.AnyAsync())
        {
            await output.WriteLineAsync("데이터베이스가 비어 있지 않아 데모 데이터를 적재하지 않았습니다. / The database already has organizations; nothing loaded.");
            return 1;
        }

        await services.GetRequiredService<DemoSeeder>().SeedAsync(output);
        return 0;
    }

    private static async Task<int> SeedSynthetic(IServiceProvider services, TextWriter output, Dictionary<string, string> options)
    {
        if (options.Keys.Any(k => !k.Equals("organizations", StringComparison.OrdinalIgnoreCase)) ||
            !options.TryGetValue("organizations", out var raw) ||
            !int.TryParse(raw, out var count) || count is < 1 or > 1_000_000)
        {
            throw new CommandException("seed synthetic needs --organizations N with N between 1 and 1000000");
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var created = await services.GetRequiredService<SyntheticData>().SeedAsync(count);
        await output.WriteLineAsync($"합성 기관 {created.Organizations:N0}곳, 사람 {created.People:N0}명을 만들었습니다. / " +
            $"Created {created.Organizations:N0} organizations and {created.People:N0} people.");
        return 0;
    }

    private static async Task<int> SeedReview(IServiceProvider services, TextWriter output, Dictionary<string, string> options)
    {
        if (options.Keys.Except(["applications", "reviewers"], StringComparer.OrdinalIgnoreCase).Any() ||
            !int.TryParse(options.GetValueOrDefault("applications"), out var applications) || applications is < 1 or > 100_000 ||
            !int.TryParse(options.GetValueOrDefault("reviewers"), out var reviewers) || reviewers is < 1 or > 50)
        {
            throw new CommandException("seed review needs --applications N (1–100000) and --reviewers R (1–50)");
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var created = await services.GetRequiredService<SyntheticReview>().SeedAsync(applications, reviewers);
        await output.WriteLineAsync($"합성 심사: 공고 {created.CallId}, 신청 {created.Applications:N0}건, 심사 배정 {created.Assignments:N0}건. / " +
            $"Synthetic review: call {created.CallId}, {created.Applications:N0} applications, {created.Assignments:N0} scored " +
            "assignments.");
        return 0;
    }

    private static async Task<int> SeedOutcomes(IServiceProvider services, TextWriter output, Dictionary<string, string> options)
    {
        if (options.Keys.Except(["quarters"], StringComparer.OrdinalIgnoreCase).Any() ||
            !int.TryParse(options.GetValueOrDefault("quarters"), out var quarters) || quarters is < 1 or > 80)
        {
            throw new CommandException("seed outcomes needs --quarters Q (1–80)");
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var created = await services.GetRequiredService<SyntheticOutcomes>().SeedAsync(quarters, line => output.WriteLine(line));
        await output.WriteLineAsync($"합성 성과: 조사 {created.Campaigns}회, 기관 {created.Organizations:N0}곳, 값 {created.Facts:N0}개. / Synthetic " +
            $"outcomes: {created.Campaigns} campaigns, {created.Organizations:N0} organizations, {created.Facts:N0} values.");
        return 0;
    }

    private static async Task<int> SeedEngagement(IServiceProvider services, TextWriter output, Dictionary<string, string> options)
    {
        if (options.Keys.Except(["opinions"], StringComparer.OrdinalIgnoreCase).Any() ||
            !int.TryParse(options.GetValueOrDefault("opinions"), out var opinions) || opinions is < 1 or > 1_000_000)
        {
            throw new CommandException("seed engagement needs --opinions N (1–1000000)");
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var created = await services.GetRequiredService<SyntheticEngagement>().SeedAsync(opinions);
        await output.WriteLineAsync($"합성 현장소통: 의견 {created.Opinions:N0}건, 방문 {created.Visits:N0}회, 조치 과제 {created.Actions:N0}건. / " +
            $"Synthetic engagement: {created.Opinions:N0} opinions, {created.Visits:N0} visits, {created.Actions:N0} action items.");
        return 0;
    }

    private static async Task<int> SeedFacilities(IServiceProvider services, TextWriter output, Dictionary<string, string> options)
    {
        if (options.Keys.Except(["resources", "bookings"], StringComparer.OrdinalIgnoreCase).Any() ||
            !int.TryParse(options.GetValueOrDefault("resources"), out var resources) || resources is < 1 or > 2000 ||
            !int.TryParse(options.GetValueOrDefault("bookings"), out var bookings) || bookings is < 0 or > 2_000_000)
        {
            throw new CommandException("seed facilities needs --resources N (1–2000) and --bookings M (0–2000000)");
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var created = await services.GetRequiredService<SyntheticFacilities>().SeedAsync(resources, bookings);
        await output.WriteLineAsync($"합성 시설 {created.Facilities:N0}곳, 예약 {created.Bookings:N0}건 (점유 칸 {created.Claims:N0}). / Synthetic " +
            $"facilities: {created.Facilities:N0} facilities, {created.Bookings:N0} bookings, {created.Claims:N0} claimed cells.");
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
