using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SeoulAiHub.BrowserTests;

/// <summary>
/// The browser host's warnings and errors, kept so a failed journey can say what the server saw: the test runner
/// shows none of the in-process host's console. One browser host runs per test process, so the record is static.
/// Everything is also written to artifacts/browser-host.log for the run.
/// </summary>
public sealed class HostLog(string path) : ILoggerProvider
{
    private static readonly ConcurrentQueue<string> Entries = new();
    private readonly Lock _file = new();

    /// <summary>The last <paramref name="count"/> warnings and errors, oldest first.</summary>
    public static string Recent(int count = 10) => string.Join("\n", Entries.Reverse().Take(count).Reverse());

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    private void Write(string entry)
    {
        Entries.Enqueue(entry);
        while (Entries.Count > 200 && Entries.TryDequeue(out _))
        {
        }

        lock (_file)
        {
            File.AppendAllText(path, entry + "\n");
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(HostLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Write($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}"
                    + (exception is null ? "" : "\n" + exception));
            }
        }
    }
}
