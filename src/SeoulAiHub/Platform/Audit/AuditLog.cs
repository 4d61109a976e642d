using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Platform.Audit;

/// <summary>
/// Records what the change interceptor cannot see: sign-in attempts and reads of personal data.
/// </summary>
public sealed class AuditLog(HubDb db, AuditActorAccessor actors, TimeProvider clock)
{
    public Task SignInAttemptAsync(string outcome, string email, Guid? userId, CancellationToken ct = default)
    {
        var current = actors.Current;
        var actor = new AuditActor(userId, email, current.IpAddress);
        return WriteAsync(AuditEntry.Create(clock.GetUtcNow(), actor, "sign-in." + outcome, "HubUser", userId?.ToString()), ct);
    }

    /// <summary>A person's data was shown: which records and why (the page or endpoint).</summary>
    public Task PersonalDataReadAsync(string entityType, string? entityId, string purpose, CancellationToken ct = default) =>
        WriteAsync(AuditEntry.Create(clock.GetUtcNow(), actors.Current, "read.personal-data", entityType, entityId, purpose), ct);

    public Task EventAsync(string action, string? entityType = null, string? entityId = null, string? details = null,
        CancellationToken ct = default) =>
        WriteAsync(AuditEntry.Create(clock.GetUtcNow(), actors.Current, action, entityType, entityId, details), ct);

    private async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
    }
}

internal static class AuditSetup
{
    public static void AddHubAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditActorAccessor>();
        services.AddSingleton<AuditInterceptor>();
        services.AddScoped<AuditLog>();
    }
}
