using Vaccination.Domain.Exchange;

namespace Vaccination.Application.Exchange;

/// <summary>
/// The one seam to the message transport between municipalities: Azure Service Bus in production, Azure Storage
/// Queues locally. A send returns once the transport holds the message durably. Consumers are transport specific and
/// hand every received body to <see cref="ExchangeDelivery"/>.
/// </summary>
public interface IExchangeTransport
{
    /// <summary>A short name for logs and health, e.g. "StorageQueues" or "ServiceBus".</summary>
    string Name { get; }

    Task SendAsync(ExchangeMessage message, CancellationToken cancellationToken = default);
}
