using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Exchange;

/// <summary>Builds, seals and sends the exchange's messages; the only producer on <see cref="IExchangeTransport"/>.</summary>
public sealed class ExchangeMessenger(IExchangeTransport transport, IExchangePayloadCipher cipher, TimeProvider clock)
{
    public async Task SendInquiryAsync(MunicipalityCode sender, StoredInquiry inquiry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inquiry);
        var header = new ExchangeMessage(inquiry.MessageId, inquiry.Id.Value, sender, inquiry.FormerMunicipality, ExchangeMessageType.Inquiry,
            inquiry.LegalBasis, clock.GetUtcNow(), RecipientKeyId: null, Payload: null);
        var payload = ExchangeMessageCodec.ToPayloadBytes(new InquiryPayload(inquiry.MyNumber.RevealDigits(), inquiry.ConsentReference, inquiry.RequestedBy));
        try
        {
            await transport.SendAsync(await cipher.SealAsync(header, payload, cancellationToken), cancellationToken);
        }
        finally
        {
            Array.Clear(payload);
        }
    }

    public async Task SendResponseAsync(MunicipalityCode sender, StoredProvision provision, ResponsePayload response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provision);
        var header = new ExchangeMessage(provision.ResponseMessageId, provision.InquiryId.Value, sender, provision.Inquirer, ExchangeMessageType.Response,
            provision.LegalBasis, clock.GetUtcNow(), RecipientKeyId: null, Payload: null);
        await transport.SendAsync(await cipher.SealAsync(header, ExchangeMessageCodec.ToPayloadBytes(response), cancellationToken), cancellationToken);
    }

    /// <summary>Tells the sender of a message that it could not be processed; ids, codes and a reason only.</summary>
    public Task SendFailureAsync(ExchangeMessage failed, string reason, string retryHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var notice = new ExchangeMessage(DerivedMessageId(failed.MessageId), failed.InquiryId, failed.Recipient, failed.Sender,
            ExchangeMessageType.DeliveryFailure, failed.LegalBasis, clock.GetUtcNow(), RecipientKeyId: null, Payload: null)
        {
            FailureReason = reason,
            RetryHint = retryHint,
        };
        return transport.SendAsync(notice, cancellationToken);
    }

    /// <summary>A message id derived from another, so a repeated failure notice is a duplicate the transport can drop.</summary>
    private static string DerivedMessageId(string messageId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes("failure|" + messageId));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
