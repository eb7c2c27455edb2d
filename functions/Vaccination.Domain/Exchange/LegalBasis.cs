namespace Vaccination.Domain.Exchange;

/// <summary>
/// A legal basis under which one municipality may ask another for a person's vaccination records (S19): a stable code,
/// the citation staff recognise, and whether the person's written consent must be referenced (S8).
/// </summary>
public sealed record LegalBasis(string Code, string Citation, bool RequiresConsent)
{
    public override string ToString() => Code;
}
