using System.ComponentModel.DataAnnotations;
using Livelihood.Web.Platform.Auth;
using Livelihood.Web.Platform.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features.Account;

[Unscoped("signing in: the user's own account")]
public sealed class SignInModel(UserAccounts accounts) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>
    /// Why sign-in failed. Kept out of ModelState on purpose: a failed attempt is counted in the database, and the
    /// POST transaction is rolled back when ModelState is invalid.
    /// </summary>
    public string? Message { get; private set; }
    public string? MessageArgument { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();

        var (outcome, user) = await accounts.CheckPasswordAsync(Input.Email, Input.Password);
        switch (outcome)
        {
            case UserAccounts.SignInOutcome.Succeeded:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AuthSetup.PrincipalFor(user!));
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case UserAccounts.SignInOutcome.LockedOut:
                Message = "Too many wrong passwords. This account is locked until {0}.";
                var until = await accounts.FindByEmailAsync(Input.Email);
                MessageArgument = until?.LockedOutUntil is { } time ? DisplayDates.Show(time) : "";
                break;
            case UserAccounts.SignInOutcome.Deactivated:
                Message = "This account has been deactivated. Ask an administrator.";
                break;
            default:
                Message = "Wrong email or password.";
                break;
        }
        Input.Password = "";
        return Page();
    }
}
