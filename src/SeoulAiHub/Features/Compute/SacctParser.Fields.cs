using System.Globalization;

namespace SeoulAiHub.Features.Compute;

/// <summary>The field formats of sacct: GPU counts in TRES and GRES, elapsed times.</summary>
public sealed partial class SacctParser
{
    /// <summary><c>billing=8,cpu=8,gres/gpu=2,gres/gpu:h100=2,mem=64G</c>: the untyped total, else the sum of typed counts.</summary>
    public static int TresGpus(ReadOnlySpan<char> tres)
    {
        var total = -1;
        var typed = 0;
        foreach (var range in tres.Split(','))
        {
            var entry = tres[range].Trim();
            if (!entry.StartsWith("gres/gpu", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // gres/gpu=N or gres/gpu:type=N; gres/gpumem, gres/gpuutil … are other resources.
            var eq = entry.IndexOf('=');
            var key = eq < 0 ? entry : entry[..eq];
            var isTotal = key.Length == "gres/gpu".Length;
            if (!isTotal && key["gres/gpu".Length] != ':')
            {
                continue;
            }

            if (eq < 0 || !int.TryParse(entry[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return -1;
            }

            if (isTotal)
            {
                total = n;
            }
            else
            {
                typed += n;
            }
        }

        return total >= 0 ? total : typed;
    }

    /// <summary><c>gpu:2</c>, <c>gpu:h100:4(IDX:0-3)</c>, several separated by commas.</summary>
    public static int GresGpus(ReadOnlySpan<char> gres)
    {
        var sum = 0;
        foreach (var range in gres.Split(','))
        {
            var entry = gres[range].Trim();
            if (!entry.StartsWith("gpu", StringComparison.OrdinalIgnoreCase) || entry.Length > 3 && entry[3] != ':')
            {
                continue;
            }

            var paren = entry.IndexOf('(');
            if (paren >= 0)
            {
                entry = entry[..paren];
            }

            var colon = entry.LastIndexOf(':');
            if (colon < 0 || !int.TryParse(entry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return -1;
            }

            sum += n;
        }

        return sum;
    }

    /// <summary>Slurm elapsed: <c>[D-]HH:MM:SS</c>, <c>MM:SS</c>, <c>MM:SS.mmm</c> (fractions of a second are dropped).</summary>
    public static bool TryElapsed(ReadOnlySpan<char> text, out long seconds)
    {
        seconds = 0;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        long days = 0;
        var dash = text.IndexOf('-');
        if (dash >= 0)
        {
            if (!long.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out days))
            {
                return false;
            }

            text = text[(dash + 1)..];
        }

        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            if (dot == text.Length - 1 || !IsDigits(text[(dot + 1)..]))
            {
                return false;
            }

            text = text[..dot];
        }

        Span<long> parts = stackalloc long[3];
        var count = 0;
        foreach (var range in text.Split(':'))
        {
            if (count == 3 || !long.TryParse(text[range], NumberStyles.None, CultureInfo.InvariantCulture, out parts[count]))
            {
                return false;
            }

            count++;
        }

        // With days the hours must be there (D-HH:MM:SS, or D-HH); minutes and seconds below 60.
        if (count < 2 && dash < 0 || count >= 2 && parts[count - 1] >= 60 || count == 3 && parts[1] >= 60)
        {
            return false;
        }

        var (h, m, s) = count switch
        {
            3 => (parts[0], parts[1], parts[2]),
            2 when dash >= 0 => (parts[0], parts[1], 0L),
            2 => (0L, parts[0], parts[1]),
            _ => (parts[0], 0L, 0L),
        };
        seconds = days * 86_400 + h * 3600 + m * 60 + s;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }
}
