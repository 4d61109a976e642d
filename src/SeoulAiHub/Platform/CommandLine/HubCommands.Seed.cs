using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement.Demo;
using SeoulAiHub.Features.Facilities.Demo;
using SeoulAiHub.Features.Outcomes.Demo;
using SeoulAiHub.Features.Programs.Demo;
using SeoulAiHub.Features.Spaces.Demo;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Seeding;

namespace SeoulAiHub.Platform.CommandLine;

/// <summary>The seed verbs: the demo hub on an empty database, and the synthetic loads for the benchmarks.</summary>
public static partial class HubCommands
{
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
}
