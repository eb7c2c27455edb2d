using System.Security.Cryptography;
using System.Text;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Tenants;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Seals payloads to the recipient municipality's exchange public key and opens them with its private key, with the
/// message header (ids, codes, type, legal basis, key id) as associated data. The recipient must be a tenant served
/// here: its public key comes from its key row (public material; reading it reveals nothing).
/// </summary>
public sealed class ExchangePayloadCipher(TenantRegistry registry, ExchangeKeyRing keys) : IExchangePayloadCipher
{
    public async Task<ExchangeMessage> SealAsync(ExchangeMessage header, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        var recipient = registry.Find(header.Recipient)
            ?? throw new InvalidOperationException($"Municipality {header.Recipient} is not served by this exchange.");
        var (keyId, publicKey) = await keys.GetPublicKeyAsync(recipient, cancellationToken);
        var withKey = header with { RecipientKeyId = keyId, Payload = null };
        return withKey with { Payload = EcdhPayloadSeal.Seal(publicKey, plaintext.Span, AssociatedData(withKey)) };
    }

    public async Task<byte[]?> OpenAsync(Tenant recipient, ExchangeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Payload is null || message.RecipientKeyId is null)
        {
            return null;
        }

        using var key = await keys.GetPrivateKeyAsync(recipient, message.RecipientKeyId, cancellationToken);
        if (key is null)
        {
            return null;
        }

        try
        {
            return EcdhPayloadSeal.Open(key, message.Payload, AssociatedData(message));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The header fields a payload is bound to; a payload copied under another header fails to open.</summary>
    internal static byte[] AssociatedData(ExchangeMessage m) => Encoding.UTF8.GetBytes(
        $"{EcdhPayloadSeal.Format}|{m.MessageId}|{m.InquiryId}|{m.Sender.Value}|{m.Recipient.Value}|{m.Type}|{m.LegalBasis}|{m.RecipientKeyId}");
}
