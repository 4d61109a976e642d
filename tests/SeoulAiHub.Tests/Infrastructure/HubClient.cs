using System.Net;
using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using OtpNet;

namespace SeoulAiHub.Tests.Infrastructure;

/// <summary>
/// A browser-like client over the in-process host: keeps cookies, reads pages with AngleSharp and submits forms
/// the way a browser does (hidden fields, antiforgery token included).
/// </summary>
public sealed class HubClient(HubAppFactory factory, HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;
    public HubAppFactory Factory { get; } = factory;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<IDocument> GetDocumentAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri?.ToString()
            ?? "http://localhost/"));
    }

    /// <summary>GETs the page, fills the form (the first POST form in main, or the one matching the selector) and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, IReadOnlyDictionary<string, string> fields,
        string? formSelector = null)
    {
        var page = await GetDocumentAsync(pageUrl);
        var form = (formSelector is null
                       ? page.QuerySelectorAll<IHtmlFormElement>("main form").FirstOrDefault(f =>
                           f.Method.Equals("post", StringComparison.OrdinalIgnoreCase))
                       : page.QuerySelector<IHtmlFormElement>(formSelector))
                   ?? throw new InvalidOperationException($"No form on {pageUrl}");
        // What a browser would send untouched: hidden and pre-filled fields, checked boxes (last one wins, as in a POST).
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            var kind = input.Type.ToLowerInvariant();
            if (kind is "hidden" or "text" or "email" or "search" or "number" ||
                (kind is "checkbox" or "radio" && input.IsChecked))
            {
                values[input.Name!] = input.Value;
            }
        }
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await PostFormAsync(action, values);
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, IReadOnlyDictionary<string, string> values) =>
        Http.PostAsync(url, new FormUrlEncodedContent(values));

    /// <summary>The antiforgery token of a page the client may open (the layout's sign-out form carries one too).</summary>
    public async Task<string> TokenAsync(string url) => TokenOf(await GetDocumentAsync(url));

    private static string TokenOf(IParentNode page) =>
        page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>
    /// Posts fields (a name may repeat) to an action, with the antiforgery token of the page at <paramref name="pageUrl"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string pageUrl, string action, params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(pageUrl);
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await Http.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    /// <summary>Posts a file (and fields) as multipart, as a form with a file input does, with the token of the page.</summary>
    public async Task<HttpResponseMessage> PostFileAsync(string pageUrl, string action, FileUpload upload,
        params (string Name, string Value)[] fields)
    {
        var token = await TokenAsync(pageUrl);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(upload.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(upload.ContentType);
        form.Add(file, upload.Field, upload.FileName);
        return await Http.PostAsync(action, form);
    }

    public Task<HttpResponseMessage> SubmitSignInAsync(string email, string password) =>
        SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Signs in, answering the two-factor step with a TOTP code when the account has an authenticator key.</summary>
    public async Task SignInAsync(TestUser user)
    {
        using var response = await SubmitSignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location?.OriginalString.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal) == true)
        {
            Assert.NotNull(user.AuthenticatorKey);
            using var second = await SubmitFormAsync(response.Headers.Location.OriginalString, new Dictionary<string, string>
            {
                ["Input.Code"] = Totp(user.AuthenticatorKey!),
            });
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.DoesNotContain("/account/sign-in", second.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
    }

    public static string Totp(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    public void Dispose() => Http.Dispose();
}

/// <summary>A file as a form's file input sends it: the input's name, the file's name, its bytes and type.</summary>
public sealed record FileUpload(string Field, string FileName, byte[] Bytes, string ContentType = "application/octet-stream");
