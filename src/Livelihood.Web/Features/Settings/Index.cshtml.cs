using Livelihood.Web.Platform.Audit;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Livelihood.Web.Platform.Jobs;
using Livelihood.Web.Platform.Settings;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Settings;

/// <summary>Organisation settings, for managers and admins. Later features add their settings here.</summary>
public sealed class IndexModel(AppSettings settings, IStringLocalizer<AdminText> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a language.")]
        [RegularExpression("^(th|en)$", ErrorMessage = "Choose a language.")]
        public string DefaultLanguage { get; set; } = "th";

        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [FromQuery] public bool Saved { get; set; }
    public DateTime? HousekeepingLastRun { get; private set; }

    public async Task OnGetAsync()
    {
        var language = await LoadAsync();
        Input = new InputModel { DefaultLanguage = language.Value, Version = language.Version };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var language = await LoadAsync();
        if (!ModelState.IsValid) return Page();
        if (!await settings.SetAsync(language, Input.DefaultLanguage, Input.Version))
        {
            Input.Version = ModelState.RefuseStaleEdit(text["Someone else changed the settings while you were editing. Nothing was saved: check and save again."], (await LoadAsync()).Version);
            return Page();
        }
        return RedirectToPage(new { saved = true });
    }

    private async Task<AppSettings.Setting> LoadAsync()
    {
        var all = await settings.AllAsync();
        HousekeepingLastRun = all.TryGetValue(DatabaseHousekeeping.LastRunSetting, out var lastRun)
            && DateTime.TryParse(lastRun.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var when) ? when : null;
        return all[AppSettings.DefaultLanguage];
    }
}
