namespace Vaccination.Api.Endpoints;

/// <summary>
/// The answer to one VRS event: HTTP-style status, "applied" or "refused", whether it is the stored answer to an
/// earlier delivery of the same event id, the data-quality flags raised, and (when refused) the stable code and every
/// field error. Vaccination-site callers never receive the subject id.
/// </summary>
public sealed record EventResponse(
    string? EventId,
    string? Type,
    int Status,
    string Result,
    bool Replayed,
    string? SubjectId,
    int? DoseNumber,
    IReadOnlyList<string> DataQuality,
    string? Code,
    IReadOnlyList<Http.FieldError> Errors);
