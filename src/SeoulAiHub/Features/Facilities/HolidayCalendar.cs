using System.Text;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Facilities;

public sealed record HolidayImport(int Added, int Renamed, int Unchanged, IReadOnlyList<string> Problems);

/// <summary>
/// 공휴일 달력 — the public holidays facilities are closed on. Imported from an iCalendar file of all-day events (as
/// published, e.g. holidays-kr: VALUE=DATE, no DTEND, Korean names); an event that already has its date is renamed,
/// never doubled.
/// </summary>
public sealed class HolidayCalendar(HubDb db)
{
    public const int MaxBytes = 512 * 1024;

    /// <summary>Reads the all-day events of a calendar (pure, so tests compare files with the demo data).</summary>
    public static (List<(DateOnly Date, string Name)> Days, List<string> Problems) Read(string ics)
    {
        var days = new List<(DateOnly, string)>();
        var problems = new List<string>();
        Calendar? calendar;
        try
        {
            calendar = Calendar.Load(ics);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add("not an iCalendar file: " + ex.Message);
            return (days, problems);
        }

        if (calendar is null)
        {
            problems.Add("not an iCalendar file");
            return (days, problems);
        }

        foreach (var e in calendar.Events)
        {
            var name = e.Summary?.Trim();
            if (e.DtStart is not { } start || string.IsNullOrEmpty(name))
            {
                problems.Add($"event {e.Uid}: no date or name");
                continue;
            }

            if (start.HasTime)
            {
                problems.Add($"event {e.Uid} ({name}): not an all-day event");
                continue;
            }

            // An all-day event may span days (DTEND exclusive); without DTEND it is the one day.
            var first = start.Date;
            var last = e.DtEnd is { } end && end.Date > first ? end.Date.AddDays(-1) : first;
            for (var d = first; d <= last; d = d.AddDays(1))
            {
                days.Add((d, name.Length > PublicHoliday.MaxName ? name[..PublicHoliday.MaxName] : name));
            }
        }

        return (days, problems);
    }

    public async Task<HolidayImport> ImportIcsAsync(Stream stream, CancellationToken ct = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[MaxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > MaxBytes)
        {
            throw new RuleException("Facilities.Error.HolidayFileTooLarge", MaxBytes / 1024);
        }

        var (days, problems) = Read(new string(buffer, 0, read));
        if (days.Count == 0)
        {
            throw new RuleException("Facilities.Error.HolidayFileEmpty");
        }

        var dates = days.Select(d => d.Date).ToHashSet();
        var existing = await db.PublicHolidays.Where(h => dates.Contains(h.Date)).ToDictionaryAsync(h => h.Date, ct);
        int added = 0, renamed = 0, unchanged = 0;
        foreach (var (date, name) in days.DistinctBy(d => d.Date))
        {
            if (existing.TryGetValue(date, out var holiday))
            {
                if (holiday.NameKo == name)
                {
                    unchanged++;
                }
                else
                {
                    holiday.Rename(name, holiday.NameEn == holiday.NameKo ? name : holiday.NameEn);
                    renamed++;
                }
            }
            else
            {
                db.PublicHolidays.Add(PublicHoliday.Create(date, name, null));
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new HolidayImport(added, renamed, unchanged, problems);
    }

    public async Task<HashSet<DateOnly>> DatesAsync(DateOnly from, DateOnly until, CancellationToken ct = default) =>
        (await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= until).Select(h => h.Date).ToListAsync(ct))
            .ToHashSet();
}
