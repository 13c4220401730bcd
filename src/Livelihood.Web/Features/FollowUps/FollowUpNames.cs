using Livelihood.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.FollowUps;

/// <summary>The words people read for the follow-up codes stored in the database, in the reader's language.</summary>
public static class FollowUpNames
{
    public static string Kind(IStringLocalizer<FollowUpsText> text, string kind) => kind switch
    {
        FollowUpQueries.Baseline => text["Baseline"],
        FollowUpQueries.ThreeMonths => text["3 months"],
        FollowUpQueries.SixMonths => text["6 months"],
        FollowUpQueries.TwelveMonths => text["12 months"],
        _ => kind,
    };

    public static string Status(IStringLocalizer<FollowUpsText> text, string status) => status switch
    {
        FollowUpQueries.Due => text["Due"],
        FollowUpQueries.Done => text["Done"],
        FollowUpQueries.Missed => text["Missed"],
        _ => status,
    };

    public static string Method(IStringLocalizer<FollowUpsText> text, string? method) => method switch
    {
        FollowUpQueries.Visit => text["Home visit"],
        FollowUpQueries.Phone => text["Phone call"],
        _ => "",
    };

    public static string WorkStatus(IStringLocalizer<FollowUpsText> text, string? status) => status switch
    {
        FollowUpQueries.WageJob => text["Wage job"],
        FollowUpQueries.SelfEmployed => text["Self-employed with the skill"],
        FollowUpQueries.GroupMember => text["Producer-group member"],
        "Unemployed" => text["Unemployed"],
        "Studying" => text["Studying"],
        "Migrated" => text["Migrated for work"],
        _ => "",
    };

    public static string MissedReason(IStringLocalizer<FollowUpsText> text, string? reason) => reason switch
    {
        "CouldNotReach" => text["Could not reach"],
        "MovedAway" => text["Moved away"],
        "Refused" => text["Refused"],
        "Other" => text["Other"],
        _ => "",
    };

    public static string YesNo(IStringLocalizer<FollowUpsText> text, bool? value) => value switch
    {
        true => text["Yes"],
        false => text["No"],
        null => "",
    };
}
