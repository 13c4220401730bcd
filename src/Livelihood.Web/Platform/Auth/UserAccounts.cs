using Livelihood.Data;
using Livelihood.Web.Platform.Audit;
using Microsoft.AspNetCore.Identity;

namespace Livelihood.Web.Platform.Auth;

/// <summary>
/// Creating users and checking passwords: shared by the first-run setup page, the bootstrap admin from the
/// environment, the admin pages and sign-in. Passwords are hashed with ASP.NET Core Identity's PasswordHasher.
/// </summary>
public sealed class UserAccounts(DbSession db, AuditedWrites audited, TimeProvider clock)
{
    public const int MinimumPasswordLength = 8;
    public const int FailedSignInsBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<string> Hasher = new();

    public sealed record UserRow
    {
        public long Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string Role { get; init; } = "";
        public bool IsActive { get; init; }
        public int FailedSignIns { get; init; }
        public DateTime? LockedOutUntil { get; init; }
        public int Version { get; init; }
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static string HashPassword(string password) => Hasher.HashPassword("", password);

    public Task<UserRow?> FindByEmailAsync(string email)
        => db.QuerySingleOrDefaultAsync<UserRow>(
            """
            SELECT Id, Email, DisplayName, PasswordHash, Role, IsActive, FailedSignIns, LockedOutUntil, Version
            FROM Users WHERE Email = @Email
            """, new { Email = NormalizeEmail(email) });

    public Task<UserRow?> FindByIdAsync(long id)
        => db.QuerySingleOrDefaultAsync<UserRow>(
            """
            SELECT Id, Email, DisplayName, PasswordHash, Role, IsActive, FailedSignIns, LockedOutUntil, Version
            FROM Users WHERE Id = @Id
            """, new { Id = id });

    public async Task<bool> EmailTakenAsync(string email)
        => await FindByEmailAsync(email) is not null;

    public Task<long> CreateAsync(string email, string displayName, string password, string role)
        => audited.InsertAsync("Users", new
        {
            Email = NormalizeEmail(email),
            DisplayName = displayName.Trim(),
            PasswordHash = HashPassword(password),
            Role = role,
            IsActive = true,
            FailedSignIns = 0,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });

    public enum SignInOutcome { Succeeded, WrongEmailOrPassword, LockedOut, Deactivated }

    /// <summary>
    /// Checks a password and keeps the lockout count: the fifth wrong password in a row locks the account for
    /// <see cref="LockoutDuration"/>; while locked, even the right password is refused.
    /// </summary>
    public async Task<(SignInOutcome Outcome, UserRow? User)> CheckPasswordAsync(string email, string password)
    {
        var user = await FindByEmailAsync(email);
        if (user is null)
        {
            // Hash anyway so an unknown email takes as long as a wrong password.
            Hasher.VerifyHashedPassword("", DummyHash, password);
            return (SignInOutcome.WrongEmailOrPassword, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (user.LockedOutUntil is { } until && until > now) return (SignInOutcome.LockedOut, user);

        if (Hasher.VerifyHashedPassword("", user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var failures = user.FailedSignIns + 1;
            var lockNow = failures >= FailedSignInsBeforeLockout;
            await db.ExecuteAsync(
                "UPDATE Users SET FailedSignIns = @Failures, LockedOutUntil = @LockedOutUntil WHERE Id = @Id",
                new { Failures = lockNow ? 0 : failures, LockedOutUntil = lockNow ? now + LockoutDuration : (DateTime?)null, user.Id });
            return (lockNow ? SignInOutcome.LockedOut : SignInOutcome.WrongEmailOrPassword, user);
        }

        if (!user.IsActive) return (SignInOutcome.Deactivated, user);

        if (user.FailedSignIns != 0 || user.LockedOutUntil is not null)
            await db.ExecuteAsync("UPDATE Users SET FailedSignIns = 0, LockedOutUntil = NULL WHERE Id = @Id", new { user.Id });
        return (SignInOutcome.Succeeded, user);
    }

    private static readonly string DummyHash = HashPassword(Guid.NewGuid().ToString());
}
