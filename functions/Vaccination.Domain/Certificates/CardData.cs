using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;

namespace Vaccination.Domain.Certificates;

/// <summary>
/// The text-input-assist data of a My Number card (券面事項入力補助AP) after its issuer's signature was verified:
/// the only source of the applicant's My Number (S13). Personal: used in memory for one request, never stored,
/// logged or rendered by <see cref="ToString"/>.
/// </summary>
public sealed record CardData(string Name, string Address, DateOnly BirthDate, Sex Sex, MyNumber MyNumber)
{
    public override string ToString() => "CardData(****)";
}
