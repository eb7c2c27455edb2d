using System.Security.Cryptography;
using Vaccination.Domain.Results;

namespace Vaccination.Domain.Certificates;

/// <summary>
/// A certificate id (D14): "JP" and 10 random Crockford base32 characters (50 bits), 12 characters in all, which is
/// also the maximum length of an ICAO VDS-NC "uvci". Safe to log.
/// </summary>
public readonly record struct CertificateId
{
    public const int Length = 12;
    public const string Prefix = "JP";
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);

    private CertificateId(string value) => Value = value;

    public string Value { get; }

    public static CertificateId New()
    {
        Span<char> chars = stackalloc char[Length];
        Prefix.AsSpan().CopyTo(chars);
        for (var i = Prefix.Length; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new CertificateId(new string(chars));
    }

    public static Result<CertificateId> TryCreate(string? value, string field = "certificateId") =>
        value is { Length: Length } && value.StartsWith(Prefix, StringComparison.Ordinal) && !value.AsSpan(Prefix.Length).ContainsAnyExcept(AlphabetValues)
            ? new CertificateId(value)
            : Error.Validation("certificate_id.format", "A certificate id is \"JP\" and 10 base32 characters.", field);

    public override string ToString() => Value ?? string.Empty;
}
