using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Livelihood.Web.Features.Alerts;

/// <summary>
/// The menu item "Absence alerts" with the number of open alerts (one indexed COUNT), for field officers, managers
/// and admins: <c>@await Component.InvokeAsync("OpenAlertsNav")</c> in the layout.
/// </summary>
public sealed class OpenAlertsNavViewComponent(AlertQueries alerts, CurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (user.Role is not (Roles.FieldOfficer or Roles.Manager or Roles.Admin)) return Content("");
        return View("/Features/Alerts/_OpenAlertsNav.cshtml", await alerts.OpenCountAsync());
    }
}
