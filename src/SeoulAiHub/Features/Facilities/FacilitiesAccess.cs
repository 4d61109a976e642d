using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Platform.Data;
using SeoulAiHub.Platform.Identity;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

/// <summary>
/// Who is booking: staff (operators) book any facility for the hub; a tenant member books, for one of their
/// organizations, facilities open to tenants; a signed-up person without a membership books, for themselves, facilities
/// open to the public. Overseers read everything and change nothing.
/// </summary>
public sealed record Booker(Guid UserId, string? Email, bool IsStaff, bool IsOverseer, IReadOnlyList<Guid> Organizations)
{
    public Audience Audience => IsStaff ? Audience.Staff : Organizations.Count > 0 ? Audience.Tenants : Audience.Public;

    public bool SeesAll => IsStaff || IsOverseer;

    /// <summary>
    /// May the person book this facility, and for whom? Returns the organization the hours count against (null: staff or a public
    /// individual).
    /// </summary>
    public Guid? BookingFor(Facility facility, Guid? organizationId)
    {
        Require(IsStaff || !IsOverseer, RuleKind.Forbidden, "Facilities.Error.NotAllowed");
        if (IsStaff)
        {
            Require(organizationId is null || Organizations.Contains(organizationId.Value), "Facilities.Error.NotMember");
            return organizationId;
        }

        if (Organizations.Count == 0)
        {
            Require(organizationId is null, "Facilities.Error.NotMember");
            Require(facility.Audience.HasFlag(Audience.Public), "Facilities.Error.NotForPublic");
            return null;
        }

        var organization = organizationId ?? (Organizations.Count == 1 ? Organizations[0] : null);
        Require(organization is not null, "Facilities.Error.ChooseOrganization");
        Require(Organizations.Contains(organization!.Value), "Facilities.Error.NotMember");
        Require(facility.Audience.HasFlag(Audience.Tenants), "Facilities.Error.NotForTenants");
        return organization;
    }

    /// <summary>May the person act on (cancel, check in, answer an offer for) a booking of this person or organization?</summary>
    public bool Owns(Guid bookedBy, Guid? organizationId) =>
        bookedBy == UserId || (organizationId is { } o && Organizations.Contains(o));
}

public sealed class FacilitiesAccess(HubDb db)
{
    public async Task<Booker> BookerAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email }).SingleOrDefaultAsync(ct);
        Require(user is not null, RuleKind.Forbidden, "Facilities.Error.NotAllowed");
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name)
            .ToListAsync(ct);
        var organizations = await db.OrganizationIdsOfAsync(userId, ct);
        return new Booker(userId, user!.Email, roles.Contains(HubRoles.Operator), roles.Contains(HubRoles.Overseer), organizations);
    }

    /// <summary>The bookings a person may see: all for staff and overseers, else their own and their organizations'.</summary>
    public static IQueryable<Booking> Visible(IQueryable<Booking> bookings, Booker booker)
    {
        if (booker.SeesAll)
        {
            return bookings;
        }

        var organizations = booker.Organizations.ToList();
        return bookings.Where(b => b.BookedBy == booker.UserId || (b.OrganizationId != null &&
            organizations.Contains(b.OrganizationId.Value)));
    }

    /// <summary>The facilities a person may book: every one for staff, else those open to their audience.</summary>
    public static IQueryable<Facility> Bookable(IQueryable<Facility> facilities, Audience audience)
    {
        return audience == Audience.Staff ? facilities : facilities.Where(f => (f.Audience & audience) != Audience.None);
    }
}
