using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Exchange;

/// <summary>An inquiry request that passed every check.</summary>
public sealed record ValidInquiry(SubjectId SubjectId, MyNumber MyNumber, MunicipalityCode FormerMunicipality, LegalBasis LegalBasis, string? ConsentReference);
