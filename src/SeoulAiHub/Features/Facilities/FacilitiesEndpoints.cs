using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Platform.Authorization;
using SeoulAiHub.Platform.Time;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Features.Facilities;

public sealed record FreeSlotInfo(DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record AvailabilityInfo(Guid Id, string NameKo, string NameEn, string Kind, string SiteKo, string SiteEn,
    int Floor, int Capacity, IReadOnlyList<string> Equipment, bool RequiresApproval, IReadOnlyList<FreeSlotInfo> Free);

public sealed record BookingInfo(Guid Id, Guid FacilityId, string FacilityKo, string FacilityEn, Guid? OrganizationId,
    string Purpose, int Attendees, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status, bool LateCancellation,
    DateTimeOffset? OfferExpiresAt);

/// <summary>A booking to make: times in ISO 8601 with an offset (e.g. 2026-06-04T14:00:00+09:00), on the quarter hour.</summary>
public sealed record BookingInput(Guid FacilityId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Purpose, int Attendees,
    Guid? OrganizationId = null);

/// <summary>
/// JSON API of facility booking (cookie sign-in like the pages) and the iCalendar feeds (token in the address, since
/// calendar apps cannot sign in; a wrong token is 404). Rule errors are ProblemDetails with the localized message:
/// 409 when the slot or the quota is taken, 404 for what the person may not see, 403 for what they may not do, else 400.
/// </summary>
public static class FacilitiesEndpoints
{
    public static IEndpointRouteBuilder MapFacilitiesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api/facilities", "Facilities").RequireAuthorization(Policies.SignedIn);
        api.MapGet("/availability", Availability).WithSummary("Free facilities and times")
            .WithDescription("q: a phrase such as '목요일 오후 12명'; date/to (yyyy-MM-dd, at most 14 days), from/until (HH:mm KST), minutes, " +
                "people, equipment, site, kind override it.");
        api.MapGet("/bookings", Mine).WithSummary("My and my organizations' bookings from yesterday on");
        api.MapPost("/bookings", Book).WithSummary("Book a facility");
        api.MapPost("/bookings/{id:guid}/cancel", Cancel).WithSummary("Cancel a booking");
        app.MapGet("/calendar/facilities/{id:guid}.ics", FacilityFeed).AllowAnonymous().WithTags("Facilities")
            .WithSummary("A facility's busy times (iCalendar; ?token=)");
        app.MapGet("/calendar/me.ics", PersonalFeed).AllowAnonymous().WithTags("Facilities")
            .WithSummary("My bookings (iCalendar; ?token=)");
        return app;
    }

    public static async Task<Results<Ok<List<AvailabilityInfo>>, ProblemHttpResult>> Availability([AsParameters] SearchInput input,
        ClaimsPrincipal user, FacilitiesAccess access, AvailabilitySearch search, IStringLocalizer<SharedResource> t, TimeProvider clock,
        CancellationToken ct)
    {
        var booker = await access.BookerAsync(user.UserId()!.Value, ct);
        var (query, error) = input.ToQuery(Kst.Today(clock), booker.Audience);
        if (query is null)
        {
            return TypedResults.Problem(detail: t[error!], statusCode: StatusCodes.Status400BadRequest,
                title: t["Facilities.Pages.Problem.Title"]);
        }

        var found = await search.FindAsync(query, ct);
        return TypedResults.Ok(found.Select(f => new AvailabilityInfo(f.Id, f.NameKo, f.NameEn, f.Kind.ToString(), f.SiteKo, f.SiteEn,
            f.FloorLevel, f.Capacity, f.Equipment, f.RequiresApproval, f.Free.Select(i =>
                new FreeSlotInfo(i.StartsAt.ToKst(), i.EndsAt.ToKst())).ToList())).ToList());
    }

    public static async Task<Ok<List<BookingInfo>>> Mine(ClaimsPrincipal user, BookingBoard board, CancellationToken ct) =>
        TypedResults.Ok((await board.MineAsync(user.UserId()!.Value, ct: ct)).Select(Info).ToList());

    public static async Task<Results<Created<BookingInfo>, ProblemHttpResult>> Book(BookingInput input, ClaimsPrincipal user,
        BookingDesk desk, BookingBoard board, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var userId = user.UserId()!.Value;
        var booking = await desk.BookAsync(userId, new BookingRequest(input.FacilityId, input.StartsAt, input.EndsAt, input.Purpose,
            input.Attendees, input.OrganizationId), ct);
        var row = await board.FindAsync(booking.Id, userId, ct);
        return TypedResults.Created($"/api/facilities/bookings/{booking.Id}", Info(row!));
    }

    public static async Task<Results<Ok<BookingInfo>, ProblemHttpResult>> Cancel(Guid id, ClaimsPrincipal user,
        BookingDesk desk, BookingBoard board, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var userId = user.UserId()!.Value;
        await desk.CancelAsync(id, userId, ct);
        return TypedResults.Ok(Info((await board.FindAsync(id, userId, ct))!));
    }

    public static async Task<IResult> FacilityFeed(Guid id, string? token, FacilityFeeds feeds, CancellationToken ct) =>
        await feeds.FacilityAsync(id, token, ct) is { } ics ? Results.Text(ics, "text/calendar; charset=utf-8") : Results.NotFound();

    public static async Task<IResult> PersonalFeed(string? token, FacilityFeeds feeds, CancellationToken ct) =>
        await feeds.PersonalAsync(token, ct) is { } ics ? Results.Text(ics, "text/calendar; charset=utf-8") : Results.NotFound();

    private static BookingInfo Info(BookingRow b) => new(b.Id, b.FacilityId, b.FacilityKo, b.FacilityEn, b.OrganizationId,
        b.Purpose, b.Attendees, b.StartsAt.ToKst(), b.EndsAt.ToKst(), b.Status.ToString(), b.LateCancellation, b.OfferExpiresAt?.ToKst());
}
