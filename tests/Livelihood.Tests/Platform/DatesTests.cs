using System.Globalization;
using Livelihood.Web.Platform.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace Livelihood.Tests.Platform;

/// <summary>th-TH uses the Buddhist calendar: dates show as 2569 in Thai and must still be stored and posted as 2026.</summary>
public sealed class DatesTests
{
    private static readonly DateOnly Day = new(2026, 11, 29);

    [TestCase("th-TH", "29 พ.ย. 2569")]
    [TestCase("en-GB", "29 Nov 2026")]
    public void A_date_shows_in_the_readers_calendar_and_parses_back_to_the_same_day(string culture, string shown)
    {
        var info = CultureInfo.GetCultureInfo(culture);

        Assert.That(DisplayDates.Show(Day, info), Is.EqualTo(shown));
        Assert.That(DisplayDates.TryParse(shown, info, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(Day));
    }

    [TestCase("th-TH", "29/11/2569")]
    [TestCase("en-GB", "29/11/2026")]
    public void A_date_typed_with_slashes_parses_in_the_readers_calendar(string culture, string typed)
    {
        Assert.That(DisplayDates.TryParse(typed, CultureInfo.GetCultureInfo(culture), out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(Day));
    }

    [Test]
    public void A_utc_timestamp_shows_in_thailand_time()
        => Assert.That(DisplayDates.Show(new DateTime(2026, 11, 29, 20, 15, 0, DateTimeKind.Utc), CultureInfo.GetCultureInfo("en-GB")),
            Is.EqualTo("30 Nov 2026 03:15"));

    [TestCase("th-TH")]
    [TestCase("en-GB")]
    public async Task A_posted_iso_date_binds_to_the_same_day_whatever_the_request_culture(string culture)
    {
        var context = await BindAsync("2026-11-29", culture);
        Assert.That(context.Result.IsModelSet, Is.True);
        Assert.That(context.Result.Model, Is.EqualTo(Day));
    }

    [Test]
    public async Task A_posted_date_that_is_not_iso_is_a_model_error_not_a_guess()
    {
        var context = await BindAsync("29/11/2569", "th-TH");
        Assert.That(context.Result.IsModelSet, Is.False);
        Assert.That(context.ModelState["date"]!.Errors, Has.Count.EqualTo(1));
    }

    private static async Task<DefaultModelBindingContext> BindAsync(string posted, string culture)
    {
        var form = new FormCollection(new Dictionary<string, StringValues> { ["date"] = posted });
        var context = new DefaultModelBindingContext
        {
            ModelMetadata = new EmptyModelMetadataProvider().GetMetadataForType(typeof(DateOnly)),
            ModelName = "date",
            ModelState = new ModelStateDictionary(),
            ValueProvider = new FormValueProvider(BindingSource.Form, form, CultureInfo.GetCultureInfo(culture)),
        };
        await new IsoDateModelBinder().BindModelAsync(context);
        return context;
    }
}
