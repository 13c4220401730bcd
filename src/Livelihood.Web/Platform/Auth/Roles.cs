namespace Livelihood.Web.Platform.Auth;

/// <summary>The five roles of DESIGN.md; the codes match the Roles table.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string FieldOfficer = "FieldOfficer";
    public const string Trainer = "Trainer";
    public const string GroupRecorder = "GroupRecorder";

    public static readonly IReadOnlyList<string> All = [Admin, Manager, FieldOfficer, Trainer, GroupRecorder];
}

/// <summary>Authorization policies pages are guarded by, named after who may enter.</summary>
public static class Policies
{
    public const string Admin = "Admin";
    public const string ManagerOrAdmin = "ManagerOrAdmin";

    /// <summary>Who may open the people registry: those who register people, and trainers (for their cohorts' people).</summary>
    public const string SeePeople = "SeePeople";

    /// <summary>Who may open producer groups: those who manage them, and group recorders (for their own group).</summary>
    public const string SeeGroups = "SeeGroups";

    /// <summary>Who registers and edits people: field officers, managers, admins.</summary>
    public const string RegisterPeople = "RegisterPeople";

    /// <summary>Who works on cohorts (sessions, attendance): managers, admins, and trainers (each page then checks the cohort is theirs).</summary>
    public const string WorkOnCohorts = "WorkOnCohorts";

    /// <summary>Who follows up absence alerts: field officers, managers, admins (never trainers or group recorders).</summary>
    public const string FollowUpAlerts = "FollowUpAlerts";

    /// <summary>Who does income follow-ups: field officers (in their districts), managers, admins.</summary>
    public const string DoFollowUps = "DoFollowUps";

    /// <summary>Who reads the outcomes dashboard: managers, admins, and field officers (for their districts).</summary>
    public const string SeeDashboard = "SeeDashboard";
}
