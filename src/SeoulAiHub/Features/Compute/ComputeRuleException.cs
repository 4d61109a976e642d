namespace SeoulAiHub.Features.Compute;

/// <summary>A compute rule was broken (allocation lifecycle, catalog, import); the key names which (Compute.Error.*).</summary>
public sealed class ComputeRuleException(string key, params object[] arguments) : InvalidOperationException(key)
{
    public string Key { get; } = key;
    public object[] Arguments { get; } = arguments;

    internal static void Require(bool condition, string key, params object[] arguments)
    {
        if (!condition)
        {
            throw new ComputeRuleException(key, arguments);
        }
    }

    /// <summary>Trims a required text and checks its length.</summary>
    internal static string Text(string? value, int max, string missingKey)
    {
        Require(!string.IsNullOrWhiteSpace(value), missingKey);
        var text = value!.Trim();
        Require(text.Length <= max, "Compute.Error.TooLong", max);
        return text;
    }

    /// <summary>Trims an optional text (blank becomes null) and checks its length.</summary>
    internal static string? Optional(string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        Require(text.Length <= max, "Compute.Error.TooLong", max);
        return text;
    }
}
