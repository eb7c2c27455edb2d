using Vaccination.Domain.Results;

namespace Vaccination.Domain.Identifiers;

/// <summary>
/// The municipality's internal address number (宛名番号, D2): 1-20 ASCII letters, digits or hyphens.
/// It identifies a person inside one tenant and is safe to log; it never crosses tenants.
/// </summary>
public readonly record struct SubjectId
{
    public const int MaxLength = 20;

    private SubjectId(string value) => Value = value;

    public string Value { get; }

    public static Result<SubjectId> TryCreate(string? value, string field = "subjectId") =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? new SubjectId(value)
            : Error.Validation("subject_id.format", "An internal address number is 1-20 letters, digits or hyphens.", field);

    public override string ToString() => Value ?? string.Empty;
}
