using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Features.Organizations;
using SeoulAiHub.Features.Spaces;
using SeoulAiHub.Platform.Data;
using static SeoulAiHub.Platform.Errors.Rule;

namespace SeoulAiHub.Features.Facilities;

/// <summary>Operators' writes to the catalogue: facilities and per-organization quotas.</summary>
public sealed class FacilityCatalog(HubDb db, TimeProvider clock)
{
    public async Task<Facility> CreateAsync(FacilitySettings settings, CancellationToken ct = default)
    {
        await RequireSiteAsync(settings.SiteId, ct);
        var facility = Facility.Create(settings, clock.GetUtcNow());
        db.Facilities.Add(facility);
        await db.SaveChangesAsync(ct);
        return facility;
    }

    /// <summary>Changes apply to new bookings; existing ones keep the cells (and buffer) they were booked with.</summary>
    public async Task UpdateAsync(Guid id, FacilitySettings settings, CancellationToken ct = default)
    {
        var facility = await db.Facilities.SingleOrDefaultAsync(f => f.Id == id, ct);
        Require(facility is not null, RuleKind.NotFound, "Facilities.Error.NoSuchFacility");
        await RequireSiteAsync(settings.SiteId, ct);
        facility!.Update(settings, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets an organization's monthly hours; null goes back to the default.</summary>
    public async Task SetQuotaAsync(Guid organizationId, int? monthlyHours, CancellationToken ct = default)
    {
        Require(await db.OrganizationExistsAsync(organizationId, ct), "Facilities.Error.NoSuchOrganization");
        var quota = await db.FacilityQuotas.SingleOrDefaultAsync(q => q.OrganizationId == organizationId, ct);
        if (monthlyHours is not { } hours)
        {
            if (quota is not null)
            {
                db.FacilityQuotas.Remove(quota);
            }
        }
        else if (quota is null)
        {
            db.FacilityQuotas.Add(FacilityQuota.Create(organizationId, hours, clock.GetUtcNow()));
        }
        else
        {
            quota.Set(hours, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task RequireSiteAsync(Guid siteId, CancellationToken ct) =>
        Require(await db.SiteExistsAsync(siteId, ct), "Facilities.Error.Site");
}
