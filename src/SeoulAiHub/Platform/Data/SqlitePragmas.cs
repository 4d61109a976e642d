using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SeoulAiHub.Platform.Data;

/// <summary>
/// Per-connection SQLite settings: <c>synchronous=FULL</c> so a committed write survives a power cut even in WAL mode,
/// and a busy timeout so concurrent writers wait instead of failing. WAL itself is a property of the file (set at start-up).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
