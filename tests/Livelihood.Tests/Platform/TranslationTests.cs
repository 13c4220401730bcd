using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Livelihood.Tests.Platform;

/// <summary>
/// English text is the resource key; every literal a page or model asks a localizer for must have its Thai.
/// Reads the source tree so a new page with an untranslated string fails here, not in a village.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string Web = Path.Combine(RepositoryRoot(), "src", "Livelihood.Web");

    [Test]
    public void Every_text_the_pages_ask_for_has_a_thai_translation()
    {
        var missing = new List<string>();
        var checkedTexts = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cs*", SearchOption.AllDirectories))
        {
            var source = File.ReadAllText(file);
            var feature = FeatureResource(file);
            foreach (Match m in SharedKey().Matches(source)) Check("SharedText", m.Groups[1].Value, file);
            foreach (Match m in FeatureKey().Matches(source))
                Check(feature ?? throw new AssertionException($"{file} uses a feature localizer outside a feature with resources"), m.Groups[1].Value, file);
        }
        Assert.That(checkedTexts, Is.GreaterThan(50), "the scan found the pages' texts");
        Assert.That(missing, Is.Empty, "texts without Thai:\n" + string.Join("\n", missing));

        void Check(string resource, string key, string file)
        {
            checkedTexts++;
            if (!Thai(resource).Contains(key)) missing.Add($"{resource}: \"{key}\" ({Path.GetFileName(file)})");
        }
    }

    [Test]
    public void Validation_messages_are_translated_in_the_shared_resources()
    {
        var messages = Directory.EnumerateFiles(Web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => ErrorMessage().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.That(messages, Is.Not.Empty);
        Assert.That(messages.Where(m => !Thai("SharedText").Contains(m)), Is.Empty);
    }

    [TestCase("SharedText")]
    [TestCase("AccountText")]
    [TestCase("AdminText")]
    [TestCase("PeopleText")]
    [TestCase("CohortsText")]
    [TestCase("SessionsText")]
    [TestCase("AlertsText")]
    [TestCase("FollowUpsText")]
    [TestCase("AttendanceText")]
    [TestCase("GroupsText")]
    [TestCase("LedgerText")]
    [TestCase("DashboardText")]
    public void No_two_keys_differ_only_in_case(string resource)
    {
        // The resource reader folds case, so "District" and "district" would shadow each other.
        var clashes = Thai(resource).GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.That(clashes, Is.Empty);
    }

    /// <summary>Which resource a feature folder's own localizer (L in views, text in page models) reads.</summary>
    private static string? FeatureResource(string file)
    {
        var folder = Path.GetRelativePath(Path.Combine(Web, "Features"), file).Split(Path.DirectorySeparatorChar)[0];
        return folder switch
        {
            "Account" => "AccountText",
            "Admin" or "Settings" => "AdminText",
            "People" => "PeopleText",
            "Cohorts" => "CohortsText",
            "Attendance" => "AttendanceText",
            "Groups" => "GroupsText",
            "Ledger" => "LedgerText",
            "Sessions" => "SessionsText",
            "Alerts" => "AlertsText",
            "FollowUps" => "FollowUpsText",
            "Dashboard" => "DashboardText",
            "Locations" => "SharedText",
            _ => null,
        };
    }

    /// <summary>The keys a resource has Thai for (also used by features whose keys are codes, not literals).</summary>
    internal static HashSet<string> Thai(string resource)
        => XDocument.Load(Path.Combine(Web, "Resources", $"{resource}.th.resx")).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Livelihood.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Livelihood.sln not found above the test folder");
    }

    [GeneratedRegex("""\bT\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex SharedKey();

    [GeneratedRegex("""\b(?:L|text)\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex FeatureKey();

    [GeneratedRegex("""ErrorMessage = "([^"]+)"(?:,|\))""")]
    private static partial Regex ErrorMessage();
}
