using System.Net;
using System.Net.Http.Json;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Organizations;

public sealed class OrganizationApiTests
{
    private static async Task<HttpResponseMessage> SendJsonAsync(HubClient client, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        return await client.Http.SendAsync(request);
    }

    private static string UniqueBrn() => BusinessRegistrationNumber.WithCheckDigit("8" + Random.Shared.Next(10_000_000, 99_999_999));

    [Theory, OnEveryDatabase]
    public async Task An_operator_creates_and_updates_an_organization_and_the_directory_shows_it(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Operator);
        var brn = UniqueBrn();
        var name = "새싹AI " + Guid.NewGuid().ToString("N")[..6];

        using var created = await SendJsonAsync(client, HttpMethod.Post, "/api/organizations", new
        {
            nameKo = name, nameEn = "Saessak AI", type = "Startup", businessRegistrationNumber = BusinessRegistrationNumber.Format(brn),
            headcount = 7, domains = new[] { "language" }, industries = new[] { "education" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var detail = await created.Content.ReadFromJsonAsync<OrganizationDetail>();
        Assert.Equal(BusinessRegistrationNumber.Format(brn), detail!.BusinessRegistrationNumber);

        using var updated = await SendJsonAsync(client, HttpMethod.Put, $"/api/organizations/{detail.Id}", new
        {
            nameKo = name, nameEn = "Saessak AI Inc.", type = "Sme", businessRegistrationNumber = brn, headcount = 12,
            domains = new[] { "language", "speech" },
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var found = await client.Http.GetFromJsonAsync<OrganizationList>("/api/organizations?q=" + Uri.EscapeDataString(name));
        var item = Assert.Single(found!.Items);
        Assert.Equal(("Saessak AI Inc.", "Sme"), (item.NameEn, item.Type));
        Assert.Equal(["language", "speech"], item.Domains.Order());
    }

    [Theory, OnEveryDatabase]
    public async Task Invalid_or_duplicate_registration_numbers_are_refused_with_a_message(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        using var client = await host.ClientAsync(HubRoles.Operator);

        using var invalid = await SendJsonAsync(client, HttpMethod.Post, "/api/organizations",
            new { nameKo = "잘못된번호", nameEn = "Bad", type = "Startup", businessRegistrationNumber = "124-81-00999" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("사업자등록번호가 올바르지 않습니다", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var brn = UniqueBrn();
        using var first = await SendJsonAsync(client, HttpMethod.Post, "/api/organizations",
            new { nameKo = "첫째", nameEn = "First", type = "Startup", businessRegistrationNumber = brn });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await SendJsonAsync(client, HttpMethod.Post, "/api/organizations",
            new { nameKo = "둘째", nameEn = "Second", type = "Startup", businessRegistrationNumber = brn });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("이미 다른 기관에 등록된", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknownDomain = await SendJsonAsync(client, HttpMethod.Post, "/api/organizations",
            new { nameKo = "분야", nameEn = "Domain", type = "Startup", domains = new[] { "telepathy" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownDomain.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(HubRoles.TenantMember, HttpStatusCode.Forbidden)]
    [InlineData(HubRoles.Overseer, HttpStatusCode.Forbidden)]
    public async Task Only_operators_may_write_through_the_API(string? role, HttpStatusCode expected)
    {
        var host = await TestHosts.GetAsync("Sqlite");
        var organization = await host.CreateOrganizationAsync();
        using var client = await host.ClientAsync(role, role == HubRoles.TenantMember ? organization.Id : null);
        using var create = await SendJsonAsync(client, HttpMethod.Post, "/api/organizations",
            new { nameKo = "침입", nameEn = "Intruder", type = "Startup" });
        using var update = await SendJsonAsync(client, HttpMethod.Put, $"/api/organizations/{organization.Id}",
            new { nameKo = "침입", nameEn = "Intruder", type = "Startup" });
        Assert.Equal((expected, expected), (create.StatusCode, update.StatusCode));
    }
}
