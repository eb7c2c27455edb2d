using Vaccination.Domain.Exchange;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Exchange;

/// <summary>
/// Encrypts a message payload so that only the recipient municipality can read it, bound to the message's header.
/// </summary>
public interface IExchangePayloadCipher
{
    /// <summary>Returns the message with <see cref="ExchangeMessage.Payload"/> and <see cref="ExchangeMessage.RecipientKeyId"/> set.</summary>
    Task<ExchangeMessage> SealAsync(ExchangeMessage header, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken = default);

    /// <summary>The plaintext, or null when the payload was altered, moved to another header or sealed to another key.</summary>
    Task<byte[]?> OpenAsync(Tenant recipient, ExchangeMessage message, CancellationToken cancellationToken = default);
}
