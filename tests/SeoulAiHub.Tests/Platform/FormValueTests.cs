using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Forms;

namespace SeoulAiHub.Tests.Platform;

/// <summary>What people actually type into the hub's forms, and what the one form reader makes of it.</summary>
public sealed class FormValueTests
{
    [Theory]
    [InlineData("1000000", 1_000_000L)]
    [InlineData("1,000,000", 1_000_000L)]
    [InlineData("1000000원", 1_000_000L)]
    [InlineData(" 1,000,000 원 ", 1_000_000L)]
    [InlineData("₩1,000,000", 1_000_000L)]
    [InlineData("￦ 50,000,000", 50_000_000L)]
    [InlineData("１，０００，０００", 1_000_000L)]        // a Korean keyboard in full-width mode
    [InlineData("１０００００００원", 10_000_000L)]
    [InlineData("1 000 000", 1_000_000L)]
    [InlineData("1\u00a0000\u00a0000", 1_000_000L)]       // no-break spaces pasted from a spreadsheet
    [InlineData("1,000만원", 10_000_000L)]
    [InlineData("5000만", 50_000_000L)]
    [InlineData("3억원", 300_000_000L)]
    [InlineData("1억 2,000만원", 120_000_000L)]
    [InlineData("1억2000만500원", 120_000_500L)]
    [InlineData("0", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Amounts_in_won_read_as_Koreans_write_them(string text, long expected) =>
        Assert.Equal(expected, FormValue.Krw(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("원")]
    [InlineData("-1000")]
    [InlineData("－1000")]                 // full-width minus
    [InlineData("1000.5")]
    [InlineData("1e6")]
    [InlineData("천만원")]                 // number words are not read
    [InlineData("5천만원")]
    [InlineData("1억 20000만")]            // a typo, not 3억
    [InlineData("1만 20000")]
    [InlineData("9223372036854775808")]    // beyond a long
    [InlineData("100000000000억")]
    [InlineData("KRW 1000")]
    [InlineData("abc")]
    public void Anything_else_is_not_an_amount(string? text) =>
        Assert.Null(FormValue.Krw(text));

    [Theory]
    [InlineData("1,234", 1234L)]
    [InlineData("-1,234", -1234L)]
    [InlineData("\u22121234", -1234L)]     // the minus sign a word processor writes
    [InlineData("１２", 12L)]
    public void Whole_numbers_may_be_negative(string text, long expected) =>
        Assert.Equal(expected, FormValue.WholeNumber(text));

    [Theory]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("--1")]
    [InlineData("12명")]
    public void Whole_numbers_refuse_what_is_not_one(string text) =>
        Assert.Null(FormValue.WholeNumber(text));

    [Fact]
    public void Counts_must_fit_an_int()
    {
        Assert.Equal(2_000, FormValue.Count("2,000"));
        Assert.Null(FormValue.Count("3000000000"));
    }

    [Theory]
    [InlineData("2026-07-21", 2026, 7, 21)]
    [InlineData(" 2026-07-21 ", 2026, 7, 21)]
    [InlineData("２０２６－０７－２１", 2026, 7, 21)]
    public void Dates_are_iso_as_date_fields_send_them(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), FormValue.Date(text));

    [Theory]
    [InlineData(null)]
    [InlineData("2026-02-30")]
    [InlineData("2026/07/21")]
    [InlineData("21.07.2026")]
    [InlineData("2026-7-21")]
    public void Other_dates_are_refused(string? text) => Assert.Null(FormValue.Date(text));

    [Theory]
    [InlineData("14:30", 14, 30)]
    [InlineData("09:05", 9, 5)]
    [InlineData("9:05", 9, 5)]
    [InlineData("14:30:00", 14, 30)]
    [InlineData("１４：３０", 14, 30)]
    public void Times_read_as_time_fields_send_them(string text, int h, int m) =>
        Assert.Equal(new TimeOnly(h, m), FormValue.Time(text));

    [Theory]
    [InlineData("24:00")]
    [InlineData("14:60")]
    [InlineData("2pm")]
    [InlineData("")]
    public void Other_times_are_refused(string text) => Assert.Null(FormValue.Time(text));

    [Fact]
    public void A_KST_date_and_time_is_nine_hours_ahead_of_UTC()
    {
        var expected = new DateTimeOffset(2026, 7, 21, 5, 30, 0, TimeSpan.Zero);
        Assert.Equal(expected, FormValue.KstDateTime("2026-07-21", "14:30"));
        Assert.Equal(expected, FormValue.KstDateTime("2026-07-21T14:30"));
        Assert.Equal(expected, FormValue.KstDateTime("2026-07-21 14:30"));
        Assert.Equal(TimeSpan.Zero, FormValue.KstDateTime("2026-07-21T14:30")!.Value.Offset);
        // Just after midnight in Seoul is the previous day in UTC.
        Assert.Equal(new DateTimeOffset(2026, 7, 20, 15, 10, 0, TimeSpan.Zero), FormValue.KstDateTime("2026-07-21", "00:10"));
        Assert.Null(FormValue.KstDateTime("2026-07-21", null));
        Assert.Null(FormValue.KstDateTime("2026-07-21T25:00"));
    }

    [Fact]
    public void Ids_are_guids_and_the_empty_guid_names_nothing()
    {
        var id = Guid.CreateVersion7();
        Assert.Equal(id, FormValue.Id(id.ToString()));
        Assert.Equal(id, FormValue.Id($" {id.ToString().ToUpperInvariant()} "));
        Assert.Null(FormValue.Id(Guid.Empty.ToString()));
        Assert.Null(FormValue.Id("42"));
        Assert.Null(FormValue.Id(null));
    }

    [Theory]
    [InlineData("Startup", OrganizationType.Startup)]
    [InlineData("startup", OrganizationType.Startup)]
    [InlineData(" UNIVERSITY ", OrganizationType.University)]
    public void Enums_read_by_name_in_any_case(string text, OrganizationType expected) =>
        Assert.Equal(expected, FormValue.Enum<OrganizationType>(text));

    [Fact]
    public void Exact_names_where_only_the_hubs_own_check_boxes_send_values()
    {
        Assert.Equal(OrganizationType.Startup, FormValue.Enum<OrganizationType>("Startup", ignoreCase: false));
        Assert.Null(FormValue.Enum<OrganizationType>("startup", ignoreCase: false));
    }

    [Theory]
    [InlineData("0")]                      // a number would parse into a member, or into one nobody defined
    [InlineData("99")]
    [InlineData("-1")]
    [InlineData("Startup,Sme")]            // a combination
    [InlineData("스타트업")]
    [InlineData("")]
    [InlineData(null)]
    public void Enums_refuse_numbers_combinations_and_unknown_names(string? text) =>
        Assert.Null(FormValue.Enum<OrganizationType>(text));
}
