using Microsoft.Extensions.Logging;
using Vaccination.Application.Callers;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Certificates.SmartHealthCards;
using Vaccination.Application.Certificates.VdsNc;
using Vaccination.Application.Subjects;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Certificates;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Certificates;

/// <summary>
/// Certificate applications from the app and kiosks (F5-F7, S13, S14): checks the channel, verifies the card data and
/// finds the person by the card's My Number only (S6 c), refuses protected, suspended or erroneous records and records
/// without doses, issues a SMART Health Card (and for overseas use an ICAO VDS-NC seal) and keeps only the certificate
/// id, issue date, kind and, overseas, the passport data.
/// </summary>
public sealed class CertificateService(
    TenantAccess access,
    CardDataVerifier cards,
    ISubjectStore subjects,
    IDataQualityReader dataQuality,
    ICertificateStore certificates,
    SmartHealthCardIssuer smartHealthCards,
    VdsNcIssuer vdsNc,
    TimeProvider clock,
    ILogger<CertificateService> logger)
{
    private const string Unknown = "-";

    /// <summary>
    /// Whether this instance is configured to issue the kind: an issuer URL and card trust anchors, and for the overseas
    /// kind a barcode-signer certificate. Unconfigured issuance answers 503 rather than refusing the applicant.
    /// </summary>
    public bool CanIssue(string? kind) =>
        smartHealthCards.IsConfigured && cards.HasTrustAnchors
        && (!string.Equals(kind, "overseas", StringComparison.OrdinalIgnoreCase) || vdsNc.IsConfigured);

    public async Task<Result<CertificateResponse>> IssueAsync(Caller caller, string municipalityCode, CertificateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tenant = access.Resolve(caller, municipalityCode, CallerRole.CertificateChannel);
        if (!tenant.IsSuccess)
        {
            return Result<CertificateResponse>.Failure(tenant.Errors);
        }

        var application = ReadApplication(request);
        if (!application.IsSuccess)
        {
            return Result<CertificateResponse>.Failure(application.Errors);
        }

        var (channel, kind, passport) = application.Value;
        if (!IsCallersChannel(caller, channel))
        {
            return Refuse(tenant.Value, channel, null, CertificateRefusals.ChannelNotTheCallers);
        }

        if (channel == CertificateChannel.Kiosk && !tenant.Value.KioskIssuance)
        {
            return Refuse(tenant.Value, channel, null, CertificateRefusals.KioskNotOffered);
        }

        var card = cards.Verify(request.Card);
        if (!card.IsSuccess)
        {
            CertificateLog.Refused(logger, channel, tenant.Value.Code.Value, Unknown, card.Errors[0].Code);
            return Result<CertificateResponse>.Failure(card.Errors);
        }

        var person = await FindPersonAsync(tenant.Value, card.Value, cancellationToken);
        if (!person.IsSuccess)
        {
            return Refuse(tenant.Value, channel, null, person.Errors[0]);
        }

        var subject = person.Value;
        var refusal = await CheckRecordsAsync(tenant.Value, subject, cancellationToken);
        if (refusal is not null)
        {
            return Refuse(tenant.Value, channel, subject.Id, refusal);
        }

        if (kind == CertificateKind.Overseas && passport is null)
        {
            passport = await certificates.FindPassportAsync(
                tenant.Value, subject.Id, PassportData.TryCreateNumber(request.Passport!.PassportNumber).Value, cancellationToken);
            if (passport is null)
            {
                return Refuse(tenant.Value, channel, subject.Id, CertificateRefusals.PassportNotRegistered);
            }
        }

        var doses = await subjects.GetDosesAsync(tenant.Value, subject.Id, cancellationToken);
        var content = doses.Count == 0 ? null : ToContent(subject, doses, passport);
        if (content is null)
        {
            return Refuse(tenant.Value, channel, subject.Id, doses.Count == 0 ? CertificateRefusals.NoDoses : CertificateRefusals.VaccineUnmapped);
        }

        return await IssueAsync(tenant.Value, channel, kind, subject, passport, content, cancellationToken);
    }

    private async Task<Result<CertificateResponse>> IssueAsync(
        Tenant tenant, CertificateChannel channel, CertificateKind kind, VaccinationSubject subject, PassportData? passport,
        SmartHealthCardContent content, CancellationToken cancellationToken)
    {
        var issuedAt = clock.GetUtcNow();
        var id = CertificateId.New();
        var card = await smartHealthCards.IssueAsync(content, issuedAt, cancellationToken);
        if (!card.IsSuccess)
        {
            return Refuse(tenant, channel, subject.Id, card.Errors[0]);
        }

        var seal = kind == CertificateKind.Overseas
            ? await vdsNc.IssueAsync(id, passport!, subject.BirthDate, content, cancellationToken)
            : (System.Text.Json.JsonElement?)null;
        var issuedOn = PastDate.TodayInJapan(clock);
        await certificates.SaveAsync(tenant, new IssuedCertificate(subject.Id, id, issuedOn, kind, passport), cancellationToken);
        CertificateLog.Issued(logger, id.Value, kind, channel, subject.Id.Value, tenant.Code.Value);
        return new CertificateResponse(id.Value, issuedOn, kind.ToString(), card.Value, seal);
    }

    private async Task<Result<VaccinationSubject>> FindPersonAsync(Tenant tenant, CardData card, CancellationToken cancellationToken)
    {
        var id = await subjects.FindByMyNumberAsync(tenant, card.MyNumber, cancellationToken);
        var subject = id is { } found ? await subjects.GetAsync(tenant, found, cancellationToken) : null;
        if (subject is null)
        {
            return CertificateRefusals.NoRecord;
        }

        return subject.BirthDate == card.BirthDate ? subject : CertificateRefusals.RecordMismatch;
    }

    /// <summary>The protection flag comes first: a protected person is sent to the counter whatever else holds.</summary>
    private async Task<Error?> CheckRecordsAsync(Tenant tenant, VaccinationSubject subject, CancellationToken cancellationToken)
    {
        if (subject.Flags.AutoResponseDisabled)
        {
            return CertificateRefusals.CounterOnly;
        }

        if (subject.Flags.Suspended)
        {
            return CertificateRefusals.Suspended;
        }

        return await dataQuality.HasUnresolvedErrorsAsync(tenant, subject.Id, cancellationToken) ? CertificateRefusals.DataErrors : null;
    }

    private Result<CertificateResponse> Refuse(Tenant tenant, CertificateChannel channel, SubjectId? subjectId, Error error)
    {
        CertificateLog.Refused(logger, channel, tenant.Code.Value, subjectId?.Value ?? Unknown, error.Code);
        return error;
    }

    /// <summary>The channel comes from the caller's credential, not only from the body: a kiosk cannot apply as the app.</summary>
    private static bool IsCallersChannel(Caller caller, CertificateChannel channel) =>
        string.Equals(caller.Channel, channel.ToString(), StringComparison.OrdinalIgnoreCase);

    private static Result<(CertificateChannel Channel, CertificateKind Kind, PassportData? Passport)> ReadApplication(CertificateRequest request)
    {
        var errors = new List<Error>();
        var channel = Parse<CertificateChannel>(request.Channel, CertificateRefusals.ChannelInvalid, errors);
        var kind = Parse<CertificateKind>(request.Kind, CertificateRefusals.KindInvalid, errors);
        PassportData? passport = null;
        if (errors.Count == 0 && kind == CertificateKind.Overseas)
        {
            passport = ReadPassport(request.Passport, channel, errors);
        }
        else if (errors.Count == 0 && request.Passport is not null)
        {
            errors.Add(CertificateRefusals.PassportNotExpected);
        }

        return errors.Count > 0 ? Result<(CertificateChannel, CertificateKind, PassportData?)>.Failure(errors) : (channel, kind, passport);
    }

    /// <summary>
    /// The app sends the full passport data. A kiosk sends only the passport number: the data registered earlier with
    /// that number is used, so here it gives no passport yet.
    /// </summary>
    private static PassportData? ReadPassport(PassportRequest? request, CertificateChannel channel, List<Error> errors)
    {
        if (request is null)
        {
            errors.Add(CertificateRefusals.PassportRequired);
            return null;
        }

        if (channel == CertificateChannel.Kiosk)
        {
            errors.AddRange(PassportData.TryCreateNumber(request.PassportNumber).Errors);
            return null;
        }

        var passport = PassportData.TryCreate(request.Surname, request.GivenNames, request.PassportNumber, request.Nationality);
        errors.AddRange(passport.Errors);
        return passport.IsSuccess ? passport.Value : null;
    }

    private static T Parse<T>(string? value, Error error, List<Error> errors)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add(error);
        return default;
    }

    /// <summary>
    /// The card's content: the registered name (domestic) or the passport's romanized name (overseas, as travel needs it),
    /// the birth date and every dose in order with its product code; null when a product has no code.
    /// </summary>
    private static SmartHealthCardContent? ToContent(VaccinationSubject subject, IReadOnlyList<DoseRecord> doses, PassportData? passport)
    {
        var coded = new List<(DoseRecord, VaccineProductCode)>();
        foreach (var dose in doses.OrderBy(d => d.Number.Value))
        {
            if (VaccineCodes.Find(dose) is not { } code)
            {
                return null;
            }

            coded.Add((dose, code));
        }

        var (family, given) = passport is null ? SplitName(subject.Name) : (passport.Surname, passport.GivenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return new SmartHealthCardContent(family, given, subject.BirthDate, coded);
    }

    /// <summary>"Family Given" with an ASCII or ideographic space; a name without a space is all family name.</summary>
    private static (string Family, string[] Given) SplitName(string name)
    {
        var parts = name.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 0 ? (name, []) : (parts[0], parts[1..]);
    }
}
