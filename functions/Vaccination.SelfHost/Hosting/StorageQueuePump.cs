using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.SelfHost.Hosting;

/// <summary>
/// What the Functions queue trigger does, for the self-host: receive Base64 messages, run the handler, delete on
/// success, leave a failed message to reappear, and after five tries move it to the "-poison" queue.
/// </summary>
internal abstract partial class StorageQueuePump(StorageQueues queues, string queueName, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(30);

    protected abstract Task HandleAsync(string message, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.Get(queueName);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(16, VisibilityTimeout, stoppingToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(IdleDelay, stoppingToken);
                    continue;
                }

                // Every message of the batch at once, as the Functions queue trigger does (batchSize 16); the default
                // degree of parallelism would be the processor count, two handlers at a time on a small machine.
                await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = messages.Length, CancellationToken = stoppingToken },
                    (message, ct) => new ValueTask(ProcessAsync(queue, message, ct)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage down, a timeout inside the SDK (a TaskCanceledException), a failed delete: never the end of
                // the pump, since an exception leaving a hosted service stops the whole self-host.
                LogQueueUnavailable(logger, queueName, FailureReason.Of(e));
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await HandleAsync(message.MessageText, cancellationToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogHandlerFailed(logger, queueName, message.MessageId, message.DequeueCount, FailureReason.Of(e));
            if (message.DequeueCount >= StorageQueues.MaxDequeueCount)
            {
                await queues.Poison(queueName).SendMessageAsync(message.MessageText, cancellationToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: message {MessageId} failed on try {DequeueCount} ({Reason})")]
    private static partial void LogHandlerFailed(ILogger logger, string queue, string messageId, long dequeueCount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} unavailable ({Reason}); retrying")]
    private static partial void LogQueueUnavailable(ILogger logger, string queue, string reason);
}
