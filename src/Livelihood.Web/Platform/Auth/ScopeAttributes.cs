namespace Livelihood.Web.Platform.Auth;

/// <summary>
/// Declares that a page (on its model class: every handler) or one handler (on the method: instead of the class's)
/// works on one row of <paramref name="kind"/>, whose id is the route, query or form value <paramref name="idValue"/>.
/// <see cref="ScopeFilter"/> answers 404 when the row does not exist and 403 when it is outside the user's scope,
/// before the handler runs. Several can be stacked (a transfer needs the enrollment and the target cohort).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScopeAttribute(ResourceKind kind, string idValue = "id", Access access = Access.Read) : Attribute
{
    public ResourceKind Kind { get; } = kind;
    public string IdValue { get; } = idValue;
    public Access Access { get; } = access;

    /// <summary>The page also opens without the value (a new record, an upload form): then nothing is checked.</summary>
    public bool Optional { get; init; }
}

/// <summary>
/// Declares that a page works on no one's row, and says why (organisation set-up, the user's own account, a public
/// check). Every page declares this, <see cref="ListsAttribute"/> or <see cref="ScopeAttribute"/> (a test walks them all).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UnscopedAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}

/// <summary>
/// Declares that a page lists or searches rows of <paramref name="kind"/> through <see cref="Scope"/>'s SQL, so it never
/// shows a row whose own page would be refused.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ListsAttribute(ResourceKind kind) : Attribute
{
    public ResourceKind Kind { get; } = kind;

    /// <summary>The query value the page searches by, if it has a search (the scope test searches for others' rows).</summary>
    public string? Search { get; init; }
}
