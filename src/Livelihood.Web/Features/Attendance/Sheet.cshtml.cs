using System.Globalization;
using Livelihood.Web.Features.Cohorts;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Attendance;

/// <summary>
/// DESIGN.md's paper fallback: a session's roster as an A4 sign-in sheet, for days when no phone works, in Thai or
/// English as chosen (by default the reader's language). Everyone enrolled on the session's day, a box per mark and a
/// signature column; the session's code (<see cref="SessionCode"/>) is typed back with the marks on the roster.
/// </summary>
[Authorize(Policy = Policies.WorkOnCohorts)]
[Scope(ResourceKind.Session)]
public sealed class SheetModel(RosterQueries roster, CohortQueries cohorts) : PageModel
{
    [FromRoute] public long Id { get; set; }
    [FromQuery] public string? Lang { get; set; }

    public RosterQueries.Session Session { get; private set; } = null!;
    public string? CourseNameEn { get; private set; }
    public IReadOnlyList<string> Trainers { get; private set; } = [];
    public IReadOnlyList<RosterQueries.Row> People { get; private set; } = [];

    /// <summary>The sheet's language: the one chosen, else the reader's.</summary>
    public CultureInfo Culture => Lang switch
    {
        "en" => CultureInfo.GetCultureInfo(Languages.English),
        "th" => CultureInfo.GetCultureInfo(Languages.Thai),
        _ => CultureInfo.CurrentUICulture,
    };

    public bool InThai => Languages.IsThai(Culture);

    public async Task<IActionResult> OnGetAsync()
    {
        var session = await roster.SessionAsync(Id);
        if (session is null) return NotFound();
        Session = session;
        CourseNameEn = (await cohorts.FindAsync(session.CohortId))!.CourseNameEn;
        Trainers = await cohorts.TrainerNamesAsync(session.CohortId);
        People = await roster.RosterAsync(session);
        return Page();
    }
}
