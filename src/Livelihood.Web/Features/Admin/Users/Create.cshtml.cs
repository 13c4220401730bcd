using System.ComponentModel.DataAnnotations;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Admin.Users;

[Unscoped("admins only (the Admin folder's policy): user accounts")]
public sealed class CreateModel(UserAccounts accounts, IStringLocalizer<AdminText> text) : PageModel
{
    public sealed class InputModel : NewPassword
    {
        [Required(ErrorMessage = "Enter the person's name.")]
        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter an email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = Roles.FieldOfficer;
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Roles.All.Contains(Input.Role)) ModelState.AddModelError("Input.Role", text["Choose a role."]);
        if (ModelState.IsValid && await accounts.EmailTakenAsync(Input.Email))
            ModelState.AddModelError("Input.Email", text["A user with this email already exists."]);
        if (!ModelState.IsValid) return Page();

        var id = await accounts.CreateAsync(Input.Email, Input.DisplayName, Input.Password, Input.Role);
        return RedirectToPage("Edit", new { id, saved = true });
    }
}
