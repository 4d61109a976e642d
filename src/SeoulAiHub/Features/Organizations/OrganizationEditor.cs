using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Organizations;

/// <summary>An organization as an operator writes it (API and pages): names, official details, profile, classification.</summary>
public sealed record OrganizationInput(
    string NameKo,
    string NameEn,
    OrganizationType Type,
    string? BusinessRegistrationNumber = null,
    DateOnly? FoundedOn = null,
    int? Headcount = null,
    string? Summary = null,
    string? Description = null,
    string? Website = null,
    string? ContactEmail = null,
    string? ContactPhone = null,
    IReadOnlyList<string>? Domains = null,
    IReadOnlyList<string>? Industries = null)
{
    public OrganizationProfile Profile => new(NameKo, NameEn, FoundedOn, Headcount, Summary, Description, Website,
        ContactEmail, ContactPhone);
}

/// <summary>The outcome of a write: the organization, or the fields that were wrong with message keys (Org.Error.*).</summary>
public sealed record EditResult(Organization? Organization, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Validates and saves organizations (the directory follows by itself: <see cref="DirectoryInvalidation"/>).</summary>
public sealed class OrganizationEditor(HubDb db, TimeProvider clock)
{
    public async Task<EditResult> CreateAsync(OrganizationInput input, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0)
        {
            return new EditResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var organization = Organization.Create(input.NameKo, input.NameEn, input.Type, TenancyStatus.None, now);
        await ApplyAsync(organization, input, now, official: true, ct);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        return new EditResult(organization, errors);
    }

    /// <summary>Operators change everything; members (official: false) never type, registration number or tenancy.</summary>
    public async Task<EditResult> UpdateAsync(Guid id, OrganizationInput input, bool official, CancellationToken ct = default)
    {
        // One query: an organization has a handful of domains and industries, so their product is small.
        var organization = await db.Organizations.Include(o => o.Domains).Include(o => o.Industries).AsSingleQuery()
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return new EditResult(null, new Dictionary<string, string> { [""] = "Org.Error.NotFound" });
        }

        if (!official)
        {
            input = input with { Type = organization.Type, BusinessRegistrationNumber = organization.BusinessRegistrationNumber };
        }

        var errors = await ValidateAsync(input, id, ct);
        if (errors.Count > 0)
        {
            return new EditResult(organization, errors);
        }

        await ApplyAsync(organization, input, clock.GetUtcNow(), official, ct);
        await db.SaveChangesAsync(ct);
        return new EditResult(organization, errors);
    }

    private async Task ApplyAsync(Organization organization, OrganizationInput input, DateTimeOffset now, bool official,
        CancellationToken ct)
    {
        organization.UpdateProfile(input.Profile, now);
        if (official)
        {
            organization.SetOfficialDetails(input.Type, input.BusinessRegistrationNumber, now);
        }

        var domainCodes = input.Domains ?? [];
        var industryCodes = input.Industries ?? [];
        organization.SetClassification(
            await db.TechnologyDomains.Where(d => domainCodes.Contains(d.Code)).ToListAsync(ct),
            await db.Industries.Where(i => industryCodes.Contains(i.Code)).ToListAsync(ct), now);
    }

    /// <summary>A new organization added to the unit of work but not saved (bulk import saves once for the whole file).</summary>
    internal async Task<Organization> AddNewAsync(OrganizationInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var organization = Organization.Create(input.NameKo, input.NameEn, input.Type, TenancyStatus.None, now);
        await ApplyAsync(organization, input, now, official: true, ct);
        db.Organizations.Add(organization);
        return organization;
    }

    /// <summary>Field → message key (Org.Error.*) for everything wrong with the input; empty when it can be saved.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(OrganizationInput input, Guid? self, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        void Check(bool ok, string field, string key)
        {
            if (!ok)
            {
                errors.TryAdd(field, key);
            }
        }

        Check(!string.IsNullOrWhiteSpace(input.NameKo) && input.NameKo.Length <= 200, nameof(input.NameKo), "Org.Error.Name");
        Check(!string.IsNullOrWhiteSpace(input.NameEn) && input.NameEn.Length <= 200, nameof(input.NameEn), "Org.Error.Name");
        Check(Enum.IsDefined(input.Type), nameof(input.Type), "Org.Error.Type");
        Check(input.Headcount is null or >= 0 and <= 1_000_000, nameof(input.Headcount), "Org.Error.Headcount");
        Check(input.FoundedOn is null || (input.FoundedOn.Value.Year >= 1800 &&
            input.FoundedOn <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1)), nameof(input.FoundedOn),
            "Org.Error.Founded");
        Check(input.Summary is null || input.Summary.Length <= 2000, nameof(input.Summary), "Org.Error.TooLong");
        Check(input.Description is null || input.Description.Length <= 20000, nameof(input.Description), "Org.Error.TooLong");
        Check(string.IsNullOrWhiteSpace(input.Website) || (Uri.TryCreate(input.Website, UriKind.Absolute, out var url) &&
            url.Scheme is "http" or "https" && input.Website.Length <= 300), nameof(input.Website), "Org.Error.Website");
        Check(string.IsNullOrWhiteSpace(input.ContactEmail) || (new EmailAddressAttribute().IsValid(input.ContactEmail) &&
            input.ContactEmail.Length <= 256), nameof(input.ContactEmail), "Org.Error.Email");
        Check(input.ContactPhone is null || input.ContactPhone.Length <= 40, nameof(input.ContactPhone), "Org.Error.TooLong");

        var brn = Organizations.BusinessRegistrationNumber.Normalize(input.BusinessRegistrationNumber);
        Check(string.IsNullOrWhiteSpace(input.BusinessRegistrationNumber) || brn is not null,
            nameof(input.BusinessRegistrationNumber), "Org.Error.Brn");
        if (brn is not null)
        {
            Check(!await db.Organizations.AnyAsync(o => o.BusinessRegistrationNumber == brn && o.Id != self, ct),
                nameof(input.BusinessRegistrationNumber), "Org.Error.BrnTaken");
        }

        var domains = input.Domains ?? [];
        var industries = input.Industries ?? [];
        Check(await db.TechnologyDomains.CountAsync(d => domains.Contains(d.Code), ct) == domains.Distinct().Count(), nameof(input.Domains),
            "Org.Error.Domain");
        Check(await db.Industries.CountAsync(i => industries.Contains(i.Code), ct) == industries.Distinct().Count(),
            nameof(input.Industries), "Org.Error.Industry");
        return errors;
    }
}
