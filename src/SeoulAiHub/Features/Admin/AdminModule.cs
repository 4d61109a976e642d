namespace SeoulAiHub.Features.Admin;

/// <summary>Operator tools: people, membership approvals and the audit log.</summary>
public static class AdminModule
{
    public const int PageSize = 50;

    public static IServiceCollection AddAdminModule(this IServiceCollection services) =>
        services.AddScoped<MembershipApprovals>();
}
