using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Livelihood.Web.Platform.Export;

/// <summary>
/// Writes a table (header row, then rows of text, numbers and dates) as CSV (UTF-8 with BOM so Excel reads Thai, text
/// that a spreadsheet would run as a formula escaped) or XLSX (first row bold, dates as real date cells), streaming the
/// rows into a temporary file that is deleted when the response has sent it.
/// </summary>
public static class ExportFile
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool IsFormat(string? format) => format is "csv" or "xlsx";

    public static string ContentType(string format) => format == "xlsx" ? XlsxContentType : CsvContentType;

    public static async Task<Stream> WriteAsync(string format, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, string sheetName)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            if (format == "xlsx") await WriteXlsxAsync(file, headers, rows, sheetName);
            else await WriteCsvAsync(file, headers, rows);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items)
    {
        foreach (var item in items) yield return item;
        await Task.CompletedTask;
    }

    private static async Task WriteCsvAsync(Stream file, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows)
    {
        // Text that a spreadsheet would run as a formula is escaped; numbers are not text (a loss of -300.10 stays a number).
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.None };
        await using var writer = CsvWriter.Create(file, options, leaveOpen: true);
        writer.WriteRecord(headers.ToArray());
        var fields = new string[headers.Count];
        await foreach (var row in rows)
        {
            for (var i = 0; i < fields.Length; i++) fields[i] = i < row.Length ? row[i] is string text ? NoFormula(text) : Text(row[i]) : "";
            await writer.WriteRecordAsync(fields);
        }
    }

    private static string NoFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A, B, … Z, AA, AB: the name Excel shows for a column without a header.</summary>
    public static string ColumnLetter(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private const uint DateStyle = 1;
    private const uint HeaderStyle = 2;

    private static async Task WriteXlsxAsync(Stream file, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, string sheetName)
    {
        using var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });

        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            uint rowIndex = 1;
            WriteRow(writer, rowIndex, headers.Cast<object?>().ToArray(), HeaderStyle);
            await foreach (var row in rows) WriteRow(writer, ++rowIndex, row, null);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, object?[] values, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var i = 0; i < values.Length; i++)
        {
            var reference = ColumnLetter(i) + rowIndex.ToString(CultureInfo.InvariantCulture);
            switch (values[i])
            {
                case null:
                    continue;
                case DateOnly date:
                    writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = DateStyle,
                        CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                    });
                    break;
                case int or long or decimal or double:
                    writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = style,
                        CellValue = new CellValue(((IFormattable)values[i]!).ToString(null, CultureInfo.InvariantCulture)),
                    });
                    break;
                default:
                    var text = XmlSafe(Text(values[i]));
                    if (text.Length == 0) continue;
                    writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = style,
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
                    });
                    break;
            }
        }
        writer.WriteEndElement();
    }

    /// <summary>Control characters that XML cannot hold (a stray one in a cell) are left out.</summary>
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r'))) return text;
        var safe = new StringBuilder(text.Length);
        foreach (var c in text) if (c >= ' ' || c is '\t' or '\n' or '\r') safe.Append(c);
        return safe.ToString();
    }
}
