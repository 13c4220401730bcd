namespace Livelihood.Web.Platform.Paging;

/// <summary>One page of a long list, paged in SQL, with what the pager needs.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;

    /// <summary>One page of a list already in memory; a page past the end shows the last.</summary>
    public static Paged<T> Of(IReadOnlyList<T> all, int? page, int pageSize)
    {
        var (number, skip) = Window(Math.Min(page ?? 1, new Paged<T>([], 1, pageSize, all.Count).PageCount), pageSize);
        return new([.. all.Skip(skip).Take(pageSize)], number, pageSize, all.Count);
    }

    /// <summary>The 1-based page number brought into range, and the rows to skip for it.</summary>
    public static (int Page, int Skip) Window(int? page, int pageSize)
    {
        var number = Math.Max(1, page ?? 1);
        return (number, (number - 1) * pageSize);
    }
}
