namespace Vaccination.Api.Http;

/// <summary>One entry of a problem response's "errors": a stable code, the field (JSON path) and a message.</summary>
public sealed record FieldError(string Code, string? Field, string Message);
