namespace Vaccination.Infrastructure.Exchange;

/// <summary>
/// Which transport carries exchange messages and how it is consumed. Read from "Exchange__Transport",
/// "ExchangeQueueName" (shared with the queue trigger's %ExchangeQueueName%), "ServiceBusConnection__fullyQualifiedNamespace",
/// "Exchange__IdlePollDelay" and "Exchange__ConsumerParallelism".
/// </summary>
public sealed class ExchangeTransportOptions
{
    public const string StorageQueues = nameof(StorageQueues);
    public const string ServiceBus = nameof(ServiceBus);

    public string Transport { get; set; } = StorageQueues;

    /// <summary>The Storage queue (before the table/queue name prefix) or the Service Bus queue.</summary>
    public string QueueName { get; set; } = "exchange";

    public string? ServiceBusNamespace { get; set; }

    /// <summary>How long an idle Storage Queue consumer waits before polling again (a local send wakes it at once).</summary>
    public TimeSpan IdlePollDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many messages one instance handles at once.</summary>
    public int ConsumerParallelism { get; set; } = 16;
}
