namespace Livelihood.Web.Platform.Errors;

public static class ErrorPages
{
    /// <summary>
    /// Every failure ends on the friendly /Error page (status code pages for 403/404, the exception handler for
    /// crashes) in every environment: no stack trace reaches a user; it goes to the log with the request id.
    /// </summary>
    public static void UseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
    }
}
