using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Livelihood.Tests.Data;

/// <summary>
/// The tables, columns and nullability that T-SQL scripts declare, read from their syntax tree (no SQL Server needed),
/// so the SQL Server migrations can be compared with the schema SQLite actually builds.
/// Understands CREATE TABLE, ALTER TABLE ADD / DROP COLUMN and DROP TABLE; anything else (sp_rename, ALTER COLUMN)
/// is not followed and would show up as a parity difference rather than pass silently.
/// </summary>
public sealed class TSqlSchema
{
    // Names compare case-insensitively, as SQL Server's default collation and SQLite both do.
    private readonly Dictionary<string, Dictionary<string, bool>> _tables = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Table names as declared.</summary>
    public IEnumerable<string> TableNames => _tables.Keys;

    /// <summary>One "Table.Column NOT NULL" or "Table.Column NULL" entry per column.</summary>
    public IEnumerable<string> Columns =>
        _tables.SelectMany(table => table.Value.Select(column => Describe(table.Key, column.Key, column.Value)));

    public static string Describe(string table, string column, bool notNull) => $"{table}.{column} {(notNull ? "NOT NULL" : "NULL")}";

    /// <summary>Syntax errors as "line L, column C: message"; empty when the script parses.</summary>
    public static IReadOnlyList<string> ParseErrors(string sql)
    {
        Parse(sql, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    public static TSqlSchema Read(IEnumerable<string> scripts)
    {
        var schema = new TSqlSchema();
        var visitor = new Visitor(schema._tables);
        foreach (var sql in scripts)
        {
            var fragment = Parse(sql, out var errors);
            if (errors.Count > 0)
                throw new ArgumentException($"Script does not parse: line {errors[0].Line}, column {errors[0].Column}: {errors[0].Message}");
            fragment.Accept(visitor);
        }
        return schema;
    }

    private static TSqlFragment Parse(string sql, out IList<ParseError> errors) =>
        new TSql170Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out errors);

    private sealed class Visitor(Dictionary<string, Dictionary<string, bool>> tables) : TSqlFragmentVisitor
    {
        public override void ExplicitVisit(CreateTableStatement node)
        {
            var name = node.SchemaObjectName.BaseIdentifier.Value;
            if (name.StartsWith('#')) return; // temp tables are not schema
            tables[name] = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            AddDefinition(tables[name], node.Definition);
        }

        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
            if (tables.TryGetValue(node.SchemaObjectName.BaseIdentifier.Value, out var columns))
                AddDefinition(columns, node.Definition);
        }

        public override void ExplicitVisit(AlterTableDropTableElementStatement node)
        {
            if (!tables.TryGetValue(node.SchemaObjectName.BaseIdentifier.Value, out var columns)) return;
            // DROP CONSTRAINT / INDEX elements share this statement: only column elements remove columns.
            foreach (var element in node.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
                columns.Remove(element.Name.Value);
        }

        public override void ExplicitVisit(DropTableStatement node)
        {
            foreach (var table in node.Objects)
                tables.Remove(table.BaseIdentifier.Value);
        }

        private static void AddDefinition(Dictionary<string, bool> columns, TableDefinition? definition)
        {
            if (definition is null) return;
            foreach (var column in definition.ColumnDefinitions)
            {
                // SQL Server makes PRIMARY KEY and IDENTITY columns NOT NULL even without the words.
                var notNull = column.IdentityOptions is not null
                    || column.Constraints.Any(c => c is NullableConstraintDefinition { Nullable: false }
                                                or UniqueConstraintDefinition { IsPrimaryKey: true });
                columns[column.ColumnIdentifier.Value] = notNull;
            }
            foreach (var key in definition.TableConstraints.OfType<UniqueConstraintDefinition>().Where(c => c.IsPrimaryKey))
                foreach (var keyColumn in key.Columns)
                    columns[keyColumn.Column.MultiPartIdentifier.Identifiers[^1].Value] = true;
        }
    }
}
