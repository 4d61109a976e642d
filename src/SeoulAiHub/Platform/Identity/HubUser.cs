using Microsoft.AspNetCore.Identity;

namespace SeoulAiHub.Platform.Identity;

/// <summary>A person who signs in. Email is the user name.</summary>
public sealed class HubUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static HubUser Create(string email, string displayName, DateTimeOffset? createdAt = null) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = email,
        Email = email,
        DisplayName = displayName,
        CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
        SecurityStamp = Guid.NewGuid().ToString("N"),
    };
}
