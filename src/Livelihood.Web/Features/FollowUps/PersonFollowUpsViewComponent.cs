using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Livelihood.Web.Features.FollowUps;

/// <summary>
/// A person's outcome on their page: each follow-up over time with work status, incomes and self-reliant yes/no per
/// the setting's line, and a chart of income. Shown to those who do follow-ups (incomes are not a trainer's business):
/// <c>@await Component.InvokeAsync("PersonFollowUps", new { personId })</c>.
/// </summary>
public sealed class PersonFollowUpsViewComponent(FollowUpQueries followUps, AppSettings settings, IAuthorizationService authorization) : ViewComponent
{
    public sealed record Outcome(IReadOnlyList<FollowUpQueries.FollowUp> FollowUps, Data.Money Line, DateOnly Today);

    public async Task<IViewComponentResult> InvokeAsync(long personId)
    {
        if (!(await authorization.AuthorizeAsync(UserClaimsPrincipal, Policies.DoFollowUps)).Succeeded) return Content("");
        var line = await settings.SelfRelianceLineAsync();
        return View("/Features/FollowUps/_PersonFollowUps.cshtml", new Outcome(await followUps.ForPersonAsync(personId, line), line, followUps.Today));
    }
}
