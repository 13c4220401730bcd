using System.Globalization;
using Livelihood.Web.Features.FollowUps;
using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// What the dashboard pages share: the period, the filters and the disaggregation, read from the query string, and the
/// user's scope: one who may not read every person (a field officer) counts only the people of their districts. The
/// dashboard, its drill-down and its exports all ask with these.
/// </summary>
public abstract class DashboardPageModel(DashboardQueries queries, CurrentUser user) : PageModel
{
    [FromQuery] public DateOnly? From { get; set; }
    [FromQuery] public DateOnly? To { get; set; }
    [FromQuery] public long? DistrictId { get; set; }
    [FromQuery] public long? VillageId { get; set; }
    [FromQuery] public long? CourseId { get; set; }
    [FromQuery] public long? CohortId { get; set; }
    [FromQuery] public long? ProgrammeId { get; set; }
    [FromQuery] public string? Sex { get; set; }
    [FromQuery] public int? AgeBand { get; set; }
    [FromQuery] public string? Citizenship { get; set; }
    [FromQuery] public string? By { get; set; }

    protected DashboardQueries Queries => queries;

    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public string Dimension => DashboardQueries.Dimensions.All.Contains(By) ? By! : DashboardQueries.Dimensions.None;
    public bool IsOfficer => !HttpContext.RequestServices.GetRequiredService<Scope>().ReachesAll(ResourceKind.Person, Access.Read);
    protected long? CurrentUserId => user.Id;

    public static readonly string[] Sexes = ["Female", "Male"];
    public static readonly string[] Citizenships = ["ThaiId", "HighlandCard", "None"];

    /// <summary>The period asked for in the query string (<see cref="DashboardQueries.PeriodAskedAsync"/>).</summary>
    protected async Task ResolvePeriodAsync()
        => (PeriodFrom, PeriodTo) = await queries.PeriodAskedAsync(
            From, To, FollowUpQueries.ThaiToday(HttpContext.RequestServices.GetRequiredService<TimeProvider>()));

    public DashboardQueries.Filter Filter => new()
    {
        DistrictId = DistrictId, VillageId = VillageId, CourseId = CourseId, CohortId = CohortId, ProgrammeId = ProgrammeId,
        Sex = Sexes.Contains(Sex) ? Sex : null,
        AgeBand = AgeBand is >= 0 and < 20 ? AgeBand : null,
        Citizenship = Citizenships.Contains(Citizenship) ? Citizenship : null,
        OfficerId = IsOfficer ? user.Id : null,
    };

    /// <summary>The query string of the current period and filters, with <paramref name="extra"/> added (for links).</summary>
    public string Query(params (string Key, string? Value)[] extra)
    {
        var values = new List<KeyValuePair<string, string?>>
        {
            new("From", PeriodFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("To", PeriodTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        void Add(string key, object? value)
        {
            if (value is not null) values.Add(new(key, Convert.ToString(value, CultureInfo.InvariantCulture)));
        }
        var filter = Filter;
        Add("DistrictId", filter.DistrictId); Add("VillageId", filter.VillageId); Add("CourseId", filter.CourseId);
        Add("CohortId", filter.CohortId); Add("ProgrammeId", filter.ProgrammeId); Add("Sex", filter.Sex);
        Add("AgeBand", filter.AgeBand); Add("Citizenship", filter.Citizenship);
        foreach (var (key, value) in extra) Add(key, value);
        return Microsoft.AspNetCore.Http.QueryString.Create(values).ToString();
    }
}
