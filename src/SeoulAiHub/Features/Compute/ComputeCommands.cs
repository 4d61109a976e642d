using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Features.Compute.Demo;
using SeoulAiHub.Platform.CommandLine;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Seeding;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Compute;

/// <summary>
/// The compute verbs: <c>sacct synthetic --lines N --out FILE [--months M]</c> and <c>import sacct --cluster C [--columns …] FILE</c>.
/// </summary>
internal static class ComputeCommands
{
    public static async Task<int> WriteSyntheticSacctAsync(IServiceProvider services, TextWriter output, Dictionary<string, string> options)
    {
        if (options.Keys.Except(["lines", "out", "months"], StringComparer.OrdinalIgnoreCase).Any() ||
            !int.TryParse(options.GetValueOrDefault("lines"), out var lines) || lines is < 1 or > 100_000_000 ||
            !options.TryGetValue("out", out var path) ||
            !int.TryParse(options.GetValueOrDefault("months", "12"), out var months) || months is < 1 or > 120)
        {
            throw new HubCommands.CommandException("sacct synthetic needs --lines N (1–100000000) and --out FILE, optionally --months M " +
                "(1–120)");
        }

        var today = Kst.Today(services.GetRequiredService<TimeProvider>());
        await using (var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16))
        {
            await SyntheticCompute.WriteAsync(file, lines, today.AddMonths(-months), today.AddDays(-1));
        }

        await output.WriteLineAsync($"sacct 파일을 썼습니다: {path} ({lines:N0}줄, 클러스터 {SyntheticCompute.SlurmName}). / Wrote {path} " +
            $"({lines:N0} lines, cluster {SyntheticCompute.SlurmName}).");
        return 0;
    }

    public static async Task<int> ImportSacctAsync(IServiceProvider services, TextWriter output,
        Dictionary<string, string> options, string? path)
    {
        if (options.Keys.Except(["cluster", "columns", "by"], StringComparer.OrdinalIgnoreCase).Any() ||
            !options.TryGetValue("cluster", out var clusterName) || path is null)
        {
            throw new HubCommands.CommandException("import sacct needs --cluster C and a FILE (optionally --columns jobid,jobidraw,…)");
        }

        if (!File.Exists(path))
        {
            throw new HubCommands.CommandException($"no file '{path}'");
        }

        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        var cluster = await services.GetRequiredService<ComputeCatalog>().FindClusterAsync(clusterName)
                      ?? throw new HubCommands.CommandException($"no cluster named '{clusterName}'");
        var columns = options.TryGetValue("columns", out var list) ? list.Split(',',
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        var t = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var watch = Stopwatch.StartNew();
        UsageImport import;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            try
            {
                import = await services.GetRequiredService<UsageImporter>().ImportAsync(cluster.Id, stream, Path.GetFileName(path),
                    columns, Guid.Empty);
            }
            catch (RuleException ex)
            {
                await output.WriteLineAsync("오류 / error: " + Both(t, ex.Key, ex.Arguments));
                return 1;
            }
        }

        await output.WriteLineAsync($"""
            가져오기 완료 / Import finished: {import.FileName} → {cluster.Name} ({watch.Elapsed.TotalSeconds:0.0} s)
              SHA-256:                     {import.Sha256}
              줄 / lines:                  {import.Lines:N0}
              반영 / accepted:             {import.Accepted:N0} (새 작업 / new {import.Inserted:N0}, 중복 / duplicates {import.Duplicates:N0})
              제외 / ignored:              {import.Ignored:N0} (작업 단계 / job steps {import.Steps:N0})
              거부 / rejected:             {import.Rejected:N0}
              할당 없음 / unmatched:       {import.Unmatched:N0}
              GPU시간 / GPU-hours:         {import.GpuSeconds / 3600.0:N1}
            """);
        foreach (var line in import.RejectedLines.Take(20))
        {
            await output.WriteLineAsync($"  {line.Line,8}: {Both(t, line.ReasonKey, line.Arguments)}");
        }

        foreach (var account in import.UnmatchedAccounts.Take(10))
        {
            await output.WriteLineAsync($"  할당 없음 / unmatched {account.Account}: {account.Jobs:N0} jobs, {account.GpuHours:N1} GPU-h");
        }

        return 0;
    }

    private static string Both(IStringLocalizer t, string key, object[] arguments)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
            var ko = t[key, arguments].Value;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            return $"{ko} / {t[key, arguments].Value}";
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
