using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SeoulAiHub.Features.Facilities;
using SeoulAiHub.Platform.Identity;
using SeoulAiHub.Tests.Facilities.Services;
using SeoulAiHub.Tests.Infrastructure;

namespace SeoulAiHub.Tests.Facilities.Pages;

public sealed class FacilityApiTests
{
    [Theory, OnEveryDatabase]
    public async Task Fifty_concurrent_api_requests_for_one_slot_give_one_201_and_49_conflicts_with_the_korean_message(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync(buffer: 15);
        var organization = await host.CreateOrganizationAsync();
        var clients = new List<HubClient>();
        for (var i = 0; i < 5; i++)
        {
            clients.Add(await host.ClientAsync(HubRoles.TenantMember, organization.Id));
        }

        var input = new BookingInput(facility.Id, host.At(60, 14), host.At(60, 15), "API 예약", 6);
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            clients[i % 5].Http.PostAsJsonAsync("/api/facilities/bookings", input)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var problem = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("이미 예약된 시간입니다", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Facilities.Error.Taken", problem.GetProperty("rule").GetString());
        Assert.Single(await host.BookingsOfAsync(facility.Id));
        clients.ForEach(c => c.Dispose());
    }

    [Theory, OnEveryDatabase]
    public async Task Availability_lists_free_times_bookings_and_cancel_work_and_bad_input_is_a_400(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync(capacity: 14, name: $"API 회의실 {Guid.NewGuid():N}"[..16]);
        using var client = await host.ClientAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id);
        var day = Grid.KstDate(host.At(61, 0)).ToString("yyyy-MM-dd");

        var created = await client.Http.PostAsJsonAsync("/api/facilities/bookings",
            new BookingInput(facility.Id, host.At(61, 13), host.At(61, 14), "팀 회의", 12));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.Content.ReadFromJsonAsync<BookingInfo>();

        var found = await client.Http.GetFromJsonAsync<List<AvailabilityInfo>>($"/api/facilities/availability?q=오후 12명&date={day}");
        var mine = Assert.Single(found!, f => f.Id == facility.Id);
        Assert.Equal([("14:00", "18:00")], mine.Free.Select(s => (s.StartsAt.ToString("HH:mm"), s.EndsAt.ToString("HH:mm"))));
        Assert.DoesNotContain((await client.Http.GetFromJsonAsync<List<AvailabilityInfo>>("/api/facilities/availability" +
            $"?date={day}&people=15"))!, f => f.Id == facility.Id);

        var list = await client.Http.GetFromJsonAsync<List<BookingInfo>>("/api/facilities/bookings");
        Assert.Contains(list!, b => b.Id == booking!.Id && b.Status == "Confirmed");
        var cancelled = await client.Http.PostAsync($"/api/facilities/bookings/{booking!.Id}/cancel", null);
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<BookingInfo>())!.Status);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsJsonAsync("/api/facilities/bookings",
            new BookingInput(facility.Id, host.At(61, 13), host.At(61, 14), "팀 회의", 0))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.GetAsync($"/api/facilities/availability?date=not-a-date")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync("/api/facilities/bookings",
            new StringContent("{bad json", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PostAsync($"/api/facilities/bookings/{Guid.NewGuid()}/cancel",
            null)).StatusCode);
        using var anonymous = host.CreateHubClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/api/facilities/bookings")).StatusCode);
    }

    [Theory, OnEveryDatabase]
    public async Task Calendar_feeds_need_the_token_and_show_purposes_only_in_the_persons_own_feed(string provider)
    {
        var host = await TestHosts.GetAsync(provider);
        var facility = await host.CreateFacilityAsync();
        var member = await host.CreateAsync(HubRoles.TenantMember, (await host.CreateOrganizationAsync()).Id, twoFactor: false);
        await host.BookAsync(member.Id, facility.Id, host.At(62, 9), host.At(62, 10));
        string token;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<FacilityFeeds>().IssueAsync(member.Id);
        }

        using var calendarApp = host.CreateHubClient();
        var own = await calendarApp.Http.GetAsync($"/calendar/me.ics?token={token}");
        Assert.Equal("text/calendar", own.Content.Headers.ContentType?.MediaType);
        var ownText = await own.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", ownText, StringComparison.Ordinal);
        Assert.Contains("시험 예약", ownText, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{host.At(62, 9):yyyyMMdd'T'HHmmss}Z", ownText, StringComparison.Ordinal);

        var facilityText = await calendarApp.Http.GetStringAsync($"/calendar/facilities/{facility.Id}.ics?token={token}");
        Assert.Contains("예약됨 / Booked", facilityText, StringComparison.Ordinal);
        Assert.DoesNotContain("시험 예약", facilityText, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Http.GetAsync("/calendar/me.ics?token=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Http.GetAsync($"/calendar/facilities/{facility.Id}.ics")).StatusCode);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FacilityFeeds>().RevokeAsync(member.Id);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.Http.GetAsync($"/calendar/me.ics?token={token}")).StatusCode);
    }
}
