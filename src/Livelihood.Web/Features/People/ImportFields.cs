using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Livelihood.Web.Features.Locations;
using Livelihood.Web.Platform.Localization;
using Livelihood.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Livelihood.Web.Features.People;

/// <summary>
/// One reason a row cannot be imported: the field (a <see cref="PersonInput"/> property), the English message (a
/// resource key) and its format arguments. Stored as JSON on the staged row and translated when shown.
/// </summary>
public sealed record ImportError(string Field, string Message, string[]? Args = null);

/// <summary>
/// The registry fields a column of the file can fill, how a header is recognised (Thai or English), and how one row of
/// text becomes a <see cref="PersonInput"/>. The rules themselves stay in PersonInput: this only reads the values.
/// </summary>
public static partial class ImportFields
{
    public sealed record Field(string Name, string Label, bool Sensitive, string[] Headers);

    public const string Subdistrict = "Subdistrict";
    public const string District = "District";

    public static readonly IReadOnlyList<Field> All =
    [
        new(nameof(PersonInput.FullNameTh), "Full name (Thai)", false,
            ["ชื่อ-นามสกุล", "ชื่อ-สกุล", "ชื่อ นามสกุล", "ชื่อ", "ชื่อผู้เข้าร่วม", "ชื่อ-นามสกุล (ไทย)", "ชื่อภาษาไทย", "name", "full name", "thai name", "name (thai)", "full name thai", "fullnameth"]),
        new(nameof(PersonInput.FullNameLatin), "Full name (Latin letters)", false,
            ["ชื่อภาษาอังกฤษ", "ชื่อ-นามสกุล (อังกฤษ)", "ชื่อ-นามสกุล (ภาษาอังกฤษ)", "latin name", "english name", "name (english)", "name (latin)", "fullnamelatin"]),
        new(nameof(PersonInput.Nickname), "Nickname", false, ["ชื่อเล่น", "nickname", "nick name"]),
        new(nameof(PersonInput.Sex), "Sex", false, ["เพศ", "sex", "gender"]),
        new(nameof(PersonInput.BirthDate), "Birth date", false,
            ["วันเกิด", "วันเดือนปีเกิด", "วัน/เดือน/ปีเกิด", "วันเดือนปี เกิด", "birth date", "date of birth", "dob", "birthdate", "birthday"]),
        new(nameof(PersonInput.BirthYear), "Birth year", false, ["ปีเกิด", "ปีที่เกิด", "พ.ศ. เกิด", "birth year", "year of birth", "birthyear"]),
        new(nameof(PersonInput.VillageId), "Village", false,
            ["หมู่บ้าน", "บ้าน", "ชื่อหมู่บ้าน", "หมู่ที่/หมู่บ้าน", "village", "village id", "villageid", "ban"]),
        new(Subdistrict, "Subdistrict", false, ["ตำบล", "ต.", "subdistrict", "tambon", "sub-district"]),
        new(District, "District", false, ["อำเภอ", "อ.", "district", "amphoe", "amphur"]),
        new(nameof(PersonInput.Phone), "Phone", false,
            ["เบอร์โทร", "เบอร์โทรศัพท์", "โทรศัพท์", "เบอร์", "มือถือ", "phone", "mobile", "tel", "telephone", "phone number"]),
        new(nameof(PersonInput.CitizenshipStatus), "Citizenship status", false,
            ["สถานะทางทะเบียน", "สถานะบัตร", "ประเภทบัตร", "สัญชาติ", "citizenship", "citizenship status", "id card type", "card type"]),
        new(nameof(PersonInput.IdNumber), "ID card number", false,
            ["เลขบัตรประชาชน", "เลขประจำตัวประชาชน", "เลขบัตรประจำตัวประชาชน", "เลขบัตร", "เลขที่บัตร", "เลขบัตรประจำตัว", "บัตรประชาชน",
             "id number", "id card number", "national id", "citizen id", "id no", "idnumber"]),
        new(nameof(PersonInput.Education), "Education", false, ["การศึกษา", "ระดับการศึกษา", "วุฒิการศึกษา", "education", "education level"]),
        new(nameof(PersonInput.Ethnicity), "Ethnicity", true, ["ชาติพันธุ์", "กลุ่มชาติพันธุ์", "ethnicity", "ethnic group"]),
        new(nameof(PersonInput.Vulnerabilities), "Vulnerability flags", true,
            ["ความเปราะบาง", "กลุ่มเปราะบาง", "ความเสี่ยง", "vulnerability", "vulnerabilities", "vulnerability flags"]),
        new(nameof(PersonInput.GuardianName), "Guardian's name", false, ["ผู้ปกครอง", "ชื่อผู้ปกครอง", "guardian", "guardian name", "guardian's name"]),
        new(nameof(PersonInput.GuardianRelation), "Guardian's relation", false,
            ["ความเกี่ยวข้อง", "ความสัมพันธ์", "ความเกี่ยวข้องกับผู้ปกครอง", "เกี่ยวข้องเป็น", "relation", "relationship", "guardian relation", "guardian's relation"]),
        new(nameof(PersonInput.GuardianPhone), "Guardian's phone", false,
            ["เบอร์โทรผู้ปกครอง", "เบอร์ผู้ปกครอง", "โทรศัพท์ผู้ปกครอง", "guardian phone", "guardian's phone"]),
    ];

    /// <summary>The fields a user may map: the sensitive ones only for someone allowed to write them.</summary>
    public static IEnumerable<Field> For(bool sensitiveAllowed) => All.Where(f => sensitiveAllowed || !f.Sensitive);

    /// <summary>The fields a row cannot do without: a mapping that leaves one out is refused before any row is checked.</summary>
    public static readonly string[] Required = [nameof(PersonInput.FullNameTh), nameof(PersonInput.Sex), nameof(PersonInput.VillageId)];

    /// <summary>The label of a field (or of a PersonInput property a rule names), as a resource key.</summary>
    public static string LabelOf(string field) => All.FirstOrDefault(f => f.Name == field)?.Label ?? field switch
    {
        nameof(PersonInput.Status) => "Status",
        _ => field,
    };

    /// <summary>
    /// Guesses which column fills which field from the header texts: each field's known headers and its label in Thai and
    /// English, compared without case, spaces or punctuation. A column fills at most one field.
    /// </summary>
    public static Dictionary<string, int> Guess(IReadOnlyList<string> headers, IEnumerable<Field> fields, Func<string, IEnumerable<string>> labels)
    {
        var keys = headers.Select(Key).ToList();
        var mapping = new Dictionary<string, int>();
        var used = new HashSet<int>();
        foreach (var field in fields)
        {
            var names = field.Headers.Concat(labels(field.Label)).Select(Key).ToHashSet();
            var column = keys.FindIndex(k => names.Contains(k));
            if (column >= 0 && used.Add(column)) mapping[field.Name] = column;
        }
        return mapping;
    }

    /// <summary>Lower case, Thai digits as ASCII, without spaces and punctuation: how headers and coded values are compared.</summary>
    public static string Key(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '(' or ')' or ':' or '/' or '\'' or '"' or '*' or '’') continue;
            key.Append(c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : char.ToLowerInvariant(c));
        }
        return key.ToString();
    }

    /// <summary>Thai digits (๐–๙) as ASCII digits, trimmed; a leading apostrophe (Excel's "this is text") is dropped.</summary>
    public static string? Plain(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var chars = text.Trim().Select(c => c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c).ToArray();
        var plain = new string(chars);
        if (plain.StartsWith('\'')) plain = plain[1..].Trim();
        return plain.Length == 0 ? null : plain;
    }

    private static readonly string[] ThaiMonths =
        ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];

    private static readonly string[] ThaiMonthAbbreviations =
        ["มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"];

    /// <summary>
    /// A date as people type it: ISO yyyy-mm-dd, d/m/yyyy (also with - or .), or "17 พ.ค. 2533"; a year above 2400 is
    /// Buddhist era (−543). An Excel date cell arrives here already as ISO.
    /// </summary>
    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        var plain = Plain(text);
        if (plain is null) return false;
        int year, month, day;
        if (IsoDate().Match(plain) is { Success: true } iso)
            (year, month, day) = (Int(iso.Groups[1]), Int(iso.Groups[2]), Int(iso.Groups[3]));
        else if (DayMonthYear().Match(plain) is { Success: true } dmy)
            (year, month, day) = (Int(dmy.Groups[3]), Int(dmy.Groups[2]), Int(dmy.Groups[1]));
        else if (DayMonthNameYear().Match(plain) is { Success: true } named)
        {
            var name = Key(named.Groups[2].Value);
            month = Array.FindIndex(ThaiMonths, m => Key(m) == name) + 1;
            if (month == 0) month = Array.IndexOf(ThaiMonthAbbreviations, name) + 1;
            if (month == 0 && DateTime.TryParseExact(named.Groups[2].Value, ["MMM", "MMMM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var english))
                month = english.Month;
            (year, day) = (Int(named.Groups[3]), Int(named.Groups[1]));
        }
        else return false;

        if (year > 2400) year -= 543;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;

        static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(\d{1,2})\s*([^\d\s][^\d]*?)\s*(\d{4})$")]
    private static partial Regex DayMonthNameYear();
}

/// <summary>
/// The words a file may use for coded values (sex, citizenship status, education, vulnerability flags): the codes,
/// their English and Thai texts, and the usual short forms.
/// </summary>
public sealed class ImportVocabulary
{
    private readonly Dictionary<string, string> _sex = new();
    private readonly Dictionary<string, string> _citizenship = new();
    private readonly Dictionary<string, string> _education = new();
    private readonly Dictionary<string, string> _vulnerabilities = new();
    private readonly Func<string, IEnumerable<string>> _labels;

    public ImportVocabulary(IStringLocalizer<PeopleText> text)
    {
        _labels = key => InBothLanguages(text, key);
        Add(_sex, "Female", "f", "w", "woman", "หญิง", "ญ", "เพศหญิง");
        Add(_sex, "Male", "m", "man", "ชาย", "ช", "เพศชาย");
        Add(_citizenship, "ThaiId", "thai id", "thai", "thai id card", "บัตรประชาชน", "บัตรประชาชนไทย", "สัญชาติไทย", "ไทย");
        Add(_citizenship, "HighlandCard", "highland card", "highland", "stateless", "บัตรบุคคลบนพื้นที่สูง", "บัตรสีฟ้า", "บัตรไม่มีสถานะ", "ไม่มีสถานะ", "บัตรชมพู", "บัตรสีชมพู");
        Add(_citizenship, "None", "none", "no card", "ไม่มีบัตร", "ไม่มี");
        Add(_education, "None", "none", "ไม่ได้เรียน", "ไม่ได้ศึกษา", "ไม่มี");
        Add(_education, "Primary", "primary", "ประถม", "ประถมศึกษา", "ป6", "ป.6");
        Add(_education, "LowerSecondary", "lower secondary", "มัธยมต้น", "มต้น", "ม.ต้น", "ม3", "ม.3");
        Add(_education, "UpperSecondary", "upper secondary", "มัธยมปลาย", "มปลาย", "ม.ปลาย", "ม6", "ม.6");
        Add(_education, "Vocational", "vocational", "ปวช", "ปวส", "ปวช.", "ปวส.", "อาชีวศึกษา");
        Add(_education, "Higher", "higher", "university", "ปริญญาตรี", "ปริญญาโท", "ปริญญาเอก", "อุดมศึกษา");
        foreach (var code in PersonInput.Sexes) Add(_sex, code, InBothLanguages(text, code).ToArray());
        foreach (var code in PersonInput.CitizenshipStatuses.Where(c => c != "None")) Add(_citizenship, code, InBothLanguages(text, code).ToArray());
        foreach (var code in PersonInput.EducationLevels.Where(c => c != "None")) Add(_education, code, InBothLanguages(text, code).ToArray());
        foreach (var (code, label) in Vulnerabilities.All) Add(_vulnerabilities, code, InBothLanguages(text, label).ToArray());
    }

    /// <summary>A label's English key and its Thai text (whatever language this request runs in).</summary>
    public IEnumerable<string> Labels(string key) => _labels(key);

    public string? Sex(string? text) => Code(_sex, text);
    public string? Citizenship(string? text) => Code(_citizenship, text);
    public string? Education(string? text) => Code(_education, text);

    /// <summary>Flags separated by commas, semicolons or new lines; an unknown one is kept, for the rule to refuse.</summary>
    public List<string> VulnerabilityCodes(string? text)
        => string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split([',', ';', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(flag => Code(_vulnerabilities, flag) ?? flag).Distinct().ToList();

    /// <summary>The code for a text, or the text itself when it is not known (the registry's rule then refuses it).</summary>
    private static string? Code(Dictionary<string, string> words, string? text)
    {
        var plain = ImportFields.Plain(text);
        return plain is null ? null : words.GetValueOrDefault(ImportFields.Key(plain), plain);
    }

    private static void Add(Dictionary<string, string> words, string code, params string[] texts)
    {
        words.TryAdd(ImportFields.Key(code), code);
        foreach (var text in texts) words.TryAdd(ImportFields.Key(text), code);
    }

    private static IEnumerable<string> InBothLanguages(IStringLocalizer<PeopleText> text, string key)
    {
        var current = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.Thai);
            var thai = text[key];
            return thai.ResourceNotFound ? [key] : [key, thai.Value];
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }
    }
}

/// <summary>
/// Every village with its subdistrict and district, loaded once per import, matched by id or by "หมู่ 5 บ้านปิน"
/// text (with the subdistrict and district columns when the file has them).
/// </summary>
public sealed partial class ImportVillages
{
    public sealed record Village
    {
        public long Id { get; init; }
        public int VillageNumber { get; init; }
        public string NameTh { get; init; } = "";
        public string SubdistrictName { get; init; } = "";
        public string DistrictName { get; init; } = "";
        public string Label => LocationQueries.VillageLabel(VillageNumber, NameTh);
    }

    private readonly Dictionary<long, Village> _byId;
    private readonly List<(Village Village, string Name, string Subdistrict, string District)> _all;

    public ImportVillages(IEnumerable<Village> villages)
    {
        var list = villages.ToList();
        _byId = list.ToDictionary(v => v.Id);
        _all = list.Select(v => (v, Name(v.NameTh), Area(v.SubdistrictName, SubdistrictWords), Area(v.DistrictName, DistrictWords))).ToList();
    }

    /// <summary>The village's id, or the English reason why none (or more than one) matches.</summary>
    public (long? Id, ImportError? Error) Match(string? text, string? subdistrict, string? district)
    {
        var plain = ImportFields.Plain(text);
        if (plain is null) return (null, null); // the registry's rule asks for the village
        if (long.TryParse(plain, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return _byId.ContainsKey(id) ? (id, null) : (null, Unknown(plain));

        int? number = null;
        var name = plain;
        if (NumberFirst().Match(plain) is { Success: true } first) (number, name) = (int.Parse(first.Groups[1].Value, CultureInfo.InvariantCulture), first.Groups[2].Value);
        else if (NumberLast().Match(plain) is { Success: true } last) (number, name) = (int.Parse(last.Groups[2].Value, CultureInfo.InvariantCulture), last.Groups[1].Value);
        var wanted = Name(name);
        var inSubdistrict = string.IsNullOrWhiteSpace(subdistrict) ? null : Area(subdistrict, SubdistrictWords);
        var inDistrict = string.IsNullOrWhiteSpace(district) ? null : Area(district, DistrictWords);

        var matches = _all.Where(v => (number is null || v.Village.VillageNumber == number)
                                      && (wanted.Length == 0 || v.Name == wanted)
                                      && (inSubdistrict is null || v.Subdistrict == inSubdistrict)
                                      && (inDistrict is null || v.District == inDistrict))
            .Take(2).ToList();
        return matches.Count switch
        {
            1 => (matches[0].Village.Id, null),
            0 => (null, Unknown(plain)),
            _ => (null, new ImportError(nameof(PersonInput.VillageId), "Several villages match \"{0}\": add the subdistrict and district columns.", [plain])),
        };
    }

    private static ImportError Unknown(string text)
        => new(nameof(PersonInput.VillageId), "Unknown village \"{0}\": add the village first, or check its number and name.", [text]);

    private static readonly string[] SubdistrictWords = ["ตำบล", "ต.", "tambon"];
    private static readonly string[] DistrictWords = ["อำเภอ", "อ.", "เขต", "amphoe", "amphur", "district"];

    /// <summary>A village name compared without spaces and without the leading "บ้าน" that some write and some leave out.</summary>
    private static string Name(string text)
    {
        var key = ImportFields.Key(text);
        return key.StartsWith("บ้าน", StringComparison.Ordinal) ? key["บ้าน".Length..] : key;
    }

    private static string Area(string text, string[] words)
    {
        var plain = text.Trim();
        foreach (var word in words)
            if (plain.StartsWith(word, StringComparison.OrdinalIgnoreCase)) { plain = plain[word.Length..]; break; }
        return ImportFields.Key(plain);
    }

    [GeneratedRegex(@"^(?:หมู่\s*ที่|หมู่บ้าน(?=\s*\d)|หมู่|ม\.|moo)\s*(\d{1,3})\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberFirst();

    [GeneratedRegex(@"^(.*?)\s*(?:หมู่\s*ที่|หมู่|ม\.|moo)\s*(\d{1,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberLast();
}

/// <summary>Turns one row of text into a <see cref="PersonInput"/> and checks it with the registry's own rules.</summary>
public sealed class ImportRowReader(IReadOnlyDictionary<string, int> mapping, ImportVocabulary words, ImportVillages villages, DateOnly today, bool sensitiveAllowed)
{
    private static readonly Dictionary<string, ValidationAttribute[]> Attributes = typeof(PersonInput)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(p => p.Name, p => p.GetCustomAttributes<ValidationAttribute>().ToArray());

    private static readonly HashSet<string> Birth = [nameof(PersonInput.BirthDate), nameof(PersonInput.BirthYear)];

    public (PersonInput Input, List<ImportError> Errors) Read(string?[] values)
    {
        string? Value(string field) => mapping.TryGetValue(field, out var column) && column >= 0 && column < values.Length ? ImportFields.Plain(values[column]) : null;

        var errors = new List<ImportError>();
        var input = new PersonInput
        {
            FullNameTh = Value(nameof(PersonInput.FullNameTh)) ?? "",
            FullNameLatin = Value(nameof(PersonInput.FullNameLatin)),
            Nickname = Value(nameof(PersonInput.Nickname)),
            Sex = words.Sex(Value(nameof(PersonInput.Sex))) ?? "",
            Phone = Phone(Value(nameof(PersonInput.Phone))),
            IdNumber = Value(nameof(PersonInput.IdNumber)),
            Education = words.Education(Value(nameof(PersonInput.Education))),
            GuardianName = Value(nameof(PersonInput.GuardianName)),
            GuardianRelation = Value(nameof(PersonInput.GuardianRelation)),
            GuardianPhone = Phone(Value(nameof(PersonInput.GuardianPhone))),
        };
        if (words.Citizenship(Value(nameof(PersonInput.CitizenshipStatus))) is { } citizenship) input.CitizenshipStatus = citizenship;
        if (sensitiveAllowed)
        {
            input.Ethnicity = Value(nameof(PersonInput.Ethnicity));
            input.Vulnerabilities = words.VulnerabilityCodes(Value(nameof(PersonInput.Vulnerabilities)));
        }

        if (Value(nameof(PersonInput.BirthDate)) is { } birthDate)
        {
            if (ImportFields.TryDate(birthDate, out var born)) input.BirthDate = born;
            else errors.Add(new(nameof(PersonInput.BirthDate), "Not a date: \"{0}\". Write it as yyyy-mm-dd or d/m/yyyy (a Buddhist-era year is fine).", [birthDate]));
        }
        if (Value(nameof(PersonInput.BirthYear)) is { } birthYear)
        {
            if (int.TryParse(birthYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) input.BirthYear = year;
            else errors.Add(new(nameof(PersonInput.BirthYear), "Not a year: \"{0}\". Write the year in four digits, e.g. 2530 or 1987.", [birthYear]));
        }

        var (villageId, villageError) = villages.Match(Value(nameof(PersonInput.VillageId)), Value(ImportFields.Subdistrict), Value(ImportFields.District));
        input.VillageId = villageId;
        if (villageError is not null) errors.Add(villageError);

        // The registry's rules, exactly as the form applies them; a field that could not even be read keeps only that reason.
        bool Unread(string field) => errors.Any(e => e.Field == field || (Birth.Contains(field) && Birth.Contains(e.Field)));
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var ruled = new List<ImportError>();
        foreach (var result in results)
        {
            var field = result.MemberNames.FirstOrDefault() ?? "";
            if (!Unread(field)) ruled.Add(AttributeError(field, result));
        }
        foreach (var (field, message) in input.Check(today, checkSensitive: true))
            if (!Unread(field)) ruled.Add(new(field, message));
        errors.AddRange(ruled);
        return (input, errors);
    }

    /// <summary>A data-annotation failure as its message template and arguments, so it can be shown in Thai too.</summary>
    private static ImportError AttributeError(string field, ValidationResult result)
    {
        foreach (var attribute in Attributes.GetValueOrDefault(field, []))
        {
            if (attribute.ErrorMessage is not { } template || attribute.FormatErrorMessage(field) != result.ErrorMessage) continue;
            return attribute is StringLengthAttribute length
                ? new(field, template, [field, length.MaximumLength.ToString(CultureInfo.InvariantCulture), length.MinimumLength.ToString(CultureInfo.InvariantCulture)])
                : new(field, template, [field]);
        }
        return new(field, result.ErrorMessage ?? "", null);
    }

    /// <summary>A mobile number that a spreadsheet stored as a number has lost its leading 0 (812345678): put it back.</summary>
    private static string? Phone(string? text)
        => text is { Length: 9 } && text.All(char.IsAsciiDigit) && text[0] is '6' or '8' or '9' ? "0" + text : text;
}
