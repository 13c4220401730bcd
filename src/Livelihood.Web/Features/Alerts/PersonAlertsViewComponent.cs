using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Livelihood.Web.Features.Alerts;

/// <summary>
/// The absence alerts section of a person's page (open ones first, each linking to its follow-up), shown only to
/// those who follow alerts up: <c>@await Component.InvokeAsync("PersonAlerts", new { personId })</c>.
/// </summary>
public sealed class PersonAlertsViewComponent(AlertQueries alerts, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long personId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.FollowUpAlerts)).Succeeded) return Content("");
        return View("/Features/Alerts/_PersonAlerts.cshtml", await alerts.ForPersonAsync(personId));
    }
}
