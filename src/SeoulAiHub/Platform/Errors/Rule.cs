namespace SeoulAiHub.Platform.Errors;

/// <summary>Guards that throw <see cref="RuleException"/>: the checks every module's entities and services repeat.</summary>
public static class Rule
{
    /// <summary>The shared message for a text over its length ("{0}자 이내로 입력해 주세요.").</summary>
    public const string TooLongKey = "Error.TooLong";

    public static void Require(bool condition, string key, params object[] arguments)
    {
        if (!condition)
        {
            throw new RuleException(key, arguments);
        }
    }

    public static void Require(bool condition, RuleKind kind, string key, params object[] arguments)
    {
        if (!condition)
        {
            throw new RuleException(kind, key, arguments);
        }
    }

    /// <summary>The record, or a <see cref="RuleKind.NotFound"/> refusal.</summary>
    public static T Found<T>(T? value, string key)
        where T : class =>
        value ?? throw RuleException.NotFound(key);

    /// <summary>Trims a required text and checks its length.</summary>
    public static string Text(string? value, int max, string missingKey)
    {
        Require(!string.IsNullOrWhiteSpace(value), missingKey);
        var text = value!.Trim();
        Require(text.Length <= max, TooLongKey, max);
        return text;
    }

    /// <summary>Trims an optional text (blank becomes null) and checks its length.</summary>
    public static string? Optional(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        Require(text.Length <= max, TooLongKey, max);
        return text;
    }
}
