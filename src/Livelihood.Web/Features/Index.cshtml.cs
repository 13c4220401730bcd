using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features;

/// <summary>The home page: what the signed-in role can do, as cards (features add theirs as they arrive).</summary>
[Unscoped("home: links and the user's own counts")]
public sealed class IndexModel(CurrentUser user) : PageModel
{
    public sealed record Card(string Title, string Text, string Href);

    public string RoleName => RoleNames.Of(user.Role);

    /// <summary>A trainer's home is Today: the sessions to take attendance for.</summary>
    public IActionResult OnGet() => user.Role == Roles.Trainer ? Redirect("/Attendance") : Page();

    private static readonly Card People = new("People", "Register participants, their guardians and consent.", "/People");
    private static readonly Card Groups = new("Producer groups", "Village groups, their members and products.", "/Groups");
    private static readonly Card Cohorts = new("Cohorts", "Courses, cohorts, their trainers, sessions and status.", "/Cohorts");
    private static readonly Card Dashboard = new("Dashboard", "Outcome indicators for a period, split by district, sex, age and more; exports.", "/Dashboard");
    private static readonly Card AbsenceAlerts = new("Absence alerts", "Participants who stopped coming: contact them and resolve the alert.", "/Alerts");

    public IReadOnlyList<Card> Cards => user.Role switch
    {
        Roles.Admin =>
        [
            People,
            Cohorts,
            Groups,
            Dashboard,
            new("Users", "Create users, set their role, reset a password.", "/Admin/Users"),
            new("Audit log", "Who changed what, and when.", "/Admin/AuditLog"),
            new("Settings", "Default language and other organisation settings.", "/Settings"),
            new("Background jobs", "Nightly housekeeping and other scheduled work.", "/hangfire"),
        ],
        Roles.Manager => [People, Cohorts, Groups, Dashboard, new("Settings", "Default language and other organisation settings.", "/Settings")],
        Roles.FieldOfficer => [People, AbsenceAlerts, Groups, Dashboard],
        Roles.GroupRecorder => [new("My group", "Your group's members, products and sales.", "/Groups")],
        _ => [],
    };
}
