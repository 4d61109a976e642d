using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Time;

namespace SeoulAiHub.Features.Facilities;

public sealed record KeeperRun(int Released, int OffersExpired, int WaitlistLapsed);

/// <summary>
/// Every minute: releases confirmed bookings nobody checked in to by the start plus the grace time (freeing the rest of
/// the slot for the waitlist), ends waitlist offers whose hold ran out (passing the slot on), and lapses waitlist entries
/// whose slot has started. Each change is a guarded transition, so a second run (or node) finds nothing left to do.
/// <see cref="RunOnceAsync"/> is what a test calls.
/// </summary>
public sealed class FacilityKeeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FacilityKeeper> log)
    : PeriodicWork(TimeSpan.FromMinutes(1), clock, log)
{
    protected override string Work => "Facility no-show release and offer expiry";

    protected override Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<KeeperRun> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDb>();
        var desk = scope.ServiceProvider.GetRequiredService<BookingDesk>();
        var now = Clock.GetUtcNow();

        // The grace time is per facility, at most two hours: candidates started in the last two hours or earlier.
        var noShows = await (from b in db.Bookings.AsNoTracking()
                             join f in db.Facilities on b.FacilityId equals f.Id
                             where b.Status == BookingStatus.Confirmed && b.StartsAt <= now
                             select new { b.Id, b.StartsAt, f.NoShowGraceMinutes }).ToListAsync(ct);
        var released = 0;
        foreach (var b in noShows.Where(b => b.StartsAt.AddMinutes(b.NoShowGraceMinutes) <= now))
        {
            released += await desk.ReleaseAsync(b.Id, ct) ? 1 : 0;
        }

        var offers = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Offered && b.OfferExpiresAt <= now).Select(b => b.Id).ToListAsync(ct);
        var expired = 0;
        foreach (var id in offers)
        {
            expired += await desk.ExpireOfferAsync(id, ct) ? 1 : 0;
        }

        var lapsed = 0;
        foreach (var entry in await db.WaitlistEntries.Where(w => w.Status == WaitlistStatus.Waiting && w.StartsAt <= now).ToListAsync(ct))
        {
            entry.Lapse(now);
            lapsed++;
        }

        await db.SaveChangesAsync(ct);
        return new KeeperRun(released, expired, lapsed);
    }
}
