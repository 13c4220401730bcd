using System.ComponentModel.DataAnnotations;

namespace Livelihood.Web.Platform.Auth;

/// <summary>The password-and-confirmation pair of every form that sets a password.</summary>
public class NewPassword
{
    [Required(ErrorMessage = "Enter a password.")]
    [StringLength(128, MinimumLength = UserAccounts.MinimumPasswordLength, ErrorMessage = "Use at least {2} characters.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";
}
