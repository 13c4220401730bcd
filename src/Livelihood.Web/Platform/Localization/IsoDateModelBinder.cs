using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Livelihood.Web.Platform.Localization;

/// <summary>
/// Binds DateOnly from the ISO text that &lt;input type="date"&gt; posts, whatever the request culture. The default
/// binder parses form values in the current culture, and under th-TH reads "2026-11-29" as Buddhist-era 2026 (AD 1483).
/// </summary>
public sealed class IsoDateModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);

        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType) bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            bindingContext.Result = ModelBindingResult.Success(date);
        else
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                bindingContext.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, bindingContext.ModelMetadata.GetDisplayName()));
        return Task.CompletedTask;
    }

    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
            => context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new IsoDateModelBinder() : null;
    }
}
