namespace Livelihood.Web.Features.Attendance;

/// <summary>The four marks of DESIGN.md, in the order a roster shows them.</summary>
public static class AttendanceMarks
{
    public const string Present = "Present";
    public const string Late = "Late";
    public const string Excused = "Excused";
    public const string Absent = "Absent";

    public static readonly string[] All = [Present, Late, Excused, Absent];

    /// <summary>How a mark came to the server (AttendanceMarks.Source).</summary>
    public static class Sources
    {
        /// <summary>Saved from the roster page with a connection.</summary>
        public const string Online = "Online";

        /// <summary>Saved on a phone without a connection, sent later from its queue.</summary>
        public const string Offline = "Offline";

        /// <summary>Typed in from a paper sign-in sheet.</summary>
        public const string Paper = "Paper";
    }
}
