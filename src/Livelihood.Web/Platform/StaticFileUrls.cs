using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Livelihood.Web.Platform;

/// <summary>
/// A static file's URL with a hash of its content (?v=…), so a browser fetches it again once it changes: what
/// asp-append-version gives, without a script or link tag helper on each tag. The layout's eight ran on every view and
/// cost the roster page ~8 % of its CPU (issue 8).
/// </summary>
public sealed class StaticFileUrls(IFileVersionProvider versions, IHttpContextAccessor http)
{
    public string Versioned(string path) => versions.AddFileVersionToPath(http.HttpContext!.Request.PathBase, path);
}
