using Vaccination.Application.Ingestion;
using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Ingestion;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Ingestion;
using Vaccination.IntegrationTests.Environment;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Ingestion;

[Collection(IntegrationTestGroup.Name)]
public sealed class IngestionStoreTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 11, 30, 3, 0, 0, TimeSpan.Zero);
    private StoreUnderTest _store = null!;

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(environment);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task HasUnresolvedErrorsAsync_ErrorFlagOpenThenResolved_TrueThenFalse()
    {
        var store = new TableDataQualityStore(_store.Tables);
        var subject = SubjectId.TryCreate("DQ-1").Value;
        var other = SubjectId.TryCreate("DQ-10").Value;
        await store.SaveAsync(Asahikawa,
        [
            new DataQualityFlag(subject, "dose.after_death", DataQualitySeverity.Error, DoseNumber.TryCreate(2).Value, "d", "e-1", Now),
            new DataQualityFlag(other, "dose.interval_short", DataQualitySeverity.Warning, DoseNumber.TryCreate(2).Value, "d", "e-2", Now),
        ]);

        var before = await store.HasUnresolvedErrorsAsync(Asahikawa, subject);
        var warningOnly = await store.HasUnresolvedErrorsAsync(Asahikawa, other);
        var otherTenant = await store.HasUnresolvedErrorsAsync(Sapporo, subject);
        await store.ResolveAsync(Asahikawa, subject, "dose.after_death@002", "staff:tester");
        var after = await store.HasUnresolvedErrorsAsync(Asahikawa, subject);

        Assert.True(before);
        Assert.False(warningOnly);
        Assert.False(otherTenant);
        Assert.False(after);
    }

    [Fact]
    public async Task ResolveForDoseAsync_ResolvesOnlyThatDosesFlags()
    {
        var store = new TableDataQualityStore(_store.Tables);
        var subject = SubjectId.TryCreate("DQ-2").Value;
        await store.SaveAsync(Asahikawa,
        [
            new DataQualityFlag(subject, "dose.after_death", DataQualitySeverity.Error, DoseNumber.TryCreate(1).Value, "d", "e-1", Now),
            new DataQualityFlag(subject, "dose.after_death", DataQualitySeverity.Error, DoseNumber.TryCreate(2).Value, "d", "e-1", Now),
        ]);

        await store.ResolveForDoseAsync(Asahikawa, subject, DoseNumber.TryCreate(1).Value, "event:e-9");
        var open = await store.ListAsync(Asahikawa, includeResolved: false, limit: 100);

        Assert.Equal(2, Assert.Single(open).Dose!.Value.Value);
    }

    [Fact]
    public async Task IdempotencyStore_AddTwice_SecondReturnsTheFirst_AndPurgeRemovesExpired()
    {
        var store = new TableIdempotencyStore(_store.Tables, new TenantFieldProtector(_store.TenantKeys));
        var id = EventId.TryCreate("evt-purge-1").Value;
        var outcome = new EventOutcome(id.Value, "dose.recorded", EventOutcome.Applied, "S-1", 1, [], []);
        var first = new IdempotencyRecord(id, "hash-1", outcome, Now, Now.AddDays(30));
        var expired = new IdempotencyRecord(EventId.TryCreate("evt-purge-2").Value, "hash-2", outcome, Now.AddDays(-40), Now.AddDays(-10));

        var added = await store.AddAsync(Asahikawa, first);
        var again = await store.AddAsync(Asahikawa, first with { RequestHash = "hash-other", ProcessedAt = Now.AddMinutes(1) });
        await store.AddAsync(Asahikawa, expired);
        var purged = await store.PurgeExpiredAsync(Asahikawa, Now);

        Assert.Null(added);
        Assert.Equal("hash-1", again!.RequestHash);
        Assert.Equal(1, purged);
        Assert.NotNull(await store.FindAsync(Asahikawa, id));
        Assert.Null(await store.FindAsync(Asahikawa, expired.EventId));
    }

    [Fact]
    public async Task IdempotencyStore_QueuedEvent_IsStoredEncrypted_ReadBack_AndDroppedWhenCompleted()
    {
        var store = new TableIdempotencyStore(_store.Tables, new TenantFieldProtector(_store.TenantKeys));
        var id = EventId.TryCreate("evt-queued-1").Value;
        var eventJson = $$$"""{"eventId":"evt-queued-1","type":"subject.registered","subject":{"myNumber":"{{{MyNumberDigits}}}","name":"キュー 花子"}}""";
        var queued = new IdempotencyRecord(id, "hash-q", EventOutcome.Queueing(id.Value, "subject.registered"), Now, Now.AddDays(30))
        {
            PendingEvent = eventJson,
            FromSite = true,
        };

        await store.AddAsync(Asahikawa, queued);
        var raw = await RawTableScanner.ReadAllAsync(_store.ConnectionString, _store.Prefix);
        var readBack = await store.FindAsync(Asahikawa, id);
        await store.CompleteAsync(Asahikawa, readBack! with { Outcome = new EventOutcome(id.Value, "subject.registered", EventOutcome.Applied, "S-Q", null, [], []), PendingEvent = null });
        var completed = await store.FindAsync(Asahikawa, id);
        var rawAfter = await RawTableScanner.ReadAllAsync(_store.ConnectionString, _store.Prefix);

        Assert.DoesNotContain(RawTableScanner.Texts(raw), text => text.Contains(MyNumberDigits, StringComparison.Ordinal) || text.Contains("キュー", StringComparison.Ordinal));
        Assert.Equal(eventJson, readBack!.PendingEvent);
        Assert.True(readBack.FromSite);
        Assert.True(readBack.Outcome.IsQueued);
        Assert.Null(completed!.PendingEvent);
        Assert.True(completed.Outcome.IsApplied);
        Assert.DoesNotContain(rawAfter, row => row.RowKey == id.Value && row.ContainsKey("Event"));
    }

    [Fact]
    public async Task IdempotencyStore_QueuedEvent_HasAnOutboxMarker_FoundWhenOverdue_ClaimedOnce_AndRemovedByTheCompletion()
    {
        var store = new TableIdempotencyStore(_store.Tables, new TenantFieldProtector(_store.TenantKeys));
        var id = EventId.TryCreate("evt-outbox-1").Value;
        var queued = new IdempotencyRecord(id, "hash-o", EventOutcome.Queueing(id.Value, "dose.recorded"), Now, Now.AddDays(30)) { PendingEvent = "{}" };
        await store.AddAsync(Asahikawa, queued);
        await store.AddAsync(Asahikawa, new IdempotencyRecord(EventId.TryCreate("evt-sync-1").Value, "hash-s",
            new EventOutcome("evt-sync-1", "dose.recorded", EventOutcome.Applied, "S-1", 1, [], []), Now, Now.AddDays(30)));

        var notYet = await ToListAsync(store.FindOverdueAsync(Asahikawa, Now));
        var otherTenant = await ToListAsync(store.FindOverdueAsync(Sapporo, Now.AddMinutes(1)));
        var marker = Assert.Single(await ToListAsync(store.FindOverdueAsync(Asahikawa, Now.AddMinutes(1))));
        var claimed = await store.ClaimRedriveAsync(Asahikawa, marker, Now.AddMinutes(2));
        var claimedAgainWithTheOldVersion = await store.ClaimRedriveAsync(Asahikawa, marker, Now.AddMinutes(2));
        var afterClaim = Assert.Single(await ToListAsync(store.FindOverdueAsync(Asahikawa, Now.AddMinutes(3))));
        var notOverdueAfterClaim = await ToListAsync(store.FindOverdueAsync(Asahikawa, Now.AddMinutes(2)));
        var read = (await store.FindAsync(Asahikawa, id))!;
        var claimedForApplying = await store.BeginApplyingAsync(Asahikawa, read, Now.AddMinutes(3));
        var secondWorker = await store.BeginApplyingAsync(Asahikawa, read, Now.AddMinutes(3));
        var storedWhileApplying = (await store.FindAsync(Asahikawa, id))!;
        var staleCompletion = await store.CompleteAsync(Asahikawa, read with { Outcome = EventOutcome.Refusal(id.Value, "dose.recorded", []), PendingEvent = null });
        var applied = claimedForApplying! with { Outcome = new EventOutcome(id.Value, "dose.recorded", EventOutcome.Applied, "S-1", 2, [], []), PendingEvent = null };
        var completed = await store.CompleteAsync(Asahikawa, applied);
        var completedAgain = await store.CompleteAsync(Asahikawa, applied with { Outcome = EventOutcome.Refusal(id.Value, "dose.recorded", []) });

        Assert.Empty(notYet);
        Assert.Empty(otherTenant);
        Assert.Equal(id, marker.EventId);
        Assert.Equal(0, marker.Redrives);
        Assert.Equal(Now, marker.QueuedAt);
        Assert.True(claimed);
        Assert.False(claimedAgainWithTheOldVersion);
        Assert.Equal(1, afterClaim.Redrives);
        Assert.Empty(notOverdueAfterClaim);
        Assert.Equal(Now.AddMinutes(3), storedWhileApplying.ApplyingSince);
        Assert.True(storedWhileApplying.Outcome.IsQueued);
        Assert.Equal("{}", storedWhileApplying.PendingEvent);
        Assert.Null(secondWorker);
        Assert.False(staleCompletion);
        Assert.True(completed);
        Assert.False(completedAgain);
        Assert.True((await store.FindAsync(Asahikawa, id))!.Outcome.IsApplied);
        Assert.Empty(await ToListAsync(store.FindOverdueAsync(Asahikawa, Now.AddDays(1))));
        Assert.False(await store.ClaimRedriveAsync(Asahikawa, afterClaim, Now.AddMinutes(4)));
    }

    private static async Task<List<QueuedEventMarker>> ToListAsync(IAsyncEnumerable<QueuedEventMarker> markers)
    {
        var list = new List<QueuedEventMarker>();
        await foreach (var marker in markers)
        {
            list.Add(marker);
        }

        return list;
    }

    [Fact]
    public async Task IdempotencyStore_ReusableRefusal_DoesNotHoldTheId_ANewDeliveryReplacesIt()
    {
        var store = new TableIdempotencyStore(_store.Tables, new TenantFieldProtector(_store.TenantKeys));
        var id = EventId.TryCreate("evt-reusable-1").Value;
        var refused = new IdempotencyRecord(id, "hash-old", EventOutcome.Refusal(id.Value, "dose.recorded", [Vaccination.Domain.Results.Error.Validation("subject.unknown", "m")]), Now, Now.AddDays(30))
        {
            Reusable = true,
        };
        await store.AddAsync(Asahikawa, refused);

        var earlier = await store.AddAsync(Asahikawa, new IdempotencyRecord(id, "hash-new", EventOutcome.Queueing(id.Value, "dose.recorded"), Now.AddMinutes(1), Now.AddDays(30)));

        Assert.Null(earlier);
        Assert.Equal("hash-new", (await store.FindAsync(Asahikawa, id))!.RequestHash);
    }
}
