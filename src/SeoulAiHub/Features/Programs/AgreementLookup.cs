using Microsoft.EntityFrameworkCore;
using SeoulAiHub.Platform.Data;

namespace SeoulAiHub.Features.Programs;

/// <summary>Agreements as other modules check them (a GPU allocation may be granted under one).</summary>
public static class AgreementLookup
{
    /// <summary>True when the agreement exists and was made with the organization (through its application).</summary>
    public static Task<bool> IsAgreementOfAsync(this HubDb db, Guid agreementId, Guid organizationId, CancellationToken ct = default) =>
        db.Agreements.AsNoTracking().AnyAsync(a => a.Id == agreementId && a.Application.OrganizationId == organizationId, ct);
}
