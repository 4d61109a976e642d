namespace SeoulAiHub.Features.Engagement.Opinions;

/// <summary>The model of _CategoryChoices: the field name, an id prefix unique on the page, the names ticked.</summary>
public sealed record CategoryChoices(string Name, string IdPrefix, IReadOnlyCollection<string> Ticked);
