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
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)
            || context.HandlerMethod?.MethodInfo.IsDefined(typeof(OwnTransactionAttribute), inherit: true) == true)
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

/// <summary>
/// On a POST handler: the handler opens its own transaction around its writes instead of running whole inside one.
/// For hot, concurrent writes on SQLite, where a transaction holds the database's one write lock from its start:
/// the handler's reads for showing and checking run before and after it, so the lock is held only while writing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OwnTransactionAttribute : Attribute;
