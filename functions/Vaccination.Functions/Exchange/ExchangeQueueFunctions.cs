using Microsoft.Azure.Functions.Worker;
using Vaccination.Application.Exchange;
using Vaccination.Infrastructure.Exchange;

namespace Vaccination.Functions.Exchange;

/// <summary>
/// Exchange messages on Storage queues (the local transport) and the cleanup timer. The queue function hands each
/// message to the shared handler, which poisons with a reason on the last allowed try (host.json maxDequeueCount 5),
/// so the runtime never moves a message without one. With the Service Bus transport, the processor hosted service
/// consumes instead and this queue stays empty.
/// </summary>
public sealed class ExchangeQueueFunctions(StorageQueueExchangeHandler handler, InquiryCleanup cleanup)
{
    /// <summary>Every 15 minutes, as the self-host's InquiryCleanupService.</summary>
    public const string CleanupSchedule = "0 */15 * * * *";

    [Function(nameof(DeliverExchangeMessage))]
    public Task DeliverExchangeMessage(
        [QueueTrigger("%ExchangeQueueName%")] string message, long dequeueCount, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, dequeueCount, cancellationToken);

    [Function(nameof(CleanUpInquiries))]
    public Task CleanUpInquiries([TimerTrigger(CleanupSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        cleanup.SweepAllAsync(cancellationToken);
}
