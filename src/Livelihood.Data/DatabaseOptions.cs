namespace Livelihood.Data;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SqlServer: the connection string. For Sqlite: optional; when empty the file is
    /// <see cref="DataFolder"/>/livelihood.db.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded database (and other app data) lives; relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";
}
