using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace Vaccination.Infrastructure.Storage;

/// <summary>
/// Writes single-entity actions that callers submit concurrently to one partition in shared entity-group
/// transactions (group commit): whoever finds the partition's gate free writes everything queued for it meanwhile,
/// up to <see cref="TableBatch.MaxSize"/> actions per transaction, and each caller returns once its own action is
/// stored. If a shared transaction fails, its actions are written one by one, so one caller's failure (say, deleting
/// a row that is gone) is reported to that caller alone.
/// </summary>
public sealed class TableGroupWriter(TableClient table)
{
    private readonly ConcurrentDictionary<string, PartitionQueue> _partitions = new();

    public async Task SubmitAsync(TableTransactionAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var partition = _partitions.GetOrAdd(action.Entity.PartitionKey, _ => new PartitionQueue());
        var pending = new Pending(action);
        partition.Queue.Enqueue(pending);
        await partition.Gate.WaitAsync(cancellationToken);
        try
        {
            while (!pending.Stored.Task.IsCompleted)
            {
                await WriteQueuedAsync(partition);
            }
        }
        finally
        {
            partition.Gate.Release();
        }

        await pending.Stored.Task;
    }

    /// <summary>One transaction of the queued actions (a row appears at most once in a transaction, so a second action on it waits for the next).</summary>
    private async Task WriteQueuedAsync(PartitionQueue partition)
    {
        var batch = new List<Pending>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        while (batch.Count < TableBatch.MaxSize && partition.Queue.TryPeek(out var next) && rows.Add(next.Action.Entity.RowKey))
        {
            partition.Queue.TryDequeue(out _);
            batch.Add(next);
        }

        if (batch.Count == 1)
        {
            await WriteAloneAsync(batch[0]);
            return;
        }

        try
        {
            await table.SubmitTransactionAsync(batch.Select(p => p.Action), CancellationToken.None);
            batch.ForEach(p => p.Stored.TrySetResult());
        }
        catch (Exception)
        {
            foreach (var pending in batch)
            {
                await WriteAloneAsync(pending);
            }
        }
    }

    /// <summary>One action as a plain single-entity request (cheaper than a transaction of one).</summary>
    private async Task WriteAloneAsync(Pending pending)
    {
        var (type, entity, etag) = (pending.Action.ActionType, pending.Action.Entity, pending.Action.ETag);
        try
        {
            _ = type switch
            {
                TableTransactionActionType.Add => await table.AddEntityAsync(entity, CancellationToken.None),
                TableTransactionActionType.UpsertMerge => await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, CancellationToken.None),
                TableTransactionActionType.UpsertReplace => await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, CancellationToken.None),
                TableTransactionActionType.UpdateMerge => await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Merge, CancellationToken.None),
                TableTransactionActionType.UpdateReplace => await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, CancellationToken.None),
                _ => await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, etag, CancellationToken.None),
            };
            pending.Stored.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Stored.TrySetException(e);
        }
    }

    private sealed record Pending(TableTransactionAction Action)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class PartitionQueue
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ConcurrentQueue<Pending> Queue { get; } = new();
    }
}
