namespace SeoulAiHub.Features.Facilities;

/// <summary>The <c>Facilities</c> configuration section.</summary>
public sealed class FacilitiesOptions
{
    public const string Section = "Facilities";

    /// <summary>Monthly booking hours of an organization without its own quota.</summary>
    public int DefaultMonthlyHours { get; set; } = 40;

    /// <summary>Monthly booking hours of a member of the public (a person without a membership).</summary>
    public int PublicMonthlyHours { get; set; } = 8;

    /// <summary>How long a freed slot is held for a waitlisted person (never past the slot's start).</summary>
    public int OfferHoldMinutes { get; set; } = 120;
}
