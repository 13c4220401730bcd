using Dapper;
using Livelihood.Data;

namespace Livelihood.Web.Features.People;

/// <summary>
/// What a search box over the registry finds, for every page that searches people (the people list, the enrollment
/// and group-member pickers): the people whose Thai name, Latin name, nickname or phone (on the list also their
/// village's name) holds the text typed, case-insensitively. The text is literal: % and _ are characters, not wildcards.
/// <para>
/// On SQLite the trigram index PeopleSearch (migration 0016) answers from the index alone. SQL Server's image has no
/// full-text search, so there LIKE '%text%' scans People: correct, and acceptable at the office's own scale. A text of
/// 1 or 2 characters is too short for trigrams: on both engines it finds the people whose nickname begins with it
/// (how a field officer looks up "นก" or "บี"), from the nickname index.
/// </para>
/// </summary>
public sealed class PeopleSearch
{
    private PeopleSearch(string text) => Text = text;

    public string Text { get; }

    /// <summary>
    /// Fills the SQLite index from every person, as migration 0016's triggers would have: for a bulk load that runs
    /// without them (seed-bench).
    /// </summary>
    public const string FillSqliteIndexSql = """
        INSERT INTO PeopleSearch (rowid, FullNameTh, FullNameLatin, Nickname, Phone, VillageName)
        SELECT p.Id, p.FullNameTh, p.FullNameLatin, p.Nickname, p.Phone, v.NameTh FROM People p JOIN Villages v ON v.Id = p.VillageId
        """;

    /// <summary>
    /// Merges the SQLite index into one segment. Each write adds a small segment of its own, and a search reads every
    /// trigram from every segment: the nightly housekeeping merges them, and seed-bench does after its bulk fill.
    /// </summary>
    public const string MergeSqliteIndexSql = "INSERT INTO PeopleSearch (PeopleSearch) VALUES ('optimize')";

    /// <summary>The search for what was typed, or null when nothing was.</summary>
    public static PeopleSearch? For(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : new(typed.Trim());

    /// <summary>Trigrams need 3 characters, counted as the tokenizer counts them (code points).</summary>
    public bool IsShort => Text.EnumerateRunes().Count() < 3;

    /// <summary>
    /// The search as a condition on People p; binds @SearchPhrase and @SearchPattern (<see cref="AddTo"/>). The village
    /// name is matched only where the caller asks (the people list). A short text is a condition on p itself, so the
    /// nickname index (which holds the Thai name too) also orders the page.
    /// </summary>
    public string Condition(SqlDialect dialect, bool withVillageName)
        => IsShort ? NicknameBegins("p.") : $"p.Id IN ({Ids(dialect, withVillageName)})";

    /// <summary>The same search as a SELECT of the ids (column Id) of the people found: counted without reading People.</summary>
    public string Ids(SqlDialect dialect, bool withVillageName)
    {
        if (IsShort) return $"SELECT Id FROM People WHERE {NicknameBegins("")}";
        return IndexedIds(dialect, withVillageName) ?? $"""
            SELECT Id FROM People
            WHERE FullNameTh LIKE @SearchPattern ESCAPE '\' OR FullNameLatin LIKE @SearchPattern ESCAPE '\'
               OR Nickname LIKE @SearchPattern ESCAPE '\' OR Phone LIKE @SearchPattern ESCAPE '\'
               {(withVillageName ? @"OR VillageId IN (SELECT Id FROM Villages WHERE NameTh LIKE @SearchPattern ESCAPE '\')" : "")}
            """;
    }

    /// <summary>Whether the trigram index answers the search (SQLite, 3 characters or more), without reading People.</summary>
    public bool IsIndexed(SqlDialect dialect) => !IsShort && IndexedIds(dialect, withVillageName: false) is not null;

    // An FTS5 column filter limits the match to the person's own fields when the village is not searched.
    private static string? IndexedIds(SqlDialect dialect, bool withVillageName)
        => dialect.TrigramIndexIds("PeopleSearch",
            withVillageName ? "@SearchPhrase" : "'{FullNameTh FullNameLatin Nickname Phone} : ' || @SearchPhrase");

    private static string NicknameBegins(string alias) => $@"{alias}Nickname LIKE @SearchPattern ESCAPE '\'";

    /// <summary>Adds the search's parameters: the text as one FTS5 phrase, and as a LIKE pattern with its wildcards escaped.</summary>
    public DynamicParameters AddTo(DynamicParameters parameters)
    {
        var escaped = Text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_").Replace("[", @"\[");
        parameters.Add("SearchPhrase", $"\"{Text.Replace("\"", "\"\"")}\"");
        parameters.Add("SearchPattern", IsShort ? $"{escaped}%" : $"%{escaped}%");
        return parameters;
    }
}
