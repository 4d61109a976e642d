using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SeoulAiHub.Platform.Data;

/// <summary>
/// A value read and written whole and never queried (a call's design, an application's answers, a reviewer's scores)
/// kept as one JSON text column. Changes are detected by comparing the JSON, so a mutated dictionary is saved too.
/// </summary>
internal static class JsonColumn
{
    public static readonly JsonSerializerOptions Options =
        new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property, Func<T> empty) where T : class =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => JsonSerializer.Deserialize<T>(json, Options) ?? empty(),
            new ValueComparer<T>(
                (x, y) => JsonSerializer.Serialize(x, Options) == JsonSerializer.Serialize(y, Options),
                value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!));
}
