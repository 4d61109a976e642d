using System.Net;
using System.Text;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;
using static SeoulAiHub.Tests.Compute.Services.ComputeScenario;
using static SeoulAiHub.Tests.Infrastructure.PageAnswers;

namespace SeoulAiHub.Tests.Compute.Pages;

/// <summary>An operator uploads sacct output on the manage page and reads what was imported and what was not.</summary>
public sealed class UsageUploadPageTests
{
    [Theory, OnEveryDatabase]
    public async Task An_operator_uploads_sacct_and_reads_the_report_with_rejected_lines_tenants_cannot(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var cluster = await ClusterAsync(host);
        using var op = await host.SignedInClientAsync(await host.CreateAsync(HubRoles.Operator));
        var text = string.Join('\n', SacctHeader, Job(host, 7001, "lab-z", 1, 60),
            "7002|7002|lab-z|kim|h100|COMPLETED|2026-01-01T00:00:00|2026-01-01T01:00:00|1:xx|gres/gpu=1|x");

        using var uploaded = await UploadAsync(op, cluster.Id, text);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var report = await op.GetDocumentAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Equal("2", report.QuerySelector("#report-lines")!.TextContent.Trim());
        Assert.Equal("1", report.QuerySelector("#report-rejected")!.TextContent.Trim());
        var rejected = report.QuerySelector("#rejected-lines tbody tr")!;
        Assert.Equal("3", rejected.QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("Elapsed 값을 읽을 수 없습니다", rejected.TextContent, StringComparison.Ordinal);
        Assert.Contains("lab-z", report.QuerySelector("#unmatched-accounts")!.TextContent, StringComparison.Ordinal);

        // No file: a message, no import.
        using (var empty = await UploadAsync(op, cluster.Id, null))
        {
            await AssertRefusedAsync(empty, "sacct 파일을 선택하세요");
        }

        using var tenant = (await host.SignedInAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id)).Client;
        using (var response = await tenant.GetAsync("/compute/manage"))
        {
            AssertDenied(response);
        }

        using (var response = await tenant.GetAsync("/compute/report"))
        {
            AssertDenied(response);
        }
    }

    /// <summary>The manage page's upload form, posted as a browser does (multipart, with the page's antiforgery token).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HubClient client, Guid clusterId, string? text)
    {
        var page = await client.GetDocumentAsync("/compute/manage");
        var token = page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(clusterId.ToString()), "Upload.ClusterId" },
            { new StringContent(""), "Upload.Columns" },
        };
        if (text is not null)
        {
            content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "Upload.File", "sacct-upload.txt");
        }

        return await client.Http.PostAsync("/compute/manage?handler=Import", content);
    }
}
