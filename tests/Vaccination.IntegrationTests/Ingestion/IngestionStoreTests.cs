using Vaccination.Application.Ingestion;
using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Ingestion;
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
        var store = new TableIdempotencyStore(_store.Tables);
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
}
