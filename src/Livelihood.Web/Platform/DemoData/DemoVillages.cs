using Livelihood.Data;

namespace Livelihood.Web.Platform.DemoData;

/// <summary>
/// Demo villages under real subdistricts (official codes from the reference data) of Dok Khamtai district, Phayao,
/// and of Mueang Chiang Rai, Mae Chan and Wiang Pa Pao districts, Chiang Rai. The village names follow the local
/// pattern (หมู่ 1 usually carries the subdistrict's name); they are illustrative, not a survey.
/// </summary>
public static class DemoVillages
{
    private static readonly int[] Subdistricts =
    [
        560501, 560502, 560503, 560504, 560505, 560506, 560507, 560508, 560509, 560510, 560511, 560512, // Dok Khamtai
        570101, 570103, 570114, 570115, // Mueang Chiang Rai
        570701, 570702, 570708, // Mae Chan
        571101, 571102, 571105, // Wiang Pa Pao
    ];

    private static readonly string[] MoreNames = ["บ้านสันป่าม่วง", "บ้านห้วยทราย", "บ้านดอนไชย", "บ้านหนองบัว", "บ้านใหม่", "บ้านทุ่งหลวง"];

    private sealed record Subdistrict
    {
        public int Id { get; init; }
        public string NameTh { get; init; } = "";
    }

    public static async Task<int> SeedAsync(DbSession db, DateTime now)
    {
        var names = (await db.QueryAsync<Subdistrict>(
            "SELECT Id, NameTh FROM Subdistricts WHERE Id IN @Ids", new { Ids = Subdistricts })).ToDictionary(s => s.Id, s => s.NameTh);
        var count = 0;
        foreach (var (subdistrict, index) in Subdistricts.Select((s, i) => (s, i)))
        {
            var own = names[subdistrict];
            string[] villages = [own.StartsWith("บ้าน") ? own : "บ้าน" + own, MoreNames[index % MoreNames.Length], MoreNames[(index + 3) % MoreNames.Length]];
            for (var number = 1; number <= villages.Length; number++)
            {
                await db.ExecuteAsync(
                    "INSERT INTO Villages (SubdistrictId, VillageNumber, NameTh, CreatedAt) VALUES (@SubdistrictId, @VillageNumber, @NameTh, @CreatedAt)",
                    new { SubdistrictId = subdistrict, VillageNumber = number, NameTh = villages[number - 1], CreatedAt = now });
                count++;
            }
        }
        return count;
    }
}
