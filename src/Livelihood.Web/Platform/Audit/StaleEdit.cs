using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Livelihood.Web.Platform.Audit;

public static class StaleEdit
{
    /// <summary>
    /// A save refused because someone changed the row first (<see cref="AuditedWrites.UpdateAsync"/> returned false):
    /// the message goes above the form, and the form moves to the current version, so what the user typed stays and a
    /// deliberate second save goes through. Returns the version for the form's Input.Version.
    /// </summary>
    public static int RefuseStaleEdit(this ModelStateDictionary modelState, string message, int currentVersion)
    {
        modelState.AddModelError("", message);
        modelState.Remove("Input.Version");
        return currentVersion;
    }
}
