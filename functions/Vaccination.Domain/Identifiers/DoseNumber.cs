using Vaccination.Domain.Results;

namespace Vaccination.Domain.Identifiers;

/// <summary>Which dose of a person's series this is (D7): 1 or more; the seed lists four, the design allows any count.</summary>
public readonly record struct DoseNumber
{
    public const int Maximum = 99;

    private DoseNumber(int value) => Value = value;

    public int Value { get; }

    public static Result<DoseNumber> TryCreate(int value, string field = "doseNumber") =>
        value is >= 1 and <= Maximum
            ? new DoseNumber(value)
            : Error.Validation("dose_number.range", $"A dose number is between 1 and {Maximum}.", field);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
