using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using SeoulAiHub.Resources;

namespace SeoulAiHub.Platform.Localization;

/// <summary>
/// The hub's strings, read once into a frozen table per language from every Resources/*.{ko,en}.resx (SharedResource
/// for the platform, one pair per module beside it; a key may be defined in one file only). The framework's
/// ResourceManager-based localizer takes a lock and walks resource sets on every lookup; a page such as the
/// directory asks for some 80 strings, so under load that was a tenth of the page's time. Korean is the default;
/// any English culture (en, en-US…) reads the English table. A missing key comes back as itself, marked not found,
/// as the framework's localizer does (tests check every key used exists in both files).
/// </summary>
public sealed class HubStringLocalizer : IStringLocalizer<SharedResource>
{
    private static readonly Lazy<HubStringLocalizer> Instance = new(() => new HubStringLocalizer());

    private readonly FrozenDictionary<string, string> _korean;
    private readonly FrozenDictionary<string, string> _english;

    /// <summary>The strings are embedded in the assembly, so one instance serves every host in the process.</summary>
    public static HubStringLocalizer Shared => Instance.Value;

    private HubStringLocalizer()
    {
        _korean = Read(LocalizationSetup.Korean);
        _english = Read(LocalizationSetup.English);
    }

    public LocalizedString this[string name] =>
        Table().TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Table().Select(kv => new LocalizedString(kv.Key, kv.Value));

    private FrozenDictionary<string, string> Table() => HubCulture.IsEnglish ? _english : _korean;

    /// <summary>All string resources of the culture's satellite assembly, merged; a key defined twice is a build mistake.</summary>
    private static FrozenDictionary<string, string> Read(CultureInfo culture)
    {
        var satellite = typeof(SharedResource).Assembly.GetSatelliteAssembly(culture);
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in satellite.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)))
        {
            using var reader = new ResourceReader(satellite.GetManifestResourceStream(name)!);
            foreach (DictionaryEntry entry in reader)
            {
                if (!table.TryAdd((string)entry.Key, (string)entry.Value!))
                {
                    throw new InvalidOperationException($"The string '{entry.Key}' is defined twice ({name}).");
                }
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
