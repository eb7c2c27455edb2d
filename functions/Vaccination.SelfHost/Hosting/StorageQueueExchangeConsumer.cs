using Azure;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using Vaccination.Infrastructure.Exchange;

namespace Vaccination.SelfHost.Hosting;

/// <summary>
/// The self-host's consumer of the exchange Storage queue (what the queue-triggered function does in Azure Functions):
/// receives Base64 messages in batches, hands each to <see cref="StorageQueueExchangeHandler"/> (which poisons with a
/// reason), deletes it when handled, and otherwise lets it reappear after a growing back-off. Idle, it waits for the
/// poll delay or for a local send, whichever comes first.
/// </summary>
internal sealed partial class StorageQueueExchangeConsumer(
    StorageQueueExchangeQueues queues,
    StorageQueueExchangeHandler handler,
    ExchangeConsumerSignal signal,
    IOptions<ExchangeTransportOptions> options,
    ILogger<StorageQueueExchangeConsumer> logger) : BackgroundService
{
    private const int BatchSize = 32;
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!queues.Enabled)
        {
            return;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConsumerParallelism, CancellationToken = stoppingToken };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                QueueMessage[] messages = await queues.Messages.ReceiveMessagesAsync(BatchSize, VisibilityTimeout, stoppingToken);
                if (messages.Length == 0)
                {
                    await signal.WaitAsync(options.Value.IdlePollDelay, stoppingToken);
                    continue;
                }

                await Parallel.ForEachAsync(messages, parallel, (message, ct) => new ValueTask(ProcessAsync(message, ct)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // As in StorageQueuePump: no failure ends the consumer, since that would stop the whole self-host.
                LogQueueUnavailable(logger, FailureReason.Of(e));
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(message.Body.ToString(), message.DequeueCount, cancellationToken);
            await queues.Messages.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogHandlerFailed(logger, message.MessageId, message.DequeueCount, FailureReason.Of(e));
            var backOff = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, message.DequeueCount)));
            try
            {
                await queues.Messages.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: backOff, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException)
            {
                // The message reappears after its visibility timeout anyway.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exchange queue message {MessageId} failed on try {DequeueCount} ({Reason})")]
    private static partial void LogHandlerFailed(ILogger logger, string messageId, long dequeueCount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exchange queue unavailable ({Reason}); retrying")]
    private static partial void LogQueueUnavailable(ILogger logger, string reason);
}
