using System.Text;
using Livelihood.Data;
using Livelihood.Web.Features.Alerts;
using Livelihood.Web.Features.Dashboard;
using Livelihood.Web.Features.FollowUps;
using Livelihood.Web.Platform.Auth;

namespace Livelihood.Web.Platform.DemoData;

/// <summary>
/// `seed-demo`: fills an empty database with a believable programme and one account per role. Each feature adds its
/// part here as it arrives. Refuses to touch a database that already has users.
/// </summary>
public sealed class DemoSeeder(DbSession db, UserAccounts accounts, FirstRunState firstRun, RaiseAbsenceAlertsJob alerts,
    FollowUpsNightlyJob followUps, DashboardAggregatesJob dashboard, TimeProvider clock)
{
    public const string DemoPassword = "Demo-2569!";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Accounts =
    [
        ("admin@demo.livelihood", "ผู้ดูแลระบบ (Admin)", Roles.Admin),
        ("manager@demo.livelihood", "สมศรี ใจดี", Roles.Manager),
        ("officer@demo.livelihood", "ประเสริฐ คำมา", Roles.FieldOfficer),
        ("trainer@demo.livelihood", "มาลัย ทองคำ", Roles.Trainer),
        ("recorder@demo.livelihood", "บุญมี แก้วใส", Roles.GroupRecorder),
    ];

    public async Task<string> SeedAsync()
    {
        if (!await firstRun.NeedsSetupAsync(db))
            return "The database already has users; seed-demo only fills an empty database. Nothing was changed.";

        return await db.InTransactionAsync(async () =>
        {
            var report = new StringBuilder("Demo data created. Accounts (password for all: " + DemoPassword + "):\n");
            foreach (var (email, name, role) in Accounts)
            {
                await accounts.CreateAsync(email, name, DemoPassword, role);
                report.AppendLine($"  {RoleNames.Of(role),-15} {email}");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var villages = await DemoVillages.SeedAsync(db, now);
            report.AppendLine($"Villages: {villages} in Dok Khamtai (Phayao) and Chiang Rai.");
            var officer = await accounts.FindByEmailAsync("officer@demo.livelihood");
            var people = await DemoPeople.SeedAsync(db, officer!.Id, now);
            report.AppendLine($"People: {people}, registered by the field officer.");
            var trainer = await accounts.FindByEmailAsync("trainer@demo.livelihood");
            report.AppendLine(await DemoCohorts.SeedAsync(db, trainer!.Id, trainer.Id, now));
            var recorder = await accounts.FindByEmailAsync("recorder@demo.livelihood");
            report.AppendLine(await DemoGroups.SeedAsync(db, recorder!.Id, now));
            report.AppendLine(await DemoFollowUps.SeedAsync(db, officer.Id, trainer.Id, now));
            await followUps.RunOnceAsync(); // the field officer's digest of this week
            await alerts.RaiseAsync(null);
            report.AppendLine($"Open absence alerts: {await db.ExecuteScalarAsync<int>("SELECT COUNT(1) FROM AbsenceAlerts WHERE Status = 'Open'")}.");
            await dashboard.BuildAsync(); // its pre-aggregates, as the nightly job builds them
            return report.ToString();
        });
    }
}
