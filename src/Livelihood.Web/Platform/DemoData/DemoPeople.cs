using Livelihood.Data;
using Livelihood.Web.Features.People;

namespace Livelihood.Web.Platform.DemoData;

/// <summary>
/// About 300 participants spread over the demo villages: young people and women of their families, Thai names and
/// nicknames, some with only a birth year, some highland-card holders, minors with guardians, most with consent.
/// Deterministic (fixed seed), so every demo database looks the same.
/// </summary>
public static class DemoPeople
{
    private static readonly string[] WomenNames = ["มาลี", "สมศรี", "บัวคำ", "จันทร์เพ็ญ", "พิมพ์ชนก", "กาญจนา", "อรุณี", "สุดารัตน์", "นภัสสร", "ปวีณา", "ศิริพร", "วันเพ็ญ", "ดวงใจ", "คำแปง", "แสงเดือน"];
    private static readonly string[] MenNames = ["สมชาย", "ประเสริฐ", "บุญมา", "อนุชา", "ธนากร", "วีระพงษ์", "ณัฐวุฒิ", "คำปัน", "สุริยา", "กิตติศักดิ์", "ศุภชัย", "อินทร", "จักรพันธ์"];
    private static readonly string[] Surnames = ["ใจดี", "คำมา", "ทองคำ", "แก้วใส", "ศรีวงศ์", "อินทรสุข", "ปัญญาดี", "จันทร์แก้ว", "บุญเรือง", "สุวรรณ", "ไชยวงศ์", "ธรรมใจ", "คำปวง", "ต๊ะแก้ว", "แสนคำ", "อุดมสุข"];
    private static readonly string[] Nicknames = ["แดง", "น้อย", "นก", "ปุ๊", "ต้อม", "แก้ว", "บี", "เอ", "ฝน", "หมิว", "ต่าย", "บอย", "เก่ง", "จ๋า", "ปลา", "มด"];
    private static readonly string[] Educations = ["Primary", "LowerSecondary", "UpperSecondary", "Vocational", "None"];

    public static async Task<int> SeedAsync(DbSession db, long registeredByUserId, DateTime now, int count = 300)
    {
        var random = new Random(2569);
        var villages = await db.QueryAsync<long>("SELECT Id FROM Villages ORDER BY Id");
        var today = DateOnly.FromDateTime(now);
        for (var i = 0; i < count; i++)
        {
            var female = random.NextDouble() < 0.65;
            var first = female ? WomenNames[random.Next(WomenNames.Length)] : MenNames[random.Next(MenNames.Length)];
            // Mostly young people (13–24) and women of their families (25–55).
            var age = random.NextDouble() < 0.6 ? random.Next(13, 25) : random.Next(25, 56);
            var birthDate = today.AddYears(-age).AddDays(-random.Next(0, 365));
            var yearOnly = age > 30 && random.NextDouble() < 0.3;
            var minor = PersonAge.IsMinor(today, yearOnly ? null : birthDate, birthDate.Year);
            var citizenship = random.NextDouble() switch { < 0.8 => "ThaiId", < 0.95 => "HighlandCard", _ => "None" };
            var personId = await db.InsertAsync(
                """
                INSERT INTO People (FullNameTh, Nickname, Sex, BirthDate, BirthYear, VillageId, Phone, CitizenshipStatus, IdNumber,
                    Education, GuardianName, GuardianRelation, GuardianPhone, Status, RegisteredByUserId, CreatedAt)
                VALUES (@FullNameTh, @Nickname, @Sex, @BirthDate, @BirthYear, @VillageId, @Phone, @CitizenshipStatus, @IdNumber,
                    @Education, @GuardianName, @GuardianRelation, @GuardianPhone, 'Active', @RegisteredByUserId, @CreatedAt)
                """,
                new
                {
                    FullNameTh = $"{(female ? "นางสาว" : "นาย")}{first} {Surnames[random.Next(Surnames.Length)]}",
                    Nickname = Nicknames[random.Next(Nicknames.Length)],
                    Sex = female ? "Female" : "Male",
                    BirthDate = yearOnly ? (DateOnly?)null : birthDate,
                    BirthYear = birthDate.Year,
                    VillageId = villages[random.Next(villages.Count)],
                    Phone = $"08{random.Next(10_000_000, 99_999_999)}",
                    CitizenshipStatus = citizenship,
                    IdNumber = citizenship switch
                    {
                        "ThaiId" => ValidThaiId(random),
                        "HighlandCard" => $"0-{random.Next(5700, 5799)}-{random.Next(10000, 99999)}-{random.Next(10, 99)}-{random.Next(0, 9)}",
                        _ => null,
                    },
                    Education = Educations[random.Next(Educations.Length)],
                    GuardianName = minor ? $"นาง{WomenNames[random.Next(WomenNames.Length)]} {Surnames[random.Next(Surnames.Length)]}" : null,
                    GuardianRelation = minor ? "แม่" : null,
                    GuardianPhone = minor ? $"08{random.Next(10_000_000, 99_999_999)}" : null,
                    RegisteredByUserId = registeredByUserId,
                    CreatedAt = now,
                });
            if (random.NextDouble() < 0.9)
                await db.ExecuteAsync(
                    """
                    INSERT INTO Consents (PersonId, GivenBy, GivenByName, GivenOn, DataProcessing, Photos, SharingWithPartners, RecordedByUserId, CreatedAt)
                    VALUES (@PersonId, @GivenBy, @GivenByName, @GivenOn, 1, @Photos, 0, @RecordedByUserId, @CreatedAt)
                    """,
                    new
                    {
                        PersonId = personId,
                        GivenBy = minor ? "Guardian" : "Person",
                        GivenByName = minor ? "ผู้ปกครอง" : null,
                        GivenOn = today.AddDays(-random.Next(1, 400)),
                        Photos = random.NextDouble() < 0.5,
                        RecordedByUserId = registeredByUserId,
                        CreatedAt = now,
                    });
        }
        return count;
    }

    private static string ValidThaiId(Random random)
    {
        var digits = "1" + string.Concat(Enumerable.Range(0, 11).Select(_ => random.Next(10)));
        var sum = digits.Select((c, i) => (c - '0') * (13 - i)).Sum();
        return digits + (11 - sum % 11) % 10;
    }
}
