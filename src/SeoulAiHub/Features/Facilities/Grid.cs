using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Facilities;

/// <summary>
/// Bookings live on a 15-minute grid (KST wall clock; KST has no daylight saving, so UTC cells line up too). A cell is
/// named by its start; a booking from 10:00 to 11:00 with a 15-minute buffer claims the cells 10:00 … 11:00.
/// </summary>
public static class Grid
{
    public const int CellMinutes = 15;
    public static readonly TimeSpan Cell = TimeSpan.FromMinutes(CellMinutes);

    public static bool IsOnGrid(DateTimeOffset at) => at.Ticks % Cell.Ticks == 0 && at.Offset.Ticks % Cell.Ticks == 0;

    public static bool IsOnGrid(TimeOnly time) => time.Ticks % Cell.Ticks == 0;

    public static bool IsOnGrid(int minutes) => minutes > 0 && minutes % CellMinutes == 0;

    /// <summary>The first cell boundary at or after <paramref name="at"/> (UTC).</summary>
    public static DateTimeOffset Ceiling(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var rest = utc.UtcTicks % Cell.Ticks;
        return rest == 0 ? utc : utc.AddTicks(Cell.Ticks - rest);
    }

    /// <summary>The cells [start, end + buffer) — what a booking holds so that no other booking comes within the buffer.</summary>
    public static IEnumerable<DateTimeOffset> Cells(DateTimeOffset start, DateTimeOffset end, int bufferMinutes)
    {
        var last = end.ToUniversalTime().AddMinutes(bufferMinutes);
        for (var cell = start.ToUniversalTime(); cell < last; cell += Cell)
        {
            yield return cell;
        }
    }

    /// <summary>A KST wall-clock time on a KST date, as UTC.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => Kst.ToUtc(date, time);

    public static DateOnly KstDate(DateTimeOffset utc) => DateOnly.FromDateTime(utc.ToKst().DateTime);

    public static TimeOnly KstTime(DateTimeOffset utc) => TimeOnly.FromDateTime(utc.ToKst().DateTime);
}
