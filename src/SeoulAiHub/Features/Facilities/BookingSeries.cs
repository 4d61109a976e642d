using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeoulAiHub.Platform.Data;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

/// <summary>
/// 반복 규칙 — weekly on the chosen weekdays, the same KST time slot, from one date until another (at most
/// <see cref="MaxWeeks"/> weeks), minus exception dates.
/// </summary>
public sealed record RecurrenceRule(Weekdays Days, TimeOnly StartsAt, TimeOnly EndsAt, DateOnly From, DateOnly Until,
    IReadOnlyCollection<DateOnly> Exceptions)
{
    public const int MaxWeeks = 26;

    public void Check()
    {
        Require(Days != Weekdays.None && ((int)Days & ~(int)Weekdays.All) == 0, "Facilities.Error.SeriesDays");
        Require(Until >= From, "Facilities.Error.SeriesRange");
        Require(Until.DayNumber - From.DayNumber < MaxWeeks * 7, "Facilities.Error.SeriesTooLong", MaxWeeks);
        Require(EndsAt > StartsAt && Grid.IsOnGrid(StartsAt) && Grid.IsOnGrid(EndsAt), "Facilities.Error.Grid");
    }
}

/// <summary>Why a date of a series was left out.</summary>
public enum SkipReason
{
    Exception,
    Holiday,
    ClosedDay,
}

public sealed record Occurrence(DateOnly Date, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public sealed record SkippedDate(DateOnly Date, SkipReason Reason);

public sealed record Expansion(IReadOnlyList<Occurrence> Occurrences, IReadOnlyList<SkippedDate> Skipped);

/// <summary>Expands a weekly rule into dated occurrences (pure, so it is tested on its own).</summary>
public static class Recurrence
{
    public static Expansion Expand(RecurrenceRule rule, IReadOnlySet<DateOnly> holidays, bool openOnHolidays,
        Weekdays openDays = Weekdays.All)
    {
        rule.Check();
        var exceptions = rule.Exceptions.ToHashSet();
        var occurrences = new List<Occurrence>();
        var skipped = new List<SkippedDate>();
        for (var date = rule.From; date <= rule.Until; date = date.AddDays(1))
        {
            if (!rule.Days.Has(date.DayOfWeek))
            {
                continue;
            }

            SkipReason? reason = exceptions.Contains(date) ? SkipReason.Exception
                : !openOnHolidays && holidays.Contains(date) ? SkipReason.Holiday
                : !openDays.Has(date.DayOfWeek) ? SkipReason.ClosedDay
                : null;
            if (reason is { } why)
            {
                skipped.Add(new SkippedDate(date, why));
            }
            else
            {
                occurrences.Add(new Occurrence(date, Grid.At(date, rule.StartsAt), Grid.At(date, rule.EndsAt)));
            }
        }

        return new Expansion(occurrences, skipped);
    }
}

/// <summary>반복 예약 — the rule a set of bookings was made from (each booking points back with its SeriesId).</summary>
public sealed class BookingSeries
{
    public Guid Id { get; private init; }
    public Guid FacilityId { get; private init; }
    public Guid? OrganizationId { get; private init; }
    public Guid BookedBy { get; private init; }
    public Weekdays Days { get; private init; }
    public TimeOnly StartsAt { get; private init; }
    public TimeOnly EndsAt { get; private init; }
    public DateOnly From { get; private init; }
    public DateOnly Until { get; private init; }
    public List<DateOnly> Exceptions { get; private init; } = [];
    public string Purpose { get; private init; } = "";
    public DateTimeOffset CreatedAt { get; private init; }

    public RecurrenceRule Rule => new(Days, StartsAt, EndsAt, From, Until, Exceptions);

    public static BookingSeries Create(Guid facilityId, Guid? organizationId, Guid bookedBy, RecurrenceRule rule,
        string? purpose, DateTimeOffset now)
    {
        rule.Check();
        return new BookingSeries
        {
            Id = Guid.CreateVersion7(), FacilityId = facilityId, OrganizationId = organizationId, BookedBy = bookedBy, Days = rule.Days,
            StartsAt = rule.StartsAt, EndsAt = rule.EndsAt, From = rule.From, Until = rule.Until,
            Exceptions = rule.Exceptions.Order().ToList(), Purpose = Text(purpose, Booking.MaxPurpose, "Facilities.Error.Purpose"),
            CreatedAt = now.ToUniversalTime(),
        };
    }
}

internal sealed class BookingSeriesConfiguration : IEntityTypeConfiguration<BookingSeries>
{
    public void Configure(EntityTypeBuilder<BookingSeries> b)
    {
        b.ToTable("BookingSeries");
        b.Property(x => x.Purpose).HasMaxLength(Booking.MaxPurpose);
        b.Property(x => x.Exceptions).HasJsonConversion(() => []).HasMaxLength(4000);
        b.HasOne<Facility>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}
