using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Facilities.Services;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Platform;

/// <summary>
/// One error path: a broken rule is one exception type, turned into a form message by one page filter and into
/// ProblemDetails by one endpoint filter; an unexpected exception is logged once, with the trace id the page shows.
/// </summary>
public sealed class ErrorPathTests
{
    private static readonly Assembly App = typeof(HubDb).Assembly;

    [Fact]
    public void The_application_has_one_rule_exception_and_no_module_defines_its_own()
    {
        var exceptions = App.GetTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).Select(t => t.FullName).Order().ToList();
        Assert.Equal(["SeoulAiHub.Platform.CommandLine.HubCommands+CommandException", "SeoulAiHub.Platform.Errors.RuleException"],
            exceptions);
    }

    [Fact]
    public void Pages_and_endpoints_do_not_catch_refusals_to_translate_them()
    {
        var root = Path.Combine(TestPaths.RepositoryRoot(), "src", "SeoulAiHub", "Features");
        var catching = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml.cs", StringComparison.Ordinal) || f.EndsWith("Endpoints.cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("catch (RuleException", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.True(catching.Count == 0, "RulePageFilter and RuleEndpointFilter handle refusals; remove the catch in: " +
            string.Join(", ", catching));
    }

    [Fact]
    public async Task An_api_refusal_is_a_problem_whose_status_comes_from_its_kind()
    {
        var host = await TestHosts.GetAsync(DatabaseProvider.Sqlite);
        var organization = await host.CreateOrganizationAsync();
        using var member = await host.ClientAsync(HubRoles.TenantMember, organization.Id);

        using var missing = await member.Http.PostAsync($"/api/facilities/bookings/{Guid.NewGuid()}/cancel", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Facilities.Error.NoSuchBooking", problem.GetProperty("rule").GetString());
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task An_unexpected_error_is_logged_once_with_the_trace_id_that_the_error_page_shows()
    {
        await using var host = await TestHosts.StartAsync(DatabaseProvider.Sqlite, services: s => s.AddFakeLogging());
        using var client = host.CreateHubClient();
        await host.MakeDatabaseUnreachableAsync();
        var logs = host.Services.GetFakeLogCollector();
        logs.Clear();

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.InternalServerError, home.StatusCode);
        var traceId = (await HubClient.ParseAsync(home)).QuerySelector("main code")!.TextContent.Trim();

        // EF logs its own failed command, and background services (the mail outbox) report their own failures to
        // reach the database; the request's exception is reported once, by the error path, with the id.
        var background = host.Services.GetServices<IHostedService>().Select(s => s.GetType().FullName).ToHashSet();
        var reported = logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error && r.Exception is not null
            && !r.Category!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            && !background.Contains(r.Category)).ToList();
        var entry = Assert.Single(reported);
        Assert.Contains(traceId, entry.Message, StringComparison.Ordinal);
    }
}
