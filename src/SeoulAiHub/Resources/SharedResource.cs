namespace SeoulAiHub.Resources;

/// <summary>Marker for the shared ko/en strings (SharedResource.ko.resx, SharedResource.en.resx).</summary>
public sealed class SharedResource;
