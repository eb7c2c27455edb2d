using Vaccination.Domain.Identifiers;

namespace Vaccination.Domain.Exchange;

/// <summary>
/// One entry of a municipality's provision record (情報提供等記録, S12): which inquiry, with whom, in which direction,
/// what happened, when, under which legal basis, by whom, about which of its own subjects, and which items left.
/// Append-only; never holds a My Number or a blind-index value.
/// </summary>
public sealed record ExchangeRecord(
    InquiryId InquiryId,
    MunicipalityCode Counterparty,
    ExchangeDirection Direction,
    string Event,
    string LegalBasis,
    DateTimeOffset At,
    string Actor,
    SubjectId? SubjectId,
    string? Items,
    string? Detail)
{
    /// <summary>The actor recorded for automatic processing.</summary>
    public const string SystemActor = "system";
}
