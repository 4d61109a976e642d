using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Engagement;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Engagement.Visits;

/// <summary>Posting the visit pages' forms the way a browser does, and reading what they answer.</summary>
internal static class VisitPages
{
    public static DateOnly KstToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Posts fields with the antiforgery token of a page the client may open (the layout's sign-out form has one).</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HubClient client, string pageUrl, string action, params (string Name, string Value)[] fields)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var pairs = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.Http.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    public static async Task<IDocument> PageOfAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the page again, got {(int)response.StatusCode} {response.Headers.Location}");
        return await HubClient.ParseAsync(response);
    }

    /// <summary>The page answered again with the message in its error summary.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        using (response)
        {
            var page = await PageOfAsync(response);
            Assert.Contains(message, page.QuerySelector(".alert.error")?.TextContent ?? "", StringComparison.Ordinal);
        }
    }

    public static void AssertRedirect(HttpResponseMessage response, string to)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        Assert.Equal(to, response.Headers.Location!.OriginalString.Split('#')[0]);
    }

    /// <summary>Refused: 403, or the access-denied page the cookie scheme redirects to.</summary>
    public static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden ||
                    (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal)),
            $"expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");

    public static Task<Guid> SiteIdAsync(this HubAppFactory host, string nameKo) =>
        host.QueryAsync(db => db.Sites.Where(s => s.NameKo == nameKo).Select(s => s.Id).SingleAsync());

    public static Task<Visit> StoredVisitAsync(this HubAppFactory host, Guid id) =>
        host.QueryAsync(db => db.Visits.AsNoTracking().AsSplitQuery().Include(v => v.Participants).Include(v => v.Stops).SingleAsync(v => v.Id == id));

    /// <summary>Plans a visit straight in the database (for tests about reading and refusing, not about the forms).</summary>
    public static Task<Visit> PlanAsync(this HubAppFactory host, DateOnly date, Guid? organizationId = null) => host.QueryAsync(async db =>
    {
        var by = await db.Users.Select(u => u.Id).FirstAsync();
        var visit = Visit.Plan(VisitKind.Visit, $"시험 방문 {Guid.NewGuid():N}", date, "목적", "서울AI허브 운영사무국", null, by, DateTimeOffset.UtcNow);
        visit.AddGuest("최호정", "의장", "서울특별시의회", DateTimeOffset.UtcNow);
        visit.AddStop(new(10, 0), new(10, 30), "2층 201호", null, organizationId, "대표", null, DateTimeOffset.UtcNow);
        db.Visits.Add(visit);
        await db.SaveChangesAsync();
        return visit;
    });
}
