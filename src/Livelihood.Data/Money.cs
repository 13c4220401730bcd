using System.Globalization;

namespace Livelihood.Data;

/// <summary>
/// An amount of Thai baht, exact to the satang. Stored as BIGINT satang in both engines (SQLite has no exact decimal
/// type); read and written through <see cref="TypeHandlers"/>.
/// </summary>
public readonly record struct Money(decimal Baht)
{
    public long Satang => decimal.ToInt64(decimal.Round(Baht * 100m, 0, MidpointRounding.AwayFromZero));

    public static Money FromSatang(long satang) => new(satang / 100m);

    /// <summary>True when the amount has no more than two decimal places (no fractions of a satang).</summary>
    public bool IsWholeSatang => Baht * 100m == decimal.Truncate(Baht * 100m);

    public static Money operator +(Money a, Money b) => new(a.Baht + b.Baht);

    public static Money operator -(Money a, Money b) => new(a.Baht - b.Baht);

    public string ToString(CultureInfo culture) => Baht.ToString("#,##0.00", culture);

    public override string ToString() => ToString(CultureInfo.InvariantCulture);
}
