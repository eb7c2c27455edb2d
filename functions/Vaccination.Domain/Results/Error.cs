namespace Vaccination.Domain.Results;

/// <summary>
/// An expected failure: a stable machine-readable code, a message a person can act on, and the field it concerns.
/// </summary>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.Validation, string? Field = null)
{
    public static Error Validation(string code, string message, string? field = null) =>
        new(code, message, ErrorKind.Validation, field);

    /// <summary>Not found, or not visible to this caller: the two are deliberately indistinguishable.</summary>
    public static Error NotFound(string code = "not_found", string message = "The resource does not exist.") =>
        new(code, message, ErrorKind.NotFound);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Forbidden(string code = "forbidden", string message = "The caller may not perform this operation.") =>
        new(code, message, ErrorKind.Forbidden);
}
