using System.Globalization;

namespace Vaccination.Infrastructure.Audit;

/// <summary>Audit entries are partitioned by tenant and day (Japan time), written "yyyyMMdd".</summary>
internal static class AuditDays
{
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static DateOnly Of(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(JapanOffset).DateTime);

    public static string Format(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateOnly Parse(string day) => DateOnly.ParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture);
}
