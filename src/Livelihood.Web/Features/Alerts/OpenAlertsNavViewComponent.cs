using Microsoft.AspNetCore.Mvc;

namespace Livelihood.Web.Features.Alerts;

/// <summary>
/// The menu item "Absence alerts" with the number of open alerts (one indexed COUNT). The layout shows it to field
/// officers, managers and admins: <c>@await Component.InvokeAsync("OpenAlertsNav")</c>.
/// </summary>
public sealed class OpenAlertsNavViewComponent(AlertQueries alerts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View("/Features/Alerts/_OpenAlertsNav.cshtml", await alerts.OpenCountAsync());
}
