using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Compute;

/// <summary>One job row to write: the parsed job, where it counts, and its KST month.</summary>
internal readonly record struct UsageRow(SacctJob Job, Guid? AllocationId, int Month);

/// <summary>
/// Writes job rows with multi-row <c>INSERT … ON CONFLICT (ClusterId, JobId) DO NOTHING</c> (SQLite and PostgreSQL
/// both have it), parameterized. The full-size command is prepared once and reused with new values. Statement size
/// differs by provider: PostgreSQL takes 1,000 rows (13,000 positional <c>$n</c> parameters, under its 65,535) in one
/// round trip; SQLite binds named parameters by a linear search per parameter (quadratic in their number: 1,000 rows
/// took 0.7 s a statement), and has no round trip to save, so it takes 10 rows a statement.
/// Column names and value conversions (SQLite keeps DateTimeOffset as ticks, Guids as text) come from the EF model,
/// so the SQL matches what EF writes. Returns the rows actually inserted: the rest were already there (duplicates).
/// </summary>
internal sealed class UsageRowWriter : IAsyncDisposable
{
    private readonly int rowsPerStatement;
    private readonly bool positional;

    private static readonly string[] Properties =
    [
        nameof(GpuJobUsage.ClusterId), nameof(GpuJobUsage.JobId), nameof(GpuJobUsage.Account), nameof(GpuJobUsage.User),
        nameof(GpuJobUsage.Partition), nameof(GpuJobUsage.StartedAt), nameof(GpuJobUsage.EndedAt), nameof(GpuJobUsage.ElapsedSeconds),
        nameof(GpuJobUsage.Gpus), nameof(GpuJobUsage.GpuSeconds), nameof(GpuJobUsage.Month), nameof(GpuJobUsage.AllocationId),
        nameof(GpuJobUsage.ImportId),
    ];

    private readonly HubDb db;
    private readonly Guid clusterId;
    private readonly Guid importId;
    private readonly RelationalTypeMapping[] mappings;
    private readonly string insertHead;
    private readonly string conflictTail;
    private DbCommand? full;
    private bool fullPrepared;

    public UsageRowWriter(HubDb db, Guid clusterId, Guid importId)
    {
        this.db = db;
        this.clusterId = clusterId;
        this.importId = importId;
        positional = !db.Database.IsSqlite();
        rowsPerStatement = positional ? 1000 : 10;
        var entity = db.Model.FindEntityType(typeof(GpuJobUsage))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = Properties.Select(p => entity.FindProperty(p)!).ToArray();
        mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        insertHead = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} (" +
                     string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))) + ") VALUES ";
        conflictTail =
            $" ON CONFLICT ({sql.DelimitIdentifier(entity.FindProperty(nameof(GpuJobUsage.ClusterId))!.GetColumnName(table)!)}, " +
                       $"{sql.DelimitIdentifier(entity.FindProperty(nameof(GpuJobUsage.JobId))!.GetColumnName(table)!)}) DO NOTHING";
    }

    /// <summary>Writes the rows inside the current transaction; returns how many were new.</summary>
    public async Task<int> WriteAsync(ReadOnlyMemory<UsageRow> rows, CancellationToken ct)
    {
        var inserted = 0;
        for (var at = 0; at < rows.Length; at += rowsPerStatement)
        {
            var chunk = rows.Slice(at, Math.Min(rowsPerStatement, rows.Length - at));
            DbCommand command;
            if (chunk.Length == rowsPerStatement)
            {
                full ??= Build(rowsPerStatement);
                command = full;
            }
            else
            {
                command = Build(chunk.Length);
            }

            try
            {
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                Fill(command, chunk.Span);
                if (command == full && !fullPrepared)
                {
                    await command.PrepareAsync(ct);
                    fullPrepared = true;
                }

                inserted += await command.ExecuteNonQueryAsync(ct);
            }
            finally
            {
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }

        return inserted;
    }

    private DbCommand Build(int rows)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        var text = new StringBuilder(insertHead, insertHead.Length + rows * Properties.Length * 8 + conflictTail.Length);
        var n = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < Properties.Length; c++, n++)
            {
                var name = positional ? "" : "@p" + n;
                text.Append(c == 0 ? "" : ", ").Append(positional ? "$" + (n + 1) : name);
                command.Parameters.Add(mappings[c].CreateParameter(command, name, null, nullable: true));
            }

            text.Append(')');
        }

        command.CommandText = text.Append(conflictTail).ToString();
        return command;
    }

    private void Fill(DbCommand command, ReadOnlySpan<UsageRow> rows)
    {
        var parameters = command.Parameters;
        var n = 0;
        foreach (var row in rows)
        {
            var job = row.Job;
            Set(parameters[n++], 0, clusterId);
            Set(parameters[n++], 1, job.JobId);
            Set(parameters[n++], 2, job.Account);
            Set(parameters[n++], 3, job.User);
            Set(parameters[n++], 4, job.Partition);
            Set(parameters[n++], 5, job.Start);
            Set(parameters[n++], 6, job.End);
            Set(parameters[n++], 7, job.ElapsedSeconds);
            Set(parameters[n++], 8, job.Gpus);
            Set(parameters[n++], 9, job.GpuSeconds);
            Set(parameters[n++], 10, row.Month);
            Set(parameters[n++], 11, row.AllocationId);
            Set(parameters[n++], 12, importId);
        }
    }

    private void Set(DbParameter parameter, int column, object? value)
    {
        var converter = mappings[column].Converter;
        parameter.Value = value is null ? DBNull.Value : converter is null ? value : converter.ConvertToProvider(value);
    }

    public async ValueTask DisposeAsync()
    {
        if (full is not null)
        {
            await full.DisposeAsync();
        }
    }
}
