using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace SeoulAiHub.Features.Organizations;

/// <summary>
/// Every directory entry's names, normalized ("김재철ai대학원\nkaist…"), in one string with the offset where each
/// entry starts. A partial-word search is then one vectorized <see cref="string.IndexOf(string, int, StringComparison)"/>
/// walk over a few hundred kilobytes, which is several times faster than 10,000 separate
/// <see cref="string.Contains(string, StringComparison)"/> calls. Names are normalized without whitespace and entries
/// are separated by a newline, so a query (also without whitespace) can never match across two entries.
/// </summary>
internal sealed class DirectoryNames
{
    private readonly string _text;
    private readonly int[] _starts;

    public DirectoryNames(ImmutableArray<DirectoryEntry> entries)
    {
        var text = new StringBuilder(entries.Length * 32);
        _starts = new int[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            _starts[i] = text.Length;
            text.Append(DirectoryEntry.Normalize(entries[i].NameKo)).Append('\n')
                .Append(DirectoryEntry.Normalize(entries[i].NameEn)).Append('\n');
        }

        _text = text.ToString();
    }

    /// <summary>
    /// The next entry at or after <paramref name="from"/> whose names contain <paramref name="normalizedQuery"/>, or -1;
    /// <paramref name="isPrefix"/> says whether its Korean name starts with the query.
    /// </summary>
    public int NextMatch(string normalizedQuery, int from, out bool isPrefix)
    {
        isPrefix = false;
        if (from >= _starts.Length)
        {
            return -1;
        }

        var at = _text.IndexOf(normalizedQuery, _starts[from], StringComparison.Ordinal);
        if (at < 0)
        {
            return -1;
        }

        var entry = Array.BinarySearch(_starts, from, _starts.Length - from, at);
        if (entry < 0)
        {
            entry = ~entry - 1;   // inside the entry that starts before the hit
        }

        isPrefix = at == _starts[entry];
        return entry;
    }
}

/// <summary>Filters, ranks and pages a directory snapshot; allocates only the page it returns.</summary>
public static class DirectorySearch
{
    public static DirectoryPage Run(DirectoryIndex.Snapshot snapshot, DirectoryQuery query)
    {
        var entries = snapshot.Entries;
        var q = string.IsNullOrWhiteSpace(query.Q) ? null : DirectoryEntry.Normalize(query.Q);
        var filter = new Filter(query, BitOf(snapshot.Domains, query.Domain), BitOf(snapshot.Industries, query.Industry));

        // Matching entry numbers, from a pooled array: names that start with the query fill it from the front,
        // the other matches from the back, so both keep the snapshot's order (Korean name) without a list per
        // request. (Lists of 10,000 would land on the large-object heap and cost a full collection each time.)
        var matches = ArrayPool<int>.Shared.Rent(Math.Max(1, entries.Length));
        try
        {
            int prefixed = 0, others = 0;
            if (q is null)
            {
                for (var i = 0; i < entries.Length; i++)
                {
                    if (filter.Accepts(entries[i]))
                    {
                        matches[prefixed++] = i;
                    }
                }
            }
            else
            {
                for (var i = snapshot.Names.NextMatch(q, 0, out var isPrefix); i >= 0; i = snapshot.Names.NextMatch(q, i + 1, out isPrefix))
                {
                    if (filter.Accepts(entries[i]))
                    {
                        matches[isPrefix ? prefixed++ : entries.Length - 1 - others++] = i;
                    }
                }
            }

            var total = prefixed + others;
            var page = Math.Max(1, query.Page);
            var first = (long)(page - 1) * DirectoryQuery.PageSize;
            var items = new List<DirectoryEntry>(DirectoryQuery.PageSize);
            for (var k = first; k < total && k < first + DirectoryQuery.PageSize; k++)
            {
                var rank = (int)k;
                items.Add(entries[rank < prefixed ? matches[rank] : matches[entries.Length - 1 - (rank - prefixed)]]);
            }

            return new DirectoryPage(items, total, page);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(matches);
        }
    }

    /// <summary>The bit of a term among the first 64 of its taxonomy; 0 means "compare codes" (more terms, or unknown).</summary>
    private static ulong BitOf(ImmutableArray<TermName> terms, string? code)
    {
        for (var i = 0; code is not null && i < terms.Length && i < 64; i++)
        {
            if (terms[i].Code == code)
            {
                return 1UL << i;
            }
        }

        return 0;
    }

    private readonly record struct Filter(DirectoryQuery Query, ulong DomainBit, ulong IndustryBit)
    {
        public bool Accepts(DirectoryEntry e) =>
            (Query.Type is null || e.Type == Query.Type) &&
            (Query.Status is null || e.Status == Query.Status) &&
            (Query.Domain is null || (DomainBit != 0 ? (e.DomainBits & DomainBit) != 0 : e.Domains.Contains(Query.Domain))) &&
            (Query.Industry is null || (IndustryBit != 0 ? (e.IndustryBits & IndustryBit) != 0 : e.Industries.Contains(Query.Industry))) &&
            (Query.Site is null || e.Sites.Contains(Query.Site.Value));
    }
}
