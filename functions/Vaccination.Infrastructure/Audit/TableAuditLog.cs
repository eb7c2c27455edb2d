using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Vaccination.Application.Audit;
using Vaccination.Domain.Audit;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.Infrastructure.Audit;

/// <summary>
/// The audit trail on Azure Tables: one hash chain per tenant, entries partitioned by tenant and day (Japan time) so
/// partitions stay bounded and time-range queries read only their days. An append writes its entries and the day's
/// head row in one entity-group transaction, conditional on the head's ETag, so two writers can never both extend
/// the chain from the same entry. Appends of one instance are group-committed (up to 99 entries per transaction)
/// so that concurrent requests share a round trip instead of queueing for one each.
/// </summary>
public sealed partial class TableAuditLog(StorageTables tables, TenantKeyRing tenantKeys, TimeProvider clock, ILogger<TableAuditLog> logger) : IAuditLog
{
    private const int EntriesPerTransaction = TableBatch.MaxSize - 1;
    private const int MaxEntriesPerTurn = EntriesPerTransaction * 10;
    private const int MaxAttempts = 8;
    private readonly ConcurrentDictionary<MunicipalityCode, TenantChain> _chains = new();

    private TableClient Table => tables.Get(TableNames.AuditEntries);

    public async Task AppendAsync(Tenant tenant, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var chain = _chains.GetOrAdd(tenant.Code, _ => new TenantChain());
        var pending = new PendingAppend(events);
        chain.Queue.Enqueue(pending);
        await chain.Gate.WaitAsync(CancellationToken.None);
        try
        {
            // Whoever holds the gate writes everything queued so far, so waiting appends share its transactions.
            while (!pending.Completion.Task.IsCompleted)
            {
                await CommitQueuedAsync(tenant, chain);
            }
        }
        finally
        {
            chain.Gate.Release();
        }

        await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<AuditEntry> QueryAsync(Tenant tenant, AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(query);
        var filter = TableClient.CreateQueryFilter(
            $"At ge {AuditChainHasher.FormatTime(query.From)} and At lt {AuditChainHasher.FormatTime(query.To)}");
        if (query.Subject is { } subject)
        {
            filter += " and " + TableClient.CreateQueryFilter($"SubjectId eq {subject.Value}");
        }

        if (query.Actor is { } actor)
        {
            filter += " and " + TableClient.CreateQueryFilter($"ActorId eq {actor}");
        }

        // An entry lands in the chain's open day, which can trail or lead its own time by a little around midnight.
        var returned = 0;
        for (var day = AuditDays.Of(query.From).AddDays(-1); day <= AuditDays.Of(query.To).AddDays(1); day = day.AddDays(1))
        {
            var partition = PartitionKeys.ForAuditDay(tenant, AuditDays.Format(day));
            var dayFilter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + " and " + filter;
            await foreach (var row in Table.QueryAsync<TableEntity>(dayFilter, cancellationToken: cancellationToken))
            {
                if (!AuditEntities.TryParseEntryRow(row.RowKey, out _))
                {
                    continue;
                }

                yield return AuditEntities.ToEntry(row);
                if (++returned == query.Limit)
                {
                    yield break;
                }
            }
        }
    }

    public async Task<AuditVerification> VerifyAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var code = tenant.Code.Value;
        var pointer = await Table.GetEntityIfExistsAsync<TableEntity>(PartitionKeys.ForAuditChain(tenant), AuditEntities.PointerRow, cancellationToken: cancellationToken);
        if (!pointer.HasValue)
        {
            return new AuditVerification(true, 0, 0, null, null);
        }

        var key = await KeyAsync(tenant, cancellationToken);
        var running = AuditChainHasher.Genesis(key, code);
        var expected = 1L;
        DateOnly? day = AuditDays.Parse(pointer.Value!.GetString("FirstDay"));
        while (day is { } current)
        {
            var dayText = AuditDays.Format(current);
            var partition = PartitionKeys.ForAuditDay(tenant, dayText);
            var head = await Table.GetEntityIfExistsAsync<TableEntity>(partition, AuditEntities.HeadRow, cancellationToken: cancellationToken);
            if (!head.HasValue)
            {
                return Broken(expected, new AuditFault(dayText, expected, AuditFault.DayMissing));
            }

            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {AuditEntities.EntryPrefix} and RowKey lt {"f"}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                var fault = Check(key, code, dayText, row, expected, running);
                if (fault is not null)
                {
                    return Broken(expected, fault);
                }

                running = row.GetString("Hash");
                expected++;
            }

            var headRow = head.Value!;
            if (!headRow.TryGetValue("Sequence", out var headSequence) || headSequence is not long last || last != expected - 1
                || headRow.GetString("Hash") != running)
            {
                // The head names more entries than the day holds: the newest ones were deleted.
                return Broken(expected, new AuditFault(dayText, expected, AuditFault.HeadMismatch));
            }

            day = headRow.GetBoolean("Closed") == true && headRow.GetString("NextDay") is { } next ? AuditDays.Parse(next) : null;
        }

        return new AuditVerification(true, expected - 1, expected - 1, running, null);

        static AuditVerification Broken(long expected, AuditFault fault) => new(false, expected - 1, 0, null, fault);
    }

    private static AuditFault? Check(byte[] key, string tenant, string day, TableEntity row, long expected, string previousHash)
    {
        if (!AuditEntities.TryParseEntryRow(row.RowKey, out var sequence) || sequence < expected)
        {
            return new AuditFault(day, expected, AuditFault.UnexpectedEntry);
        }

        if (sequence > expected)
        {
            return new AuditFault(day, expected, AuditFault.EntryMissing);
        }

        if (!row.TryGetValue("Sequence", out var stored) || stored is not long storedSequence || storedSequence != sequence)
        {
            return new AuditFault(day, sequence, AuditFault.SequenceAltered);
        }

        if (row.GetString("PreviousHash") != previousHash)
        {
            return new AuditFault(day, sequence, AuditFault.PreviousHashMismatch);
        }

        var hash = AuditChainHasher.Hash(key, tenant, sequence, AuditEntities.HashedFields(row), previousHash);
        return hash == row.GetString("Hash") ? null : new AuditFault(day, sequence, AuditFault.EntryAltered);
    }

    private async Task CommitQueuedAsync(Tenant tenant, TenantChain chain)
    {
        var turn = new List<PendingAppend>();
        var count = 0;
        while (count < MaxEntriesPerTurn && chain.Queue.TryPeek(out var next) && (count == 0 || count + next.Events.Count <= MaxEntriesPerTurn))
        {
            chain.Queue.TryDequeue(out _);
            turn.Add(next);
            count += next.Events.Count;
        }

        try
        {
            // Committed without the caller's token: other requests' entries ride in this turn.
            var events = turn.SelectMany(p => p.Events).ToList();
            foreach (var slice in events.Chunk(EntriesPerTransaction))
            {
                await CommitAsync(tenant, chain, slice, CancellationToken.None);
            }

            turn.ForEach(p => p.Completion.TrySetResult());
        }
#pragma warning disable CA1031 // Every failure must reach the appends of this turn, which wait on their completions.
        catch (Exception e)
#pragma warning restore CA1031
        {
            turn.ForEach(p => p.Completion.TrySetException(e));
        }
    }

    private async Task CommitAsync(Tenant tenant, TenantChain chain, AuditEvent[] events, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(tenant, cancellationToken);
        var code = tenant.Code.Value;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var head = chain.Head ?? await LoadHeadAsync(tenant, chain, cancellationToken);
            var today = AuditDays.Of(clock.GetUtcNow());
            if (head.Day < today)
            {
                head = await RollOverAsync(tenant, head, today, cancellationToken);
                if (head is null)
                {
                    chain.Head = null;
                    continue;
                }
            }

            var partition = PartitionKeys.ForAuditDay(tenant, AuditDays.Format(head.Day));
            var actions = new List<TableTransactionAction>(events.Length + 1);
            var (sequence, hash) = (head.Sequence, head.Hash);
            foreach (var e in events)
            {
                var next = AuditChainHasher.Hash(key, code, sequence + 1, AuditEntities.HashedFields(e), hash);
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, AuditEntities.ToEntity(partition, sequence + 1, e, hash, next)));
                (sequence, hash) = (sequence + 1, next);
            }

            actions.Add(new TableTransactionAction(
                TableTransactionActionType.UpdateReplace,
                AuditEntities.HeadEntity(partition, head.Day, sequence, hash, closed: false, nextDay: null, previousDay: null),
                head.ETag));
            try
            {
                var response = await Table.SubmitTransactionAsync(actions, cancellationToken);
                var etag = AuditEntities.EtagOf(response.Value[^1]);
                chain.Head = etag == default ? null : head with { Sequence = sequence, Hash = hash, ETag = etag };
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another instance extended the chain first: reload its head and chain these entries after it.
                chain.Head = null;
            }
        }

        throw new InvalidOperationException($"The audit chain of tenant {code} stayed contended after {MaxAttempts} attempts.");
    }

    /// <summary>
    /// The open head of the tenant's chain: follows the pointer's latest day through closed days to the open one,
    /// creating the chain (pointer first, so its first day is decided once) or a missing next head as needed.
    /// </summary>
    private async Task<AuditChainHead> LoadHeadAsync(Tenant tenant, TenantChain chain, CancellationToken cancellationToken)
    {
        var pointer = await LoadOrCreatePointerAsync(tenant, cancellationToken);
        var firstDay = AuditDays.Parse(pointer.GetString("FirstDay"));
        var day = AuditDays.Parse(pointer.GetString("LatestDay"));
        DateOnly? previous = null;
        AuditChainHead? previousHead = null;
        while (true)
        {
            var partition = PartitionKeys.ForAuditDay(tenant, AuditDays.Format(day));
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(partition, AuditEntities.HeadRow, cancellationToken: cancellationToken);
            AuditChainHead head;
            if (row.HasValue)
            {
                head = AuditEntities.ToHead(day, row.Value!);
            }
            else if (day == firstDay || previousHead is not null)
            {
                var sequence = previousHead?.Sequence ?? 0;
                var hash = previousHead?.Hash ?? AuditChainHasher.Genesis(await KeyAsync(tenant, cancellationToken), tenant.Code.Value);
                head = await AddHeadAsync(tenant, day, sequence, hash, previous, cancellationToken);
            }
            else
            {
                throw new InvalidOperationException($"The audit chain of tenant {tenant.Code.Value} has no head for its latest day; run the verification.");
            }

            if (!head.Closed || head.NextDay is not { } next)
            {
                if (chain.LastSeenSequence > head.Sequence)
                {
                    LogHeadMovedBack(logger, tenant.Code.Value, chain.LastSeenSequence, head.Sequence);
                }

                chain.LastSeenSequence = Math.Max(chain.LastSeenSequence, head.Sequence);
                return head;
            }

            (previous, previousHead, day) = (day, head, next);
        }
    }

    private async Task<TableEntity> LoadOrCreatePointerAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var partition = PartitionKeys.ForAuditChain(tenant);
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, AuditEntities.PointerRow, cancellationToken: cancellationToken);
        if (existing.HasValue)
        {
            return existing.Value!;
        }

        var today = AuditDays.Format(AuditDays.Of(clock.GetUtcNow()));
        var pointer = new TableEntity(partition, AuditEntities.PointerRow) { ["FirstDay"] = today, ["LatestDay"] = today };
        try
        {
            await Table.AddEntityAsync(pointer, cancellationToken);
            return pointer;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await Table.GetEntityAsync<TableEntity>(partition, AuditEntities.PointerRow, cancellationToken: cancellationToken)).Value;
        }
    }

    /// <summary>Closes the head's day (with its ETag) and opens <paramref name="day"/> from its last entry; null when another writer got there first.</summary>
    private async Task<AuditChainHead?> RollOverAsync(Tenant tenant, AuditChainHead head, DateOnly day, CancellationToken cancellationToken)
    {
        var partition = PartitionKeys.ForAuditDay(tenant, AuditDays.Format(head.Day));
        try
        {
            await Table.UpdateEntityAsync(
                AuditEntities.HeadEntity(partition, head.Day, head.Sequence, head.Hash, closed: true, nextDay: day, previousDay: null),
                head.ETag,
                TableUpdateMode.Merge,
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }

        var opened = await AddHeadAsync(tenant, day, head.Sequence, head.Hash, head.Day, cancellationToken);
        await Table.UpsertEntityAsync(
            new TableEntity(PartitionKeys.ForAuditChain(tenant), AuditEntities.PointerRow) { ["LatestDay"] = AuditDays.Format(day) },
            TableUpdateMode.Merge,
            cancellationToken);
        return opened;
    }

    private async Task<AuditChainHead> AddHeadAsync(Tenant tenant, DateOnly day, long sequence, string hash, DateOnly? previousDay, CancellationToken cancellationToken)
    {
        var partition = PartitionKeys.ForAuditDay(tenant, AuditDays.Format(day));
        var entity = AuditEntities.HeadEntity(partition, day, sequence, hash, closed: false, nextDay: null, previousDay);
        try
        {
            var response = await Table.AddEntityAsync(entity, cancellationToken);
            return AuditEntities.ToHead(day, entity) with { ETag = AuditEntities.EtagOf(response) };
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = await Table.GetEntityAsync<TableEntity>(partition, AuditEntities.HeadRow, cancellationToken: cancellationToken);
            return AuditEntities.ToHead(day, stored.Value);
        }
    }

    private async Task<byte[]> KeyAsync(Tenant tenant, CancellationToken cancellationToken) =>
        AuditChainHasher.DeriveKey(await tenantKeys.GetIndexKeyAsync(tenant, cancellationToken), tenant.Code.Value);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The audit chain head of tenant {Tenant} moved back from sequence {Seen} to {Loaded}: entries may have been removed")]
    private static partial void LogHeadMovedBack(ILogger logger, string tenant, long seen, long loaded);

    /// <summary>One tenant's chain in this instance: the gate for writers, the queue of waiting appends and the cached head.</summary>
    private sealed class TenantChain
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ConcurrentQueue<PendingAppend> Queue { get; } = new();

        public AuditChainHead? Head { get; set; }

        public long LastSeenSequence { get; set; }
    }

    private sealed record PendingAppend(IReadOnlyList<AuditEvent> Events)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
