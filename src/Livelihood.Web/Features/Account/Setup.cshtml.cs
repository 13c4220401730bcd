using System.ComponentModel.DataAnnotations;
using Livelihood.Data;
using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Account;

/// <summary>First run: creates the first admin and signs them in. Once any user exists this page is gone (404).</summary>
[Unscoped("first run: creates the first admin, no one else's record")]
public sealed class SetupModel(UserAccounts accounts, FirstRunState firstRun, DbSession db) : PageModel
{
    public sealed class InputModel : NewPassword
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(200, ErrorMessage = "Use at most {1} characters.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "Use at most {1} characters.")]
        public string Email { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
        => await firstRun.NeedsSetupAsync(db) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await firstRun.NeedsSetupAsync(db)) return NotFound();
        if (!ModelState.IsValid) return Page();

        var id = await accounts.CreateAsync(Input.Email, Input.DisplayName, Input.Password, Roles.Admin);
        var admin = await accounts.FindByIdAsync(id);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.PrincipalFor(admin!));
        return LocalRedirect("/");
    }
}
