using Vaccination.Domain.Identifiers;

namespace Vaccination.Domain.Certificates;

/// <summary>
/// What is kept of an issued certificate (S14): its id (D14), issue date (D15) and kind, under the person it was
/// issued to, and for the overseas kind the passport data needed to reissue it. Nothing else of the application.
/// </summary>
public sealed record IssuedCertificate(SubjectId SubjectId, CertificateId Id, DateOnly IssuedOn, CertificateKind Kind, PassportData? Passport);
