using System.Net;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Organizations;

public sealed class LogoTests
{
    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static Task<HttpResponseMessage> UploadAsync(HubClient client, Guid id, byte[] bytes, string fileName, string contentType) =>
        client.PostFileAsync($"/organizations/{id}/logo", $"/organizations/{id}/logo",
            new FileUpload("file", fileName, bytes, contentType));

    [Theory, OnEveryDatabase]
    public async Task An_admin_uploads_a_logo_that_everyone_then_sees(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var organization = await host.CreateOrganizationAsync();
        var organizationAdmin = await host.CreateAsync(HubRoles.TenantMember, organization.Id, membershipRole: MembershipRole.Admin);
        using var admin = await host.SignedInClientAsync(organizationAdmin);

        using var saved = await UploadAsync(admin, organization.Id, Png, "logo.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var visitor = host.CreateHubClient();
        var profile = await visitor.GetDocumentAsync($"/organizations/{organization.Id}");
        Assert.Equal($"/organizations/{organization.Id}/logo.img", profile.QuerySelector("img.logo")!.GetAttribute("src"));
        using var image = await visitor.GetAsync($"/organizations/{organization.Id}/logo.img");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Files_that_are_not_images_or_too_large_are_refused_whatever_their_name()
    {
        var host = await TestHosts.GetAsync("Sqlite");
        var organization = await host.CreateOrganizationAsync();
        using var client = await host.ClientAsync(HubRoles.Operator);

        using var html = await UploadAsync(client, organization.Id, "<script>alert(1)</script>"u8.ToArray(), "logo.png", "image/png");
        Assert.Contains("PNG, JPEG, WebP 이미지만", (await HubClient.ParseAsync(html)).QuerySelector("main")!.TextContent,
            StringComparison.Ordinal);

        var huge = new byte[LogoStore.MaxBytes + 1];
        Png.CopyTo(huge, 0);
        using var large = await UploadAsync(client, organization.Id, huge, "big.png", "image/png");
        Assert.Contains("1MB 이하", (await HubClient.ParseAsync(large)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var none = await client.GetAsync($"/organizations/{organization.Id}/logo.img");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 }, ".png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0, 0, 0, 0, 0 }, ".jpg")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, ".webp")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 0, 0, 0, 0 }, null)]   // GIF: not accepted
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67, 0, 0, 0, 0, 0, 0, 0, 0 }, null)]         // "<svg": never
    public void Image_types_are_recognized_by_their_first_bytes(byte[] head, string? extension) =>
        Assert.Equal(extension, LogoStore.Sniff(head));
}
