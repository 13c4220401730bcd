namespace Livelihood.Web.Resources;

// Marker types for IStringLocalizer<T>: each names a .th.resx file beside it (English is the key itself).
public sealed class SharedText;
public sealed class AccountText;
public sealed class AdminText;
public sealed class PeopleText;
public sealed class CohortsText;
public sealed class SessionsText;
public sealed class AttendanceText;
public sealed class AlertsText;
public sealed class GroupsText;
public sealed class FollowUpsText;
public sealed class LedgerText;
public sealed class DashboardText;
