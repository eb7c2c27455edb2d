namespace Vaccination.Domain.Results;

/// <summary>What kind of failure an <see cref="Error"/> is; the HTTP layer maps each kind to one status code.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
}
