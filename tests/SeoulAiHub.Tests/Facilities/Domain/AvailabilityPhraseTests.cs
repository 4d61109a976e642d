using SeoulAiHub.Features.Facilities;

namespace SeoulAiHub.Tests.Facilities.Domain;

public sealed class AvailabilityPhraseTests
{
    /// <summary>Tuesday.</summary>
    private static readonly DateOnly Today = new(2026, 6, 9);

    [Theory]
    [InlineData("목요일 오후 12명", "2026-06-11", "13:00", "18:00", 12, null)]
    [InlineData("thursday afternoon for 12", "2026-06-11", "13:00", "18:00", 12, null)]
    [InlineData("내일 오전 2시간 8명", "2026-06-10", "09:00", "12:00", 8, 120)]
    [InlineData("모레 저녁 30 people", "2026-06-11", "18:00", "21:00", 30, null)]
    [InlineData("tomorrow morning 90 min", "2026-06-10", "09:00", "12:00", null, 90)]
    [InlineData("오늘 오후 2시 4명", "2026-06-09", "14:00", "23:45", 4, null)]
    [InlineData("화요일 회의", "2026-06-09", null, null, null, null)]
    [InlineData("월요일", "2026-06-15", null, null, null, null)]
    [InlineData("다음 주 화요일 오전", "2026-06-16", "09:00", "12:00", null, null)]
    [InlineData("6월 20일 40명", "2026-06-20", null, null, 40, null)]
    [InlineData("2026-07-01 evening", "2026-07-01", "18:00", "21:00", null, null)]
    [InlineData("friday 3pm 1.5 hours", "2026-06-12", "15:00", "23:45", null, 90)]
    public void Phrases_give_the_day_window_people_and_length(string phrase, string date, string? from, string? to,
        int? people, int? minutes)
    {
        var parts = AvailabilityPhrase.Parse(phrase, Today);

        Assert.Equal(DateOnly.Parse(date), parts.Date);
        Assert.Equal(from is null ? null : TimeOnly.Parse(from), parts.WindowStart);
        Assert.Equal(to is null ? null : TimeOnly.Parse(to), parts.WindowEnd);
        Assert.Equal(people, parts.People);
        Assert.Equal(minutes, parts.Minutes);
    }

    [Fact]
    public void Nothing_recognizable_leaves_everything_open_and_the_query_defaults_to_today_for_one_hour()
    {
        var parts = AvailabilityPhrase.Parse("아무 방이나 monthly", Today);

        Assert.True(parts.IsEmpty);
        var query = parts.ToQuery(Today, Audience.Tenants);
        Assert.Equal((Today, Today, 60, 1), (query.From, query.To, query.DurationMinutes, query.MinCapacity));
    }
}
