namespace SeoulAiHub.Platform.Seeding;

/// <summary>
/// One module's part of the demo hub (the Seoul AI Hub of the article). Each module registers its part with
/// <see cref="DemoDataRegistration.AddDemoData{T}"/>; <see cref="DemoSeeder"/> runs the parts in <see cref="Order"/>
/// on an empty database, so a module's demo data lives beside its code and the platform knows no module.
/// </summary>
public interface IDemoData
{
    /// <summary>Lower runs first. A part may use what the parts before it recorded in the <see cref="DemoHub"/>.</summary>
    int Order { get; }

    Task SeedAsync(DemoHub demo, CancellationToken ct);
}

/// <summary>What the demo parts share while seeding: the organizations and people made so far, and the console.</summary>
public sealed class DemoHub(TextWriter console)
{
    public const string DemoDomain = "demo.seoulaihub.kr";

    public TextWriter Console { get; } = console;

    /// <summary>Every demo organization's id by its Korean name, in the order they were made.</summary>
    public OrderedDictionary<string, Guid> Organizations { get; } = [];

    /// <summary>Every demo person's id by the local part of the e-mail address ("ops", "malgyeol", …).</summary>
    public Dictionary<string, Guid> People { get; } = [];

    /// <summary>The demo operator (ops@demo.seoulaihub.kr), who made most of what the office made.</summary>
    public Guid Operator => People["ops"];

    public Guid Organization(string nameKo) => Organizations[nameKo];
}

/// <summary>Seeds the demo hub: every registered <see cref="IDemoData"/>, in order, in one scope.</summary>
public sealed class DemoSeeder(IEnumerable<IDemoData> parts)
{
    public async Task SeedAsync(TextWriter console, CancellationToken ct = default)
    {
        var hub = new DemoHub(console);
        foreach (var part in parts.OrderBy(p => p.Order))
        {
            await part.SeedAsync(hub, ct);
        }
    }
}

public static class DemoDataRegistration
{
    /// <summary>Registers a module's demo part; it is resolved with the seeder's scope (one HubDb for all parts).</summary>
    public static IServiceCollection AddDemoData<T>(this IServiceCollection services) where T : class, IDemoData =>
        services.AddScoped<T>().AddScoped<IDemoData>(sp => sp.GetRequiredService<T>());
}
