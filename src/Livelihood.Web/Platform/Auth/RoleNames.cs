namespace Livelihood.Web.Platform.Auth;

/// <summary>The English name of each role as people read it (translated through the shared resources).</summary>
public static class RoleNames
{
    public static string Of(string? role) => role switch
    {
        Roles.Admin => "Admin",
        Roles.Manager => "Manager",
        Roles.FieldOfficer => "Field officer",
        Roles.Trainer => "Trainer",
        Roles.GroupRecorder => "Group recorder",
        _ => "Unknown role",
    };
}
