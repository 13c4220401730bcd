using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.WebUtilities;

namespace Livelihood.Tests.Platform;

/// <summary>Every script and stylesheet a page links carries the hash of the file it names, so a changed file is fetched again.</summary>
public sealed class StaticFileUrlsTests(DatabaseProvider provider) : AppFixture(provider)
{
    [TestCase("/", TestName = "the layout's files")]
    [TestCase("/Attendance", TestName = "a page's own script, in its Scripts section")]
    public async Task Each_script_and_stylesheet_url_carries_the_hash_of_the_file_it_names(string path)
    {
        var manager = await App.SignedInAsync(Roles.Manager);
        var page = await manager.GetStringAsync(path);

        var urls = Regex.Matches(page, "<script src=\"(?<url>[^\"]+)\"|<link rel=\"stylesheet\" href=\"(?<url>[^\"]+)\"")
            .Select(m => m.Groups["url"].Value).ToList();
        Assert.That(urls, Has.Count.GreaterThanOrEqualTo(path == "/" ? 7 : 8));
        foreach (var url in urls)
        {
            var (file, version) = (url.Split("?v=")[0], url.Split("?v=").ElementAtOrDefault(1));
            var content = await manager.GetByteArrayAsync(file);
            Assert.That(version, Is.EqualTo(Base64UrlTextEncoder.Encode(SHA256.HashData(content))), url);
        }
    }
}
