namespace SeoulAiHub.Features.Engagement.Visits;

// The forms of the visit page besides the visit itself (VisitForm): a stop, a member, a guest, an opinion heard.

public sealed class StopForm
{
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? OrganizationId { get; set; }
    public string? SiteId { get; set; }
    public string? Place { get; set; }
    public string? BriefingPerson { get; set; }
    public string? Note { get; set; }
}

public sealed class MemberForm
{
    public string? UserId { get; set; }
    public string? Title { get; set; }
    public string? Affiliation { get; set; }
}

public sealed class GuestForm
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Affiliation { get; set; }
}

public sealed class OpinionForm
{
    public string? Text { get; set; }
    public string? Speaker { get; set; }
    public string? OrganizationId { get; set; }
    public List<string> Categories { get; set; } = [];
    public string? Visibility { get; set; }
}
