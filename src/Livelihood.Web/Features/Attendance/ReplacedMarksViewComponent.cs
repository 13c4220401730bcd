using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Livelihood.Web.Features.Attendance;

/// <summary>
/// Tells a user, on their next visit (Home, Today, the roster), which of their marks a mark made later by someone else
/// without seeing theirs replaced, until they say they have seen it:
/// <c>@await Component.InvokeAsync("ReplacedMarks", new { sessionId })</c> (sessionId null: every session).
/// </summary>
public sealed class ReplacedMarksViewComponent(RosterQueries roster, CurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long? sessionId = null)
    {
        if (user.Id is not { } userId) return Content("");
        var untold = await roster.UntoldAsync(userId, sessionId);
        return untold.Count == 0 ? Content("") : View("/Features/Attendance/_ReplacedMarks.cshtml", untold);
    }
}
