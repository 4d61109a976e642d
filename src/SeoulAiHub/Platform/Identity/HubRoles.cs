namespace SeoulAiHub.Platform.Identity;

/// <summary>The roles of docs/product.md. Organization scope comes from memberships, not from the role.</summary>
public static class HubRoles
{
    public const string Operator = "Operator";
    public const string TenantMember = "TenantMember";
    public const string Reviewer = "Reviewer";
    public const string DemandOrganizationMember = "DemandOrganizationMember";
    public const string Overseer = "Overseer";
    public const string Learner = "Learner";

    public static readonly IReadOnlyList<string> All =
        [Operator, TenantMember, Reviewer, DemandOrganizationMember, Overseer, Learner];

    /// <summary>Roles that act on behalf of an organization and so need one.</summary>
    public static bool NeedsOrganization(string role) => role is TenantMember or DemandOrganizationMember;

    public static string? Find(string name) =>
        All.FirstOrDefault(r => r.Equals(name, StringComparison.OrdinalIgnoreCase));
}
