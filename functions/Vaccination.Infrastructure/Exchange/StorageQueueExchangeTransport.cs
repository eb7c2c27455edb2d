using Vaccination.Application.Exchange;
using Vaccination.Domain.Exchange;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Azure Storage Queues adapter (the local default on Azurite): one queue for all recipients served by this deployment,
/// the recipient named in the envelope; the client Base64-encodes the JSON envelope. Storage queues have no duplicate
/// detection: handlers are idempotent on the message id instead.
/// </summary>
public sealed class StorageQueueExchangeTransport(StorageQueueExchangeQueues queues, ExchangeConsumerSignal signal) : IExchangeTransport
{
    public string Name => ExchangeTransportOptions.StorageQueues;

    public async Task SendAsync(ExchangeMessage message, CancellationToken cancellationToken = default)
    {
        await queues.Messages.SendMessageAsync(ExchangeMessageCodec.Serialize(message), cancellationToken);
        signal.Notify();
    }
}
