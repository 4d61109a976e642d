using System.Collections.Immutable;
using SeoulAiHub.Features.Organizations;

namespace SeoulAiHub.Tests.Organizations;

/// <summary>The in-memory search over one snapshot: matching, ranking and paging, without a database.</summary>
public sealed class DirectorySearchTests
{
    private static DirectoryEntry Entry(string ko, string en, OrganizationType type = OrganizationType.Startup) =>
        new(Guid.CreateVersion7(), ko, en, type, TenancyStatus.Resident, null, [], [], []);

    private static DirectoryIndex.Snapshot SnapshotOf(params DirectoryEntry[] entries) =>
        new([.. entries.OrderBy(e => e.NameKo, StringComparer.Ordinal)], [], [], [], DateTimeOffset.UtcNow, 0, null);

    private static List<string> Names(DirectoryPage page) => [.. page.Items.Select(e => e.NameKo)];

    [Fact]
    public void Partial_words_match_either_name_ignoring_spaces_and_case_and_names_that_start_with_it_come_first()
    {
        var snapshot = SnapshotOf(
            Entry("KAIST 김재철AI대학원", "KAIST Kim Jaechul Graduate School of AI", OrganizationType.University),
            Entry("AI 대학원 협의회", "Council of AI Graduate Schools", OrganizationType.Association),
            Entry("비전웍스", "Visionworks"),
            Entry("말결랩스", "Malgyeol Labs"));

        Assert.Equal(["AI 대학원 협의회", "KAIST 김재철AI대학원"], Names(DirectorySearch.Run(snapshot, new("ai대학원"))));
        Assert.Equal(["비전웍스"], Names(DirectorySearch.Run(snapshot, new("VISION"))));
        Assert.Equal(["말결랩스"], Names(DirectorySearch.Run(snapshot, new("결 랩"))));
        Assert.Equal(["KAIST 김재철AI대학원"], Names(DirectorySearch.Run(snapshot, new("대학원", OrganizationType.University))));
        Assert.Empty(DirectorySearch.Run(snapshot, new("없는이름")).Items);
    }

    [Fact]
    public void A_query_never_matches_across_the_end_of_one_name_and_the_start_of_the_next()
    {
        // Normalized, the two names sit side by side as "가나\nab\n다라\ncd\n": "나다" and "bc" must find nothing.
        var snapshot = SnapshotOf(Entry("가나", "ab"), Entry("다라", "cd"));

        Assert.Equal(0, DirectorySearch.Run(snapshot, new("나다")).Total);
        Assert.Equal(0, DirectorySearch.Run(snapshot, new("bc")).Total);
        Assert.Equal(2, DirectorySearch.Run(snapshot, new(" ")).Total);   // blank = no query
    }

    [Fact]
    public void Pages_run_through_the_names_starting_with_the_query_then_the_others_in_name_order()
    {
        var starting = Enumerable.Range(0, 25).Select(i => Entry($"로보{i:00}", $"Robo {i}"));
        var containing = Enumerable.Range(0, 25).Select(i => Entry($"가{i:00}로보", $"Ga robo {i}"));
        var unrelated = Enumerable.Range(0, 10).Select(i => Entry($"나{i:00}", $"Na {i}"));
        var snapshot = SnapshotOf([.. starting, .. containing, .. unrelated]);

        var pages = Enumerable.Range(1, 4).Select(p => DirectorySearch.Run(snapshot, new("로보", Page: p))).ToList();

        Assert.All(pages, p => Assert.Equal(50, p.Total));
        Assert.Equal(3, pages[0].Pages);
        var all = pages.SelectMany(Names).ToList();
        Assert.Equal([.. Enumerable.Range(0, 25).Select(i => $"로보{i:00}"), .. Enumerable.Range(0, 25).Select(i => $"가{i:00}로보")], all);
        Assert.Empty(pages[3].Items);
    }
}
