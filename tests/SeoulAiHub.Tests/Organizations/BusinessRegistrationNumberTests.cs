using SeoulAiHub.Features.Organizations;

namespace SeoulAiHub.Tests.Organizations;

public sealed class BusinessRegistrationNumberTests
{
    [Theory]
    [InlineData("124-81-00998", "1248100998")]   // a published number
    [InlineData("2208162517", "2208162517")]
    [InlineData(" 107-86-14075 ", "1078614075")]
    public void Valid_numbers_are_normalized_to_ten_digits(string input, string digits) =>
        Assert.Equal(digits, BusinessRegistrationNumber.Normalize(input));

    [Theory]
    [InlineData("124-81-00999")]    // wrong check digit
    [InlineData("1234567890")]
    [InlineData("124-81-0099")]     // nine digits
    [InlineData("124-81-009981")]   // eleven digits
    [InlineData("12a-81-00998")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_numbers_are_refused(string? input) =>
        Assert.False(BusinessRegistrationNumber.IsValid(input));

    [Fact]
    public void Numbers_are_shown_as_three_two_five() =>
        Assert.Equal("124-81-00998", BusinessRegistrationNumber.Format("1248100998"));

    [Fact]
    public void Generated_check_digits_make_valid_numbers()
    {
        for (var n = 0; n < 1000; n++)
        {
            Assert.True(BusinessRegistrationNumber.IsValid(BusinessRegistrationNumber.WithCheckDigit($"9{n:D8}")));
        }
    }
}
