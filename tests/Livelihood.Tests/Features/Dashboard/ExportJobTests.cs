using System.Net;
using System.Text.RegularExpressions;
using Livelihood.Data;
using Livelihood.Tests.Support;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Livelihood.Tests.Features.Dashboard;

/// <summary>The long export of the rows behind a number: queued by the page, written by the job in batches, downloaded by its owner.</summary>
public sealed partial class ExportJobTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task The_rows_behind_a_number_are_written_by_the_job_and_downloaded_by_who_asked()
    {
        await DashboardData.CreateAsync(App);
        var manager = await App.SignedInAsync(Roles.Manager);
        const string Rows = "/Dashboard/Rows?From=2025-10-01&To=2026-09-30&Indicator=FollowUpsDue&By=Sex&Group=Female";

        var queued = await manager.PostFormAsync(Rows + "&handler=Export", new() { ["format"] = "csv" }, Rows);
        Assert.That(queued.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var id = long.Parse(ExportId().Match(queued.Headers.Location!.ToString()).Groups[1].Value);
        var waiting = await manager.GetStringAsync($"/Dashboard/Exports/{id}");

        await App.WithServicesAsync(async s => { await s.GetRequiredService<DashboardExportJob>().RunAsync(id); return 0; });
        await App.WithServicesAsync(async s => { await s.GetRequiredService<DashboardExportJob>().RunAsync(id); return 0; });

        var ready = await manager.GetStringAsync($"/Dashboard/Exports/{id}");
        var file = await manager.GetAsync($"/Dashboard/Exports/{id}?handler=Download");
        var rows = ImportFile.Read(await file.Content.ReadAsStreamAsync(), "csv").Rows.Select(r => r.Values).ToList();
        var other = await (await App.SignedInAsync(Roles.Manager)).GetAsync($"/Dashboard/Exports/{id}?handler=Download");
        Assert.Multiple(() =>
        {
            Assert.That(waiting, Does.Contain("data-export-status=\"Queued\""));
            Assert.That(ready, Does.Contain("data-download"));
            // Ann 3, Dao 1, Fon 2: the six follow-ups of women due in the year, as the dashboard counts them.
            Assert.That(rows.Select(r => r[0]), Is.EqualTo(new[] { "Ann", "Ann", "Ann", "Dao", "Fon", "Fon" }));
            Assert.That(rows.Select(r => r[4]), Is.EqualTo(new[] { "ใช่", "ใช่", "ไม่ใช่", "ไม่ใช่", "ไม่ใช่", "ใช่" }), "done on time");
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "another user's export: out of scope");
        });
    }

    [Test]
    public async Task Progress_is_recorded_batch_by_batch()
    {
        var data = await DashboardData.CreateAsync(App);
        var id = await App.WithServicesAsync(s => s.GetRequiredService<DashboardExportJob>().QueueAsync(
            1, DashboardQueries.Find("Enrolled")!, new DashboardExportJob.Request { From = DashboardData.From, To = DashboardData.To }, "xlsx"));
        await App.WithServicesAsync(async s => { await s.GetRequiredService<DashboardExportJob>().RunAsync(id); return 0; });
        var (status, done, total) = await App.QueryAsync(db => db.QuerySingleAsync<(string, long, long)>(
            "SELECT Status, DoneRows, TotalRows FROM DashboardExports WHERE Id = @id", new { id }));
        Assert.That((status, done, total), Is.EqualTo(("Done", 4L, 4L)));
    }

    [GeneratedRegex(@"/Dashboard/Exports/(\d+)")]
    private static partial Regex ExportId();
}
