using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// The Storage queues of the exchange: ExchangeQueueName and its "-poison" twin (the name the Functions runtime uses),
/// Base64-encoded and prefixed like every queue of the application (<see cref="StorageQueues"/>). They are created at
/// start-up through a <see cref="QueueDeclaration"/>.
/// </summary>
public sealed class StorageQueueExchangeQueues(StorageQueues queues, IOptions<ExchangeTransportOptions> options)
{
    /// <summary>False when another transport is configured; then nothing is consumed here.</summary>
    public bool Enabled { get; } = options.Value.Transport == ExchangeTransportOptions.StorageQueues;

    public QueueClient Messages { get; } = queues.Get(options.Value.QueueName);

    public QueueClient Poison { get; } = queues.Poison(options.Value.QueueName);
}
