using Livelihood.Web.Platform.Export;
using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Livelihood.Web.Features.People;

/// <summary>
/// Reads the spreadsheet an NGO already keeps: a CSV (UTF-8 with or without BOM, comma or semicolon) or the first sheet
/// of an XLSX, header row first. Every value comes back as text; an Excel date cell comes back as an ISO date.
/// </summary>
public static class ImportFile
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 50_000;
    public const int MaxColumns = 200;

    /// <summary>The header texts and the data rows (each as long as the header), with their row number in the file.</summary>
    public sealed record Table(string Kind, IReadOnlyList<string> Headers, IReadOnlyList<(int RowNumber, string?[] Values)> Rows);

    /// <summary>A file the import refuses, with the English message to show next to the field.</summary>
    public sealed class Refused(string message) : Exception(message);

    public static string? KindOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".xlsx" => "xlsx",
        _ => null,
    };

    public static Table Read(Stream stream, string kind)
    {
        var raw = kind == "xlsx" ? ReadXlsx(stream) : ReadCsv(stream);
        // The header is the first row with any text; rows with no text at all are left out.
        var nonEmpty = raw.Where(r => r.Values.Any(v => !string.IsNullOrWhiteSpace(v))).ToList();
        if (nonEmpty.Count == 0) throw new Refused("The file is empty.");
        var header = nonEmpty[0].Values;
        var width = header.Length;
        while (width > 0 && string.IsNullOrWhiteSpace(header[width - 1])) width--;
        width = Math.Max(width, nonEmpty.Skip(1).Select(r => LastText(r.Values)).DefaultIfEmpty(0).Max());
        if (width > MaxColumns) throw new Refused("The file has too many columns.");
        var headers = Enumerable.Range(0, width)
            .Select(i => i < header.Length && !string.IsNullOrWhiteSpace(header[i]) ? header[i]!.Trim() : ExportFile.ColumnLetter(i))
            .ToList();
        var rows = nonEmpty.Skip(1)
            .Select(r => (r.RowNumber, Enumerable.Range(0, width).Select(i => i < r.Values.Length ? Clean(r.Values[i]) : null).ToArray()))
            .ToList();
        if (rows.Count == 0) throw new Refused("The file has a header but no rows.");
        return new Table(kind, headers, rows);
    }

    private static int LastText(string?[] values)
    {
        var last = values.Length;
        while (last > 0 && string.IsNullOrWhiteSpace(values[last - 1])) last--;
        return last;
    }

    private static string? Clean(string? value)
    {
        if (value is null) return null;
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static List<(int RowNumber, string?[] Values)> ReadCsv(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes is [0xEF, 0xBB, 0xBF, ..]) bytes = bytes[3..];
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new Refused("This is not a text CSV file.");
        try
        {
            // Strict UTF-8 (after an optional BOM): a file saved in another encoding is refused rather than garbled.
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new Refused("Save the CSV file as UTF-8 (in Excel: CSV UTF-8).");
        }

        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            DetectSeparatorHint = true,
            MaxRecordSize = 1024 * 1024,
        };
        var rows = new List<(int, string?[])>();
        using var reader = CsvReader.Create(bytes, options);
        var number = 0;
        while (reader.Read())
        {
            number++;
            if (number > MaxRows + 1) throw new Refused("The file has more rows than one import takes (50 000).");
            var fields = new string?[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i);
            rows.Add((number, fields));
        }
        return rows;
    }

    private static List<(int RowNumber, string?[] Values)> ReadXlsx(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            // A size cap on each part: a small zip must not unpack into gigabytes.
            document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = 200_000_000 });
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new Refused("This is not an Excel workbook (.xlsx).");
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new Refused("This is not an Excel workbook (.xlsx).");
            var firstSheet = workbook.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (firstSheet?.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart sheet)
                throw new Refused("The workbook has no sheet.");

            var strings = SharedStrings(workbook);
            var dateStyles = DateStyles(workbook);
            var rows = new List<(int, string?[])>();
            using var reader = OpenXmlReader.Create(sheet);
            var sequential = 0;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } index ? (int)index : sequential + 1;
                sequential = number;
                if (rows.Count > MaxRows) throw new Refused("The file has more rows than one import takes (50 000).");
                var values = new List<string?>();
                var column = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    if (cell.CellReference?.Value is { } reference) column = ColumnIndex(reference);
                    if (column >= MaxColumns) throw new Refused("The file has too many columns.");
                    while (values.Count <= column) values.Add(null);
                    values[column] = CellText(cell, strings, dateStyles);
                    column++;
                }
                rows.Add((number, values.ToArray()));
            }
            return rows;
        }
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    private static string? CellText(Cell cell, IReadOnlyList<string> strings, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : null;
        if (type == CellValues.InlineString) return cell.InlineString is { } inline ? ItemText(inline) : value;
        if (type == CellValues.Boolean) return value == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.Date) return value is { Length: >= 10 } ? value[..10] : value;
        if (type == CellValues.String || type == CellValues.Error || value is null) return value;

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return value;
        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is > 0 and < 2958466)
            return DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Whole numbers (ID numbers, phones, years typed as numbers) without exponent or decimals.
        return number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>The text of a shared or inline string: its plain text and rich-text runs, without phonetic hints.</summary>
    private static string ItemText(OpenXmlElement item)
    {
        var text = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            if (child is Text t) text.Append(t.Text);
            else if (child is Run run) text.Append(run.Text?.Text);
        }
        return text.ToString();
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                strings.Add(ItemText(reader.LoadCurrentElement()!));
        return strings;
    }

    /// <summary>The cell styles whose number format shows a date: built-in date formats, or a custom one with d or y.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var styles = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats) return styles;
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (IsBuiltInDate(id) || (custom.TryGetValue(id, out var code) && IsDateFormat(code))) styles.Add(index);
            index++;
        }
        return styles;
    }

    private static bool IsBuiltInDate(uint id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58 or >= 71 and <= 81;

    private static bool IsDateFormat(string code)
    {
        // Leave out quoted text, escaped characters and [colour]/[locale] sections before looking for date letters.
        var plain = new StringBuilder();
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '\\') i++;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (!bracket) plain.Append(char.ToLowerInvariant(c));
        }
        var text = plain.ToString();
        return text.Contains('d') || text.Contains('y') || text.Contains("bb", StringComparison.Ordinal);
    }
}
