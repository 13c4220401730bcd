using System.ComponentModel.DataAnnotations;
using Dapper;
using Livelihood.Data;
using Livelihood.Web.Features.People;
using Livelihood.Web.Platform.Audit;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.Groups;

/// <summary>
/// A group's page: its facts, current and former members, and its products (retired, never deleted). Those who manage
/// the group add members found among the people they may see.
/// </summary>
[Authorize(Policy = Policies.SeeGroups)]
[Scope(ResourceKind.Group)]
[Lists(ResourceKind.Person, Search = "search")]
public sealed class DetailsModel(GroupQueries groups, DbSession db, AuditedWrites audited, Scope scope, TimeProvider clock, IStringLocalizer<GroupsText> text) : PageModel
{
    public sealed record Member
    {
        public long Id { get; init; }
        public long PersonId { get; init; }
        public string FullNameTh { get; init; } = "";
        public string? Nickname { get; init; }
        public string Role { get; init; } = "";
        public DateOnly JoinedOn { get; init; }
        public DateOnly? LeftOn { get; init; }
        public int Version { get; init; }
    }

    public sealed record Product
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Unit { get; init; } = "";
        public Money UsualPrice { get; init; }
        public bool IsRetired { get; init; }
        public int Version { get; init; }
    }

    public sealed record Candidate
    {
        public long Id { get; init; }
        public string FullNameTh { get; init; } = "";
        public string? Nickname { get; init; }
        public string VillageName { get; init; } = "";
    }

    public sealed class ProductInput
    {
        [Required(ErrorMessage = "Enter the product's name.")]
        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the unit, e.g. piece or kg.")]
        [StringLength(50, ErrorMessage = "Use at most {1} characters.")]
        public string Unit { get; set; } = "";

        [Range(0, 10_000_000, ErrorMessage = "Enter a price from 0 to 10,000,000 baht.")]
        public decimal UsualPrice { get; set; }
    }

    [FromRoute] public long Id { get; set; }
    [FromQuery] public bool Saved { get; set; }
    [FromQuery] public string? Search { get; set; }

    public GroupQueries.Group Group { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public ProductInput NewProduct { get; private set; } = new();
    public bool CanManage => scope.Reaches(ResourceKind.Group, Access.Manage);

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    [Scope(ResourceKind.Group, access: Access.Manage)]
    [Scope(ResourceKind.Person, "personId")]
    public async Task<IActionResult> OnPostMemberAsync(long personId, string role)
    {
        await LoadAsync();
        if (!GroupQueries.MemberRoles.Contains(role)) ModelState.AddModelError("", text["Choose a role."]);
        else if (Members.Any(m => m.PersonId == personId && m.LeftOn is null)) ModelState.AddModelError("", text["This person is already a member."]);
        if (!ModelState.IsValid) return Page();
        await audited.InsertAsync("GroupMembers", new
        {
            GroupId = Id, PersonId = personId, Role = role, JoinedOn = Today, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return RedirectToPage(new { id = Id, saved = true });
    }

    [Scope(ResourceKind.Group, access: Access.Manage)]
    public async Task<IActionResult> OnPostLeaveAsync(long memberId, int version)
    {
        await LoadAsync();
        if (Members.All(m => m.Id != memberId || m.LeftOn is not null)) return NotFound();
        return await SavedOrStale(audited.UpdateAsync("GroupMembers", memberId, version, new { LeftOn = Today }, "Leave"));
    }

    [Scope(ResourceKind.Group, access: Access.Manage)]
    public async Task<IActionResult> OnPostProductAsync([Bind(Prefix = "NewProduct")] ProductInput input)
    {
        await LoadAsync();
        NewProduct = input;
        if (!new Money(input.UsualPrice).IsWholeSatang) ModelState.AddModelError("NewProduct.UsualPrice", text["Use at most two decimal places."]);
        if (!ModelState.IsValid) return Page();
        await audited.InsertAsync("Products", new
        {
            GroupId = Id, Name = input.Name.Trim(), Unit = input.Unit.Trim(), UsualPrice = new Money(input.UsualPrice), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return RedirectToPage(new { id = Id, saved = true });
    }

    [Scope(ResourceKind.Group, access: Access.Manage)]
    public async Task<IActionResult> OnPostRetireAsync(long productId, int version)
    {
        await LoadAsync();
        if (Products.All(p => p.Id != productId || p.IsRetired)) return NotFound();
        return await SavedOrStale(audited.UpdateAsync("Products", productId, version, new { IsRetired = true }, "Retire"));
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult> SavedOrStale(Task<bool> update)
    {
        if (await update) return RedirectToPage(new { id = Id, saved = true });
        ModelState.AddModelError("", text["Someone else changed this meanwhile. Nothing was saved: check and save again."]);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Group = (await groups.FindAsync(Id))!;
        Members = await db.QueryAsync<Member>(
            """
            SELECT m.Id, m.PersonId, p.FullNameTh, p.Nickname, m.Role, m.JoinedOn, m.LeftOn, m.Version
            FROM GroupMembers m JOIN People p ON p.Id = m.PersonId WHERE m.GroupId = @Id
            ORDER BY CASE WHEN m.LeftOn IS NULL THEN 0 ELSE 1 END, CASE m.Role WHEN 'Chair' THEN 0 WHEN 'Treasurer' THEN 1 WHEN 'Secretary' THEN 2 ELSE 3 END, p.FullNameTh
            """, new { Id });
        Products = await db.QueryAsync<Product>(
            "SELECT Id, Name, Unit, UsualPrice, IsRetired, Version FROM Products WHERE GroupId = @Id ORDER BY IsRetired, Name, Id", new { Id });
        if (CanManage && PeopleSearch.For(Search) is { } search)
            Candidates = await db.QueryAsync<Candidate>(
                db.Dialect.Page($"""
                    SELECT p.Id, p.FullNameTh, p.Nickname, v.NameTh AS VillageName FROM People p JOIN Villages v ON v.Id = p.VillageId
                    WHERE {search.Condition(db.Dialect, withVillageName: false)} AND {scope.Condition(ResourceKind.Person, "p.Id")}
                    ORDER BY p.FullNameTh, p.Id
                    """), search.AddTo(new DynamicParameters(new { Skip = 0, Take = 20, ScopeUserId = scope.UserId })));
    }
}
