using Vaccination.Domain.Results;

namespace Vaccination.Domain.Identifiers;

/// <summary>A vaccination ticket number (接種券番号, D4): exactly 10 digits, no check digit.</summary>
public readonly record struct TicketNumber
{
    private TicketNumber(string value) => Value = value;

    public string Value { get; }

    public static Result<TicketNumber> TryCreate(string? value, string field = "ticketNumber") =>
        Digits.IsDigitsOfLength(value, 10)
            ? new TicketNumber(value!)
            : Error.Validation("ticket_number.format", "A ticket number is exactly 10 digits.", field);

    public override string ToString() => Value ?? string.Empty;
}
