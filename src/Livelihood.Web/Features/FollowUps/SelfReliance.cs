namespace Livelihood.Web.Features.FollowUps;

/// <summary>
/// DESIGN.md "Self-reliant", defined once, in SQL so that a page and an indicator over many rows compute it the same
/// way: at a done follow-up, total personal monthly income at or above the self-reliance line, and work that is a wage
/// job, self-employment or a producer group (studying, unemployed and migrated are not). 1 or 0 for a done follow-up; NULL when there is nothing to judge (due or
/// missed, or the income was not given).
/// </summary>
public static class SelfReliance
{
    /// <summary>
    /// The expression over the follow-up alias <paramref name="f"/>; the query passes the line as
    /// <c>@SelfRelianceLineSatang</c> (from <see cref="Platform.Settings.AppSettings.SelfRelianceLineAsync"/>).
    /// </summary>
    public static string Sql(string f) => $"""
        CASE WHEN {f}.Status <> 'Done' OR {f}.TotalIncomeSatang IS NULL OR {f}.WorkStatus IS NULL THEN NULL
             WHEN {f}.TotalIncomeSatang >= @SelfRelianceLineSatang AND {f}.WorkStatus IN ('WageJob', 'SelfEmployed', 'GroupMember') THEN 1
             ELSE 0 END
        """;
}
