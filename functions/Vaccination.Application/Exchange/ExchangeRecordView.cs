namespace Vaccination.Application.Exchange;

/// <summary>One provision-record entry as the owning municipality's staff review it (S12).</summary>
public sealed record ExchangeRecordView(
    string InquiryId,
    string Direction,
    string Counterparty,
    string Event,
    string LegalBasis,
    DateTimeOffset At,
    string Actor,
    string? SubjectId,
    string? Items,
    string? Detail);
