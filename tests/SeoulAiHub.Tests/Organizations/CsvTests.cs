using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Organizations;

public sealed class CsvTests
{
    private const string Header = "국문명,영문명,유형,사업자등록번호,설립일,임직원수,웹사이트,한줄소개,AI기술분야,적용산업,담당자이메일,대표전화";

    private static Task<HttpResponseMessage> UploadAsync(HubClient client, string content, string fileName = "orgs.csv") =>
        client.PostFileAsync("/admin/organizations/import", "/admin/organizations/import",
            new FileUpload("file", fileName, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(content)], "text/csv"));

    private static string Brn(int n) => BusinessRegistrationNumber.Format(BusinessRegistrationNumber.WithCheckDigit($"7{n:D8}"));

    [Theory, OnEveryDatabase]
    public async Task A_file_with_bad_rows_reports_each_by_line_number_and_imports_nothing(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var token = Guid.NewGuid().ToString("N")[..6];
        var seed = Random.Shared.Next(1_000_000, 9_000_000);
        var csv = string.Join("\n",
            Header,
            $"좋은기관{token},Good {token},Startup,{Brn(seed)},2021-03-02,12,https://good.example.kr,\"소개, 쉼표 " +
                "포함\",vision;data,manufacturing,a@good.kr,02-000-0000",
            $"번호틀림{token},Bad number,Startup,124-81-00999,,,,,,,,",
            $"유형틀림{token},Bad type,Spaceship,,,,,,,,,",
            $",No Korean name,스타트업,,,,,,,,,",
            $"분야틀림{token},Bad domain,Startup,,,,,,telepathy,,,",
            $"중복번호{token},Duplicate,Startup,{Brn(seed)},,,,,,,,");

        using var response = await UploadAsync(client, csv);

        var errors = (await HubClient.ParseAsync(response)).QuerySelectorAll("[data-testid=csv-errors] li")
            .Select(li => li.TextContent).ToList();
        Assert.Equal(5, errors.Count);
        Assert.StartsWith("3번째 줄", errors[0], StringComparison.Ordinal);
        Assert.Contains("사업자등록번호", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("4번째 줄", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("5번째 줄", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("6번째 줄", errors[3], StringComparison.Ordinal);
        Assert.Contains("telepathy", errors[3], StringComparison.Ordinal);
        Assert.StartsWith("7번째 줄", errors[4], StringComparison.Ordinal);
        Assert.Contains("파일 안에 두 번", errors[4], StringComparison.Ordinal);
        Assert.False(await host.QueryAsync(db => db.Organizations.AnyAsync(o => o.NameKo == $"좋은기관{token}")));
    }

    [Theory, OnEveryDatabase]
    public async Task A_good_file_imports_every_row_and_the_export_round_trips_it(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var token = Guid.NewGuid().ToString("N")[..6];
        var seed = Random.Shared.Next(1_000_000, 9_000_000);
        var csv = string.Join("\r\n",
            Header,
            $"가져온기관A{token},Imported A {token},스타트업,{Brn(seed)},2020-01-15,\"1,200\",,한 줄 소개,언어 AI;vision,finance,,",
            $"가져온기관B{token},Imported B {token},ResearchInstitute,,,,,,,,,");

        using var response = await UploadAsync(client, csv);
        Assert.Contains("2곳을 등록했습니다", (await HubClient.ParseAsync(response)).QuerySelector("[role=status]")!.TextContent,
            StringComparison.Ordinal);
        var imported = await host.QueryAsync(db => db.Organizations.Include(o => o.Domains).SingleAsync(o => o.NameKo == $"가져온기관A{token}"));
        Assert.Equal((1200, OrganizationType.Startup), (imported.Headcount!.Value, imported.Type));
        Assert.Equal(["language", "vision"], imported.Domains.Select(d => d.Code).Order());

        using var export = await client.GetAsync("/api/organizations/export.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith(Header, text, StringComparison.Ordinal);
        Assert.Contains($"가져온기관A{token},Imported A {token},Startup,{Brn(seed)},2020-01-15,1200,", text, StringComparison.Ordinal);
        Assert.Contains("말결랩스", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(HubRoles.Overseer, HttpStatusCode.Forbidden)]
    public async Task Only_operators_export(string? role, HttpStatusCode expected)
    {
        var host = await TestHosts.GetAsync("Sqlite");
        using var client = await host.ClientAsync(role);
        using var export = await client.GetAsync("/api/organizations/export.csv");
        Assert.Equal(expected, export.StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_csv_is_refused()
    {
        var host = await TestHosts.GetAsync("Sqlite");
        using var client = await host.ClientAsync(HubRoles.Operator);
        using var response = await UploadAsync(client, Header, "orgs.exe");
        Assert.Contains(".csv 파일만", (await HubClient.ParseAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
