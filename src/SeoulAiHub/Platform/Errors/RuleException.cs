namespace SeoulAiHub.Platform.Errors;

/// <summary>What kind of refusal a broken rule is: decides the HTTP status on the API and the answer of a page.</summary>
public enum RuleKind
{
    /// <summary>The input breaks a rule (400 on the API; the form's message on a page).</summary>
    Invalid,

    /// <summary>The record does not exist or the person may not see it (404 on both).</summary>
    NotFound,

    /// <summary>The state has moved on or something is taken (409 on the API; the form's message on a page).</summary>
    Conflict,

    /// <summary>The person sees the record but may not do this (403 on the API; the form's message on a page).</summary>
    Forbidden,
}

/// <summary>One of several things wrong with one request, e.g. one KPI value of a report; <see cref="Field"/> names which.</summary>
public sealed record RuleProblem(string Field, string Key, params object[] Arguments);

/// <summary>
/// The one exception for a broken domain rule, in every module. <see cref="Key"/> is a resource key (its module's
/// prefix: "Facilities.Error.Taken"), <see cref="Arguments"/> fill it in. Pages turn it into the form's message
/// (<see cref="RulePageFilter"/>), the API into ProblemDetails (<see cref="RuleEndpointFilter"/>): nobody catches it
/// to translate it by hand.
/// </summary>
public sealed class RuleException : InvalidOperationException
{
    public RuleException(string key, params object[] arguments)
        : this(RuleKind.Invalid, key, [], arguments)
    {
    }

    public RuleException(RuleKind kind, string key, params object[] arguments)
        : this(kind, key, [], arguments)
    {
    }

    /// <summary>A refusal with several problems, each about one field (all are reported at once).</summary>
    public RuleException(string key, IReadOnlyList<RuleProblem> problems)
        : this(RuleKind.Invalid, key, problems, [])
    {
    }

    private RuleException(RuleKind kind, string key, IReadOnlyList<RuleProblem> problems, object[] arguments)
        : base(key)
    {
        Kind = kind;
        Key = key;
        Problems = problems;
        Arguments = arguments;
    }

    public RuleKind Kind { get; }
    public string Key { get; }
    public object[] Arguments { get; }
    public IReadOnlyList<RuleProblem> Problems { get; }

    public static RuleException NotFound(string key, params object[] arguments) => new(RuleKind.NotFound, key, arguments);

    public static RuleException Conflict(string key, params object[] arguments) => new(RuleKind.Conflict, key, arguments);

    public static RuleException Forbidden(string key, params object[] arguments) => new(RuleKind.Forbidden, key, arguments);
}
