using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vaccination.Application.Ingestion;

namespace Vaccination.Infrastructure.Ingestion;

/// <summary>
/// Queued events' work handed to the accepting process's own workers instead of a Storage queue: no queue call on the
/// request path. It holds ids only and nothing durable: the event itself is already stored with its outbox marker, so
/// work lost here (a stop, a crash, a full backlog) is sent again by <see cref="QueuedEventRedrive"/>. Work for an
/// event that is already waiting here is not added twice.
/// </summary>
public sealed partial class InProcessQueuedEvents(TimeProvider clock, ILogger<InProcessQueuedEvents> logger) : IQueuedEventSender
{
    /// <summary>The most work items waiting at once; beyond it new work is left to the sweep.</summary>
    public const int Capacity = 100_000;

    private readonly Channel<QueuedEventWork> _channel = Channel.CreateBounded<QueuedEventWork>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    private readonly ConcurrentDictionary<(string Tenant, string EventId), byte> _waiting = new();

    public Task EnqueueAsync(QueuedEventWork work, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_waiting.TryAdd(KeyOf(work), 0))
        {
            return Task.CompletedTask;
        }

        if (delay <= TimeSpan.Zero)
        {
            Write(work);
        }
        else
        {
            _ = WriteLaterAsync(work, delay);
        }

        return Task.CompletedTask;
    }

    /// <summary>The next work item, waiting until there is one.</summary>
    public async ValueTask<QueuedEventWork> TakeAsync(CancellationToken cancellationToken)
    {
        var work = await _channel.Reader.ReadAsync(cancellationToken);
        _waiting.TryRemove(KeyOf(work), out _);
        return work;
    }

    private async Task WriteLaterAsync(QueuedEventWork work, TimeSpan delay)
    {
        await Task.Delay(delay, clock);
        Write(work);
    }

    private void Write(QueuedEventWork work)
    {
        if (!_channel.Writer.TryWrite(work))
        {
            _waiting.TryRemove(KeyOf(work), out _);
            LogBacklogFull(logger, work.MunicipalityCode, work.EventId, Capacity);
        }
    }

    private static (string, string) KeyOf(QueuedEventWork work) => (work.MunicipalityCode, work.EventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "In-process backlog full ({Capacity} events): queued VRS event {EventId} of tenant {Tenant} is left to the re-drive sweep")]
    private static partial void LogBacklogFull(ILogger logger, string tenant, string eventId, int capacity);
}
