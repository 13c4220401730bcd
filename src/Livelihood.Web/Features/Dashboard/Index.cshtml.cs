using Livelihood.Data;
using Livelihood.Web.Features.FollowUps;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Paging;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Dashboard;

/// <summary>
/// The outcomes dashboard: every indicator for a period (the fiscal year by default) and filters, as tiles, a table per
/// section split by one chosen dimension, and charts by month and by group. Every number links to the rows behind it.
/// Managers and admins see everything; a field officer sees the people and groups of their districts.
/// </summary>
[Authorize(Policy = Policies.SeeDashboard)]
[Lists(ResourceKind.Person)]
public sealed class IndexModel(DashboardQueries queries, IndexModel.Handler options, FollowUpQueries followUps, CurrentUser user,
    IStringLocalizer<DashboardText> text) : DashboardPageModel(queries, user)
{
    /// <summary>The split's groups a page shows: a national programme has thousands of cohorts and villages.</summary>
    public const int GroupsPerPage = 50;

    [FromQuery(Name = "page")] public int? GroupPage { get; set; }

    /// <summary>Count the figures from the rows now, instead of showing kept ones that a recent change may not be in.</summary>
    [FromQuery] public bool CountNow { get; set; }

    public DashboardQueries.Figures Figures { get; private set; } = null!;
    /// <summary>The page of the split's groups shown in its chart and tables (the exports hold them all).</summary>
    public Paged<DashboardQueries.Line> Groups { get; private set; } = null!;
    public IReadOnlyList<LocationQueries.Option> Districts { get; private set; } = [];
    public IReadOnlyList<LocationQueries.Option> Villages { get; private set; } = [];
    public IReadOnlyList<LocationQueries.Option> Courses { get; private set; } = [];
    public IReadOnlyList<LocationQueries.Option> Cohorts { get; private set; } = [];
    public IReadOnlyList<LocationQueries.Option> Programmes { get; private set; } = [];
    public IReadOnlyList<int> AgeBounds => Figures.AgeBounds;

    public async Task OnGetAsync()
    {
        await ResolvePeriodAsync();
        Districts = Filter.OfficerId is { } officer ? await followUps.DistrictsOfAsync(officer) : await options.DistrictsWithPeopleAsync();
        if (DistrictId is { } district && Districts.All(d => d.Id != district)) DistrictId = null;
        Villages = DistrictId is { } chosen ? await options.VillagesAsync(chosen) : [];
        if (VillageId is { } village && Villages.All(v => v.Id != village)) VillageId = null;
        Courses = await options.CoursesAsync();
        // A course's cohorts that ran in the period: all the cohorts of a national network would make a list nobody can use.
        Cohorts = CourseId is { } course ? await options.CohortsAsync(course, PeriodFrom, PeriodTo) : [];
        if (CohortId is { } cohort && Cohorts.All(c => c.Id != cohort)) CohortId = null;
        Programmes = await options.ProgrammesAsync();
        Figures = await Queries.ComputeAsync(PeriodFrom, PeriodTo, Filter, Dimension, recentIsEnough: !CountNow);
        Groups = Paged<DashboardQueries.Line>.Of(Figures.Groups, GroupPage, GroupsPerPage);
    }

    /// <summary>A group's name as people read it: codes and age bands translated, ids named.</summary>
    public string GroupName(DashboardQueries.Line line) => DashboardNames.GroupName(text, Figures.Dimension, line, AgeBounds);

    public sealed class Handler(DbSession db)
    {
        public Task<IReadOnlyList<LocationQueries.Option>> DistrictsWithPeopleAsync()
            => db.QueryAsync<LocationQueries.Option>(
                """
                SELECT d.Id, d.NameTh AS Name FROM Districts d
                WHERE EXISTS (SELECT 1 FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId WHERE s.DistrictId = d.Id)
                ORDER BY d.NameTh, d.Id
                """);

        public Task<IReadOnlyList<LocationQueries.Option>> VillagesAsync(long districtId)
            => db.QueryAsync<LocationQueries.Option>(
                "SELECT v.Id, v.NameTh AS Name FROM Villages v JOIN Subdistricts s ON s.Id = v.SubdistrictId WHERE s.DistrictId = @districtId ORDER BY v.NameTh, v.Id",
                new { districtId });

        public Task<IReadOnlyList<LocationQueries.Option>> CoursesAsync()
            => db.QueryAsync<LocationQueries.Option>("SELECT Id, NameTh AS Name FROM Courses ORDER BY NameTh, Id");

        public Task<IReadOnlyList<LocationQueries.Option>> CohortsAsync(long courseId, DateOnly from, DateOnly to)
            => db.QueryAsync<LocationQueries.Option>(
                "SELECT Id, Code AS Name FROM Cohorts WHERE CourseId = @courseId AND StartDate <= @to AND EndDate >= @from ORDER BY StartDate DESC, Id DESC",
                new { courseId, from, to });

        public Task<IReadOnlyList<LocationQueries.Option>> ProgrammesAsync()
            => db.QueryAsync<LocationQueries.Option>("SELECT Id, NameTh AS Name FROM Programmes ORDER BY NameTh, Id");
    }
}
