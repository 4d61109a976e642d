using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Spaces;

/// <summary>
/// Carries out tenancy steps for operators: loads the tenancy, applies the rule on the entity, keeps the
/// organization's status summary in step and saves in one transaction. A room taken by another tenancy is refused
/// here for a clear message, and by the database for the race where two requests pass this check at once.
/// </summary>
public sealed class TenancyService(HubDb db, TimeProvider clock)
{
    public async Task<Tenancy> ApplyAsync(Guid organizationId, DateOnly on, string? note, CancellationToken ct = default)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct)
            ?? throw new RuleException("Tenancy.Error.NoOrganization");
        if (await db.Tenancies.AnyAsync(t => t.OrganizationId == organizationId &&
                (t.Status == TenancyStatus.Applied || t.Status == TenancyStatus.Admitted || t.Status == TenancyStatus.Resident), ct))
        {
            throw new RuleException("Tenancy.Error.AlreadyOpen");
        }

        var tenancy = Tenancy.Apply(organizationId, on, note);
        db.Tenancies.Add(tenancy);
        organization.SetTenancyStatus(tenancy.Status, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return tenancy;
    }

    public Task AdmitAsync(Guid tenancyId, DateOnly on, DateOnly plannedEnd, string? note, CancellationToken ct = default) =>
        ChangeAsync(tenancyId, t => t.Admit(on, plannedEnd, note), ct);

    public Task MoveInAsync(Guid tenancyId, DateOnly on, CancellationToken ct = default) =>
        ChangeAsync(tenancyId, t => t.MoveIn(on), ct);

    public Task RenewAsync(Guid tenancyId, DateOnly on, DateOnly newPlannedEnd, string? reason, CancellationToken ct = default) =>
        ChangeAsync(tenancyId, t => t.Renew(on, newPlannedEnd, reason), ct);

    public Task GraduateAsync(Guid tenancyId, DateOnly on, string reason, CancellationToken ct = default) =>
        ChangeAsync(tenancyId, t => t.Graduate(on, reason), ct);

    public Task ExitAsync(Guid tenancyId, DateOnly on, string reason, CancellationToken ct = default) =>
        ChangeAsync(tenancyId, t => t.Exit(on, reason), ct);

    public async Task AssignRoomAsync(Guid tenancyId, Guid roomId, DateOnly from, DateOnly? to, CancellationToken ct = default)
    {
        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == roomId, ct) ?? throw new RuleException("Tenancy.Error.NoRoom");
        var end = to ?? DateOnly.MaxValue;
        var taken = await db.RoomAssignments.AnyAsync(a => a.RoomId == roomId && a.TenancyId != tenancyId &&
            a.StartsOn < end && (a.EndsOn == null || from < a.EndsOn), ct);
        if (taken)
        {
            throw new RuleException("Tenancy.Error.RoomOccupied");
        }

        await ChangeAsync(tenancyId, t => t.AssignRoom(room, from, to), ct);
    }

    private async Task ChangeAsync(Guid tenancyId, Action<Tenancy> change, CancellationToken ct)
    {
        var tenancy = await db.Tenancies.Include(t => t.Rooms).Include(t => t.Organization)
            .FirstOrDefaultAsync(t => t.Id == tenancyId, ct) ?? throw new RuleException("Tenancy.Error.NoTenancy");
        change(tenancy);
        tenancy.Organization.SetTenancyStatus(tenancy.Status, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (RoomOverlap.IsViolation(ex))
        {
            db.ChangeTracker.Clear();
            throw new RuleException("Tenancy.Error.RoomOccupied");
        }
    }
}

/// <summary>Recognizes the database's refusal of overlapping room assignments on either provider.</summary>
internal static class RoomOverlap
{
    public const string SqliteMessage = "room-occupied";
    public const string PostgresConstraint = "RoomAssignments_NoOverlap";

    public static bool IsViolation(DbUpdateException ex) =>
        ex.InnerException?.Message is { } message &&
        (message.Contains(SqliteMessage, StringComparison.Ordinal) || message.Contains(PostgresConstraint, StringComparison.Ordinal));
}
