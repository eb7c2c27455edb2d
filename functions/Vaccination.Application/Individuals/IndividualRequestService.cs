using Vaccination.Application.Callers;
using Vaccination.Application.Subjects;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Individuals;

/// <summary>
/// What a person may ask of their municipality (S21), handled by its own staff: disclosure of everything held about
/// them and correction of their record. Suspension of use is a subject flag (<see cref="SubjectFlagKind.Suspended"/>,
/// through <see cref="SubjectFlagService"/>), which the certificate and exchange features refuse while it holds.
/// Every call is in the audit trail (RequestAudit).
/// </summary>
public sealed class IndividualRequestService(
    TenantAccess access, ISubjectStore subjects, SubjectRequestValidator validator, IEnumerable<IDisclosureSource> sources, TimeProvider clock)
{
    public async Task<Result<SubjectDisclosure>> DiscloseAsync(Caller caller, string municipalityCode, string subjectId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(caller, municipalityCode, subjectId, cancellationToken);
        if (!found.IsSuccess)
        {
            return Result<SubjectDisclosure>.Failure(found.Errors);
        }

        var (tenant, subject) = found.Value;
        var doses = await subjects.GetDosesAsync(tenant, subject.Id, cancellationToken);
        var sections = new List<DisclosureSection>();
        foreach (var source in sources)
        {
            sections.Add(await source.CollectAsync(tenant, subject.Id, cancellationToken));
        }

        return new SubjectDisclosure(clock.GetUtcNow(), SubjectViews.From(subject, doses), sections);
    }

    public async Task<Result<SubjectView>> CorrectAsync(
        Caller caller, string municipalityCode, string subjectId, CorrectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await FindAsync(caller, municipalityCode, subjectId, cancellationToken);
        if (!found.IsSuccess)
        {
            return Result<SubjectView>.Failure(found.Errors);
        }

        if (request.Version is null)
        {
            return Error.Validation("version.required", "Send the version of the record the correction was made from.", "version");
        }

        var (tenant, current) = found.Value;
        var corrected = validator.ToSubject(current.Id, new SubjectRegistrationRequest(
            null,
            request.Name ?? current.Name,
            request.BirthDate ?? current.BirthDate,
            request.Sex ?? current.Sex.ToString(),
            request.Tickets ?? current.Tickets.Select(t => t.Value).ToList(),
            request.Version), current.Flags);
        return corrected.IsSuccess
            ? await SaveAsync(tenant, corrected.Value with { MyNumber = current.MyNumber }, cancellationToken)
            : Result<SubjectView>.Failure(corrected.Errors);
    }

    private async Task<Result<SubjectView>> SaveAsync(Tenant tenant, VaccinationSubject subject, CancellationToken cancellationToken)
    {
        var saved = await subjects.SaveAsync(tenant, subject, cancellationToken);
        return saved.IsSuccess
            ? SubjectViews.From(saved.Value, await subjects.GetDosesAsync(tenant, subject.Id, cancellationToken))
            : Result<SubjectView>.Failure(saved.Errors);
    }

    private Task<Result<(Tenant Tenant, VaccinationSubject Subject)>> FindAsync(
        Caller caller, string municipalityCode, string subjectId, CancellationToken cancellationToken) =>
        StaffSubjectLookup.FindAsync(access, subjects, caller, municipalityCode, subjectId, cancellationToken);
}
