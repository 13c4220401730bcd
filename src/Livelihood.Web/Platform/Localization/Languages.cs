using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Livelihood.Web.Platform.Settings;
using Microsoft.AspNetCore.Localization;

namespace Livelihood.Web.Platform.Localization;

/// <summary>
/// Thai and English. th-TH formats dates in the Buddhist era (2569) — wanted on screen, never in storage —
/// so values are stored and posted as ISO and only formatted with the culture at the last moment.
/// </summary>
public static class Languages
{
    public const string Thai = "th-TH";
    public const string English = "en-GB";
    public static readonly string[] Supported = [Thai, English];

    private static readonly UnicodeRange[] Unescaped = [UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Thai];

    /// <summary>JSON that keeps Thai readable (API answers, audit log values).</summary>
    public static readonly JavaScriptEncoder JsonEncoder = JavaScriptEncoder.Create(Unescaped);

    public static void AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        // Write Thai as Thai in HTML and JSON, not as escapes (a third of the size, and readable).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(Unescaped));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.DefaultRequestCulture = new RequestCulture(Thai);
            // The user's own choice (a cookie) first, then the organisation's default from Settings.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(async context =>
                {
                    var settings = context.RequestServices.GetRequiredService<AppSettings>();
                    var language = await settings.GetAsync(AppSettings.DefaultLanguage);
                    return language is null ? null : new ProviderCultureResult(CultureFor(language));
                }),
            ];
        });
    }

    /// <summary>Maps the short codes people choose ("th", "en") to the cultures the app runs in.</summary>
    public static string CultureFor(string? language)
        => language?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Thai;

    public static bool IsThai(CultureInfo culture) => culture.TwoLetterISOLanguageName == "th";
}
