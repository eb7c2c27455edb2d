using Vaccination.Domain.Results;

namespace Vaccination.Application.Certificates;

/// <summary>
/// The refusals of a certificate application, each with its stable code. Refusals about the person's records answer
/// 403 with "contact-support": the person is sent to the municipal counter, which also covers protected persons
/// without saying why.
/// </summary>
public static class CertificateRefusals
{
    public static readonly Error KioskNotOffered = new(
        "certificate.kiosk_not_offered", "This municipality does not issue certificates at convenience-store kiosks.", ErrorKind.Forbidden);

    public static readonly Error ChannelNotTheCallers = new(
        "certificate.channel_mismatch", "The credential is not for this channel: an app applies as the app, a kiosk as a kiosk.", ErrorKind.Forbidden);

    public static readonly Error NoRecord = Error.NotFound(
        "certificate.no_record", "No vaccination record of this municipality matches the card.");

    public static readonly Error RecordMismatch = new(
        "certificate.record_mismatch", "The card's birth date differs from the vaccination record; the municipal counter can help.", ErrorKind.Forbidden);

    public static readonly Error CounterOnly = new(
        "certificate.counter_only", "Certificates for this person are issued only at the municipal counter.", ErrorKind.Forbidden);

    public static readonly Error Suspended = new(
        "certificate.suspended", "Use of this person's records is suspended at their request; the municipal counter can lift it.", ErrorKind.Forbidden);

    public static readonly Error DataErrors = new(
        "certificate.data_errors", "The vaccination records have unresolved errors that the municipality must correct first.", ErrorKind.Forbidden);

    public static readonly Error NoDoses = new(
        "certificate.no_doses", "There is no recorded dose to certify.", ErrorKind.Forbidden);

    public static readonly Error VaccineUnmapped = new(
        "certificate.vaccine_unmapped", "A recorded vaccine has no certificate code yet; the municipal counter can help.", ErrorKind.Forbidden);

    public static readonly Error PassportNotRegistered = new(
        "certificate.passport_not_registered",
        "An overseas certificate at a kiosk needs passport data registered earlier through the app or the counter, with the same passport number.",
        ErrorKind.Forbidden);

    public static Error ChannelInvalid { get; } = Error.Validation("certificate.channel_invalid", "channel is \"app\" or \"kiosk\".", "channel");

    public static Error KindInvalid { get; } = Error.Validation("certificate.kind_invalid", "kind is \"domestic\" or \"overseas\".", "kind");

    public static Error PassportRequired { get; } = Error.Validation(
        "certificate.passport_required", "An overseas certificate needs the passport data (a kiosk sends the passport number).", "passport");

    public static Error PassportNotExpected { get; } = Error.Validation(
        "certificate.passport_not_expected", "A domestic certificate carries no passport data; leave passport out.", "passport");
}
