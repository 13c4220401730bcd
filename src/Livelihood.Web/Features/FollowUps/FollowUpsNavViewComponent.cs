using Microsoft.AspNetCore.Mvc;

namespace Livelihood.Web.Features.FollowUps;

/// <summary>
/// The menu item "Follow-ups" with the number overdue in the user's districts (all districts for managers and admins).
/// The layout shows it to field officers, managers and admins: <c>@await Component.InvokeAsync("FollowUpsNav")</c>.
/// </summary>
public sealed class FollowUpsNavViewComponent(FollowUpQueries followUps) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View("/Features/FollowUps/_FollowUpsNav.cshtml", await followUps.OverdueCountAsync());
}
