namespace Vaccination.Application.Exchange;

/// <summary>
/// Staff of the new municipality ask the former one for a newcomer's records (F4, S6a): the person's internal number
/// here, their My Number (taken with consent, S8), the former municipality, the legal basis and the consent reference.
/// </summary>
public sealed record InquiryRequest(
    string? SubjectId,
    string? MyNumber,
    string? FormerMunicipality,
    string? LegalBasis,
    string? ConsentReference);
