using Livelihood.Data;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Livelihood.Web.Platform.Database;

/// <summary>
/// Every POST handler runs in one transaction: committed when the handler finishes with a valid model,
/// rolled back when it throws or reports a validation error, so nothing is ever half-saved.
/// </summary>
public sealed class PostTransactionFilter(DbSession db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            await next();
            return;
        }

        await db.BeginTransactionAsync();
        var executed = await next();
        if (executed.Exception is null && executed.ModelState.IsValid)
            await db.CommitAsync();
        else
            await db.RollbackAsync();
    }
}
