using Azure.Messaging.ServiceBus;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Exchange;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Azure Service Bus adapter (production). One queue (ExchangeQueueName) with duplicate detection on: MessageId is the
/// envelope's message id, so a re-sent message inside the detection window is dropped by the broker. Routing to the
/// recipient municipality: <see cref="ServiceBusMessage.To"/> and the application property "recipient" carry its code
/// (a topic subscription can filter on it when municipalities are split over deployments); CorrelationId is the inquiry
/// id and Subject the message type. The body is the same JSON envelope as on Storage queues, payload encrypted.
/// </summary>
public sealed class ServiceBusExchangeTransport(ServiceBusSender sender) : IExchangeTransport
{
    public const string RecipientProperty = "recipient";
    public const string SenderProperty = "sender";

    public string Name => ExchangeTransportOptions.ServiceBus;

    public Task SendAsync(ExchangeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var busMessage = new ServiceBusMessage(BinaryData.FromString(ExchangeMessageCodec.Serialize(message)))
        {
            MessageId = message.MessageId,
            CorrelationId = message.InquiryId,
            Subject = message.Type.ToString(),
            To = message.Recipient.Value,
            ContentType = "application/json",
            ApplicationProperties =
            {
                [RecipientProperty] = message.Recipient.Value,
                [SenderProperty] = message.Sender.Value,
            },
        };
        return sender.SendMessageAsync(busMessage, cancellationToken);
    }
}
