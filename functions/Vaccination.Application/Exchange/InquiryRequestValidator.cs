using Vaccination.Application.Subjects;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;
using static Vaccination.Application.Validation.FieldChecks;

namespace Vaccination.Application.Exchange;

/// <summary>
/// Checks an inquiry before anything is stored or sent: every field error is collected, the legal basis must be on the
/// allow-list (S19), consent must be referenced where the basis needs it (S8), and the person must be one of ours
/// whose My Number, if held, is the one given (a mistyped number must not fetch someone else's records, S22).
/// </summary>
public sealed class InquiryRequestValidator(TenantRegistry registry, ISubjectStore subjects)
{
    private const int MaxConsentReferenceLength = 100;

    public async Task<Result<ValidInquiry>> ValidateAsync(Tenant tenant, InquiryRequest request, string fieldPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<Error>();
        var subjectId = Collect(SubjectId.TryCreate(request.SubjectId, fieldPrefix + "subjectId"), errors);
        var myNumber = Collect(MyNumber.TryCreate(request.MyNumber, fieldPrefix + "myNumber"), errors);
        var former = Collect(MunicipalityCode.TryCreate(request.FormerMunicipality, fieldPrefix + "formerMunicipality"), errors);
        var basis = Collect(LegalBases.TryCreate(request.LegalBasis, fieldPrefix + "legalBasis"), errors);
        if (former != default && (former == tenant.Code || registry.Find(former) is null))
        {
            errors.Add(Error.Validation("exchange.recipient_unreachable",
                "The former municipality is not reachable through this exchange (or is this municipality).", fieldPrefix + "formerMunicipality"));
        }

        var consent = string.IsNullOrWhiteSpace(request.ConsentReference) ? null : request.ConsentReference;
        if (basis is { RequiresConsent: true } && consent is null)
        {
            errors.Add(Error.Validation("consent_reference.required",
                "This legal basis needs the reference of the person's written consent.", fieldPrefix + "consentReference"));
        }

        if (consent is not null && (consent.Length > MaxConsentReferenceLength || consent.Any(char.IsControl)))
        {
            errors.Add(Error.Validation("consent_reference.format",
                $"A consent reference is at most {MaxConsentReferenceLength} characters without control characters.", fieldPrefix + "consentReference"));
        }

        if (errors.Count > 0)
        {
            return Result<ValidInquiry>.Failure(errors);
        }

        var subject = await subjects.GetAsync(tenant, subjectId, cancellationToken);
        if (subject is null)
        {
            return Error.Validation("inquiry.subject_unknown", "No subject with this internal address number is registered here.", fieldPrefix + "subjectId");
        }

        if (subject.MyNumber is not null && !subject.MyNumber.Equals(myNumber))
        {
            return Error.Validation("inquiry.my_number_mismatch", "The My Number differs from the one held for this subject.", fieldPrefix + "myNumber");
        }

        return new ValidInquiry(subjectId, myNumber, former, basis!, consent);
    }
}
