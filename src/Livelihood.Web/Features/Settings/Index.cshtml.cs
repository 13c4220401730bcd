using Livelihood.Web.Platform.Audit;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Jobs;
using Livelihood.Web.Platform.Settings;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Settings;

/// <summary>Organisation settings, for managers and admins. Later features add their settings here.</summary>
[Unscoped("organisation settings, no one's record")]
public sealed class IndexModel(AppSettings settings, IStringLocalizer<AdminText> text) : PageModel
{
    /// <summary>The settings this form edits (each a row of the Settings table).</summary>
    private static readonly string[] Edited = [AppSettings.DefaultLanguage, AppSettings.SelfRelianceLine, AppSettings.FiscalYearStart, AppSettings.AgeBands];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a language.")]
        [RegularExpression("^(th|en)$", ErrorMessage = "Choose a language.")]
        public string DefaultLanguage { get; set; } = "th";

        [Required(ErrorMessage = "Enter the self-reliance line.")]
        [Range(0, 1_000_000, ErrorMessage = "Enter an amount from {1} to {2} baht.")]
        public decimal? SelfRelianceLine { get; set; }

        [Range(1, 12, ErrorMessage = "Choose a month.")]
        public int FiscalYearMonth { get; set; } = 10;

        [Range(1, 31, ErrorMessage = "Choose a day that exists in that month.")]
        public int FiscalYearDay { get; set; } = 1;

        [Required(ErrorMessage = "Enter the ages where the bands start.")]
        public string AgeBands { get; set; } = "";

        /// <summary>
        /// The sum of the edited rows' versions. Versions only grow, so the sum is unchanged exactly when none of these
        /// settings changed since the form was shown: one hidden field guards all of them.
        /// </summary>
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [FromQuery] public bool Saved { get; set; }
    public DateTime? HousekeepingLastRun { get; private set; }
    public IReadOnlyList<(int? From, int? To)> AgeBandsShown { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var current = await LoadAsync();
        var line = await settings.SelfRelianceLineAsync();
        IndicatorSettings.TryParseFiscalYearStart(current[AppSettings.FiscalYearStart].Value, out var start);
        Input = new InputModel
        {
            DefaultLanguage = current[AppSettings.DefaultLanguage].Value,
            SelfRelianceLine = line.Baht,
            FiscalYearMonth = start.Month,
            FiscalYearDay = start.Day,
            AgeBands = string.Join(", ", AgeBounds(current)),
            Version = VersionOf(current),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var current = await LoadAsync();
        if (Input.SelfRelianceLine is { } amount && !new Money(amount).IsWholeSatang)
            ModelState.AddModelError("Input.SelfRelianceLine", text["Use at most two decimal places."]);
        if (!IndicatorSettings.IsDayOfYear(Input.FiscalYearMonth, Input.FiscalYearDay))
            ModelState.AddModelError("Input.FiscalYearDay", text["Choose a day that exists in that month."]);
        if (!IndicatorSettings.TryParseAgeBands(Input.AgeBands, out var bounds))
            ModelState.AddModelError("Input.AgeBands", text["Enter whole ages that rise, separated by commas, for example 15, 18, 25, 36."]);
        if (!ModelState.IsValid) return Page();

        var wanted = new Dictionary<string, string>
        {
            [AppSettings.DefaultLanguage] = Input.DefaultLanguage,
            [AppSettings.SelfRelianceLine] = new Money(Input.SelfRelianceLine!.Value).Satang.ToString(CultureInfo.InvariantCulture),
            [AppSettings.FiscalYearStart] = IndicatorSettings.FormatFiscalYearStart(Input.FiscalYearMonth, Input.FiscalYearDay),
            [AppSettings.AgeBands] = IndicatorSettings.FormatAgeBands(bounds),
        };
        var fresh = VersionOf(current) == Input.Version;
        foreach (var (name, value) in wanted.Where(w => fresh && current[w.Key].Value != w.Value))
            fresh = await settings.SetAsync(current[name], value, current[name].Version);
        if (!fresh)
        {
            // The page's transaction rolls back whatever this save had written before it met the change.
            Input.Version = ModelState.RefuseStaleEdit(text["Someone else changed the settings while you were editing. Nothing was saved: check and save again."], VersionOf(await LoadAsync()));
            return Page();
        }
        return RedirectToPage(new { saved = true });
    }

    private static int VersionOf(IReadOnlyDictionary<string, AppSettings.Setting> all) => Edited.Sum(name => all[name].Version);

    private static int[] AgeBounds(IReadOnlyDictionary<string, AppSettings.Setting> all)
        => IndicatorSettings.TryParseAgeBands(all[AppSettings.AgeBands].Value, out var bounds) ? bounds : [15, 18, 25, 36];

    private async Task<IReadOnlyDictionary<string, AppSettings.Setting>> LoadAsync()
    {
        var all = await settings.AllAsync();
        HousekeepingLastRun = all.TryGetValue(DatabaseHousekeeping.LastRunSetting, out var lastRun)
            && DateTime.TryParse(lastRun.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var when) ? when : null;
        AgeBandsShown = IndicatorSettings.Bands(AgeBounds(all));
        return all;
    }
}
