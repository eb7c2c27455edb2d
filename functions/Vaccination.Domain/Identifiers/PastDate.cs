using Vaccination.Domain.Results;

namespace Vaccination.Domain.Identifiers;

/// <summary>A calendar date that is not in the future (in Japan time), optionally not before a floor date.</summary>
public static class PastDate
{
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static DateOnly TodayInJapan(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(JapanOffset).DateTime);
    }

    public static Result<DateOnly> TryCreate(DateOnly value, TimeProvider clock, string field, DateOnly? notBefore = null)
    {
        if (value > TodayInJapan(clock))
        {
            return Error.Validation("date.future", "The date is in the future.", field);
        }

        if (notBefore is { } floor && value < floor)
        {
            return Error.Validation("date.too_early", $"The date is before {floor:yyyy-MM-dd}.", field);
        }

        return value;
    }
}
