namespace Livelihood.Web.Features.Attendance;

/// <summary>The four marks of DESIGN.md, in the order a roster shows them.</summary>
public static class AttendanceMarks
{
    public const string Present = "Present";
    public const string Late = "Late";
    public const string Excused = "Excused";
    public const string Absent = "Absent";

    public static readonly string[] All = [Present, Late, Excused, Absent];
}
