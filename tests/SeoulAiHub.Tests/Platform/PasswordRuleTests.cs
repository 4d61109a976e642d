using SeoulAiHub.Platform.Identity;

namespace SeoulAiHub.Tests.Platform;

public sealed class PasswordRuleTests
{
    [Theory]
    [InlineData("abcdefghij", true)]      // 10 characters of one kind
    [InlineData("abcdefg1", true)]        // 8 with two kinds
    [InlineData("ABCDefgh", true)]        // upper + lower
    [InlineData("서울에이아이허브플랫폼", true)] // 10 Hangul characters
    [InlineData("abcdefgh", false)]       // 8 of one kind
    [InlineData("abcdefghi", false)]      // 9 of one kind
    [InlineData("abc1234", false)]        // 7 with two kinds
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Password_rule_is_ten_characters_or_eight_with_two_kinds(string? password, bool accepted) =>
        Assert.Equal(accepted, PasswordRule.IsSatisfiedBy(password));

    [Fact]
    public void Character_kinds_are_lower_upper_digit_and_other() =>
        Assert.Equal(4, PasswordRule.CharacterKinds("aA1!"));

    [Fact]
    public void Generated_passwords_satisfy_the_rule_and_differ()
    {
        var a = PasswordGenerator.Strong();
        var b = PasswordGenerator.Strong();
        Assert.True(PasswordRule.IsSatisfiedBy(a));
        Assert.Equal(20, a.Length);
        Assert.NotEqual(a, b);
    }
}
