using System.Diagnostics;
using Livelihood.Web.Platform.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Livelihood.Web.Features;

/// <summary>
/// What the user sees when something fails: a plain explanation and a reference for the log, never a stack trace.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[Unscoped("the error and status page every refusal ends on")]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Code { get; private set; }
    public string RequestId { get; private set; } = "";

    public string Title => Code switch
    {
        400 => "The request could not be understood",
        403 => "You do not have access to this page",
        404 => "Page not found",
        _ => "Something went wrong",
    };

    public string Explanation => Code switch
    {
        400 => "The form may have expired. Go back, reload the page and try again.",
        403 => "Your role does not allow this. Ask an administrator if you need access.",
        404 => "The page or record does not exist, or it has been moved.",
        _ => "Your work was not saved. Please try again in a moment.",
    };

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Code = failure is not null ? 500 : code ?? Response.StatusCode;
        if (failure is not null)
            logger.LogError(failure.Error, "Unhandled error on {Path} (reference {RequestId})", failure.Path, RequestId);
        Response.StatusCode = Code is >= 400 and < 600 ? Code : 500;
    }
}
