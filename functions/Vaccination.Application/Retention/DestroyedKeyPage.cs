namespace Vaccination.Application.Retention;

/// <summary>
/// One signed page of a certificate's destroyed key ids (at most <see cref="Size"/>), so that an erasure of any
/// size yields a certificate that fits the store; together the pages hash to the summary's DestroyedKeyIdsSha256.
/// </summary>
public sealed record DestroyedKeyPage(string CertificateId, int Page, IReadOnlyList<string> KeyIds)
{
    public const int Size = 500;
}
