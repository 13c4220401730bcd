using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Export;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.People;

/// <summary>
/// The people list with its current filters as a CSV or XLSX file: the list's own query and order (the people in the
/// user's scope), without paging. For those who register people. The sensitive fields only when a manager or admin
/// ticks them; every export is in the audit log with its filters.
/// </summary>
[Authorize(Policy = Policies.RegisterPeople)]
[Lists(ResourceKind.Person)]
public sealed class ExportModel(
    IndexModel.Handler handler, TimeProvider clock, AuditedWrites audited, CurrentUser user, IStringLocalizer<PeopleText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public IndexModel.Filters Filter { get; set; } = new();

    private DateOnly Today { get; set; }

    /// <summary>Managers and admins may export the sensitive fields (ID number, ethnicity, vulnerability flags); no one else.</summary>
    public static bool MayExportSensitive(CurrentUser user) => user.Role is Roles.Admin or Roles.Manager;

    public async Task<IActionResult> OnGetAsync(string? format, bool sensitive)
    {
        if (!ExportFile.IsFormat(format)) return NotFound();
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var withSensitive = sensitive && MayExportSensitive(user);
        await audited.RecordAsync("Export", "People", 0, new { Format = format, Sensitive = withSensitive, Filters = Filter });

        string[] headers =
        [
            text["Person number"], text["Full name (Thai)"], text["Full name (Latin letters)"], text["Nickname"], text["Sex"],
            text["Birth date"], text["Birth year"], text["Age"], text["Village"], text["Subdistrict"], text["District"], text["Phone"],
            text["Citizenship status"], text["Education"], text["Guardian's name"], text["Guardian's relation"], text["Guardian's phone"],
            text["Status"], text["Data consent"],
        ];
        if (withSensitive) headers = [.. headers, text["ID card number"], text["Ethnicity"], text["Vulnerability flags"]];
        var file = await ExportFile.WriteAsync(format!, headers, Values(handler.ExportAsync(Filter, Today, withSensitive), withSensitive), "People");
        return File(file, ExportFile.ContentType(format!), $"people-{Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.{format}");
    }

    private async IAsyncEnumerable<object?[]> Values(IAsyncEnumerable<IndexModel.ExportRow> rows, bool withSensitive)
    {
        string? Coded(string? code) => string.IsNullOrEmpty(code) ? null : text[code].Value;
        await foreach (var p in rows)
        {
            object?[] values =
            [
                p.Id, p.FullNameTh, p.FullNameLatin, p.Nickname, Coded(p.Sex), p.BirthDate, p.BirthYear, PersonAge.On(Today, p.BirthDate, p.BirthYear),
                p.VillageLabel, p.SubdistrictName, p.DistrictName, p.Phone, Coded(p.CitizenshipStatus), Coded(p.Education),
                p.GuardianName, p.GuardianRelation, p.GuardianPhone, Coded(p.Status), p.HasDataConsent ? text["Given"].Value : text["Not given"].Value,
            ];
            if (withSensitive)
            {
                var flags = Vulnerabilities.Split(p.VulnerabilityFlags)
                    .Select(code => Vulnerabilities.All.FirstOrDefault(v => v.Code == code).Text ?? code)
                    .Select(label => text[label].Value);
                values = [.. values, p.IdNumber, p.Ethnicity, string.Join(", ", flags) is { Length: > 0 } joined ? joined : null];
            }
            yield return values;
        }
    }
}
