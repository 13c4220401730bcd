using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Livelihood.Web.Features.FollowUps;

/// <summary>
/// The menu item "Follow-ups" with the number overdue in the user's districts (all districts for managers and admins):
/// <c>@await Component.InvokeAsync("FollowUpsNav")</c> in the layout.
/// </summary>
public sealed class FollowUpsNavViewComponent(FollowUpQueries followUps, CurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (user.Role is not (Roles.FieldOfficer or Roles.Manager or Roles.Admin)) return Content("");
        return View("/Features/FollowUps/_FollowUpsNav.cshtml", await followUps.OverdueCountAsync());
    }
}
