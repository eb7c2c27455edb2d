using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vaccination.Application.Audit;
using Vaccination.Domain.Audit;
using Vaccination.Domain.Identifiers;
using Vaccination.Infrastructure.Audit;
using Vaccination.Infrastructure.Storage;
using Vaccination.IntegrationTests.Environment;

namespace Vaccination.IntegrationTests.Audit;

/// <summary>
/// The audit chain on Azurite: entries appended through <see cref="TableAuditLog"/>, then raw storage edited behind its
/// back (a field changed, an entry deleted, two entries swapped, the newest entry removed), and the verification must
/// name the first bad entry each time.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class AuditChainTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private StoreUnderTest _store = null!;
    private TableAuditLog _log = null!;

    private TableClient Table => _store.Tables.Get(TableNames.AuditEntries);

    public async Task InitializeAsync()
    {
        _store = await StoreUnderTest.CreateAsync(environment);
        _log = new TableAuditLog(_store.Tables, _store.TenantKeys, _clock, NullLogger<TableAuditLog>.Instance);
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task VerifyAsync_UntouchedChain_IsIntactAndCountsEveryEntry()
    {
        await AppendAsync(10);

        var result = await _log.VerifyAsync(TestData.Asahikawa);

        Assert.True(result.Intact);
        Assert.Equal(10, result.EntriesVerified);
        Assert.Equal(10, result.HeadSequence);
        Assert.Null(result.FirstBad);
    }

    [Fact]
    public async Task VerifyAsync_FieldChangedInRawStorage_NamesThatEntry()
    {
        await AppendAsync(10);
        var row = await RowAsync(4);
        row["SubjectId"] = "OTHER-PERSON";
        await Table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var result = await _log.VerifyAsync(TestData.Asahikawa);

        Assert.False(result.Intact);
        Assert.Equal(new AuditFault(Day(Start), 4, AuditFault.EntryAltered), result.FirstBad);
    }

    [Fact]
    public async Task VerifyAsync_EntryDeletedInRawStorage_NamesTheMissingSequence()
    {
        await AppendAsync(10);
        await Table.DeleteEntityAsync(PartitionOf(Start), "e" + 5.ToString("D19", System.Globalization.CultureInfo.InvariantCulture));

        var result = await _log.VerifyAsync(TestData.Asahikawa);

        Assert.Equal(new AuditFault(Day(Start), 5, AuditFault.EntryMissing), result.FirstBad);
        Assert.Equal(4, result.EntriesVerified);
    }

    [Fact]
    public async Task VerifyAsync_TwoEntriesSwappedInRawStorage_NamesTheFirstOfThem()
    {
        await AppendAsync(10);
        var six = await RowAsync(6);
        var seven = await RowAsync(7);
        foreach (var name in six.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).ToList())
        {
            (six[name], seven[name]) = (seven[name], six[name]);
        }

        await Table.UpdateEntityAsync(six, ETag.All, TableUpdateMode.Replace);
        await Table.UpdateEntityAsync(seven, ETag.All, TableUpdateMode.Replace);

        var result = await _log.VerifyAsync(TestData.Asahikawa);

        Assert.Equal(6, result.FirstBad!.Sequence);
        Assert.Equal(Day(Start), result.FirstBad.Day);
    }

    [Fact]
    public async Task VerifyAsync_EventFieldsSwappedButChainFieldsKept_NamesTheFirstOfThem()
    {
        await AppendAsync(10);
        var six = await RowAsync(6);
        var seven = await RowAsync(7);
        foreach (var name in new[] { "At", "ActorId", "SubjectId", "Action" })
        {
            (six[name], seven[name]) = (seven[name], six[name]);
        }

        await Table.UpdateEntityAsync(six, ETag.All, TableUpdateMode.Replace);
        await Table.UpdateEntityAsync(seven, ETag.All, TableUpdateMode.Replace);

        var result = await _log.VerifyAsync(TestData.Asahikawa);

        Assert.Equal(new AuditFault(Day(Start), 6, AuditFault.EntryAltered), result.FirstBad);
    }

    [Fact]
    public async Task VerifyAsync_NewestEntryDeleted_NamesItThroughTheHead()
    {
        await AppendAsync(10);
        await Table.DeleteEntityAsync(PartitionOf(Start), "e" + 10.ToString("D19", System.Globalization.CultureInfo.InvariantCulture));

        var result = await _log.VerifyAsync(TestData.Asahikawa);

        Assert.Equal(new AuditFault(Day(Start), 10, AuditFault.HeadMismatch), result.FirstBad);
    }

    [Fact]
    public async Task VerifyAsync_ChainOverThreeDays_IsIntact_AndAnEditOnTheMiddleDayIsNamed()
    {
        await AppendAsync(3);
        _clock.Advance(TimeSpan.FromDays(1));
        await AppendAsync(3);
        _clock.Advance(TimeSpan.FromDays(2));
        await AppendAsync(3);
        var intact = await _log.VerifyAsync(TestData.Asahikawa);

        var middle = Start.AddDays(1);
        var row = await Table.GetEntityAsync<TableEntity>(PartitionOf(middle), "e" + 5.ToString("D19", System.Globalization.CultureInfo.InvariantCulture));
        row.Value["Outcome"] = AuditOutcomes.Succeeded + "!";
        await Table.UpdateEntityAsync(row.Value, ETag.All, TableUpdateMode.Replace);
        var tampered = await _log.VerifyAsync(TestData.Asahikawa);

        Assert.True(intact.Intact);
        Assert.Equal(9, intact.EntriesVerified);
        Assert.Equal(new AuditFault(Day(middle), 5, AuditFault.EntryAltered), tampered.FirstBad);
    }

    [Fact]
    public async Task AppendAsync_TwoInstancesConcurrently_FormOneUnbrokenChain()
    {
        var other = new TableAuditLog(_store.Tables, _store.TenantKeys, _clock, NullLogger<TableAuditLog>.Instance);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => (i % 2 == 0 ? _log : other).AppendAsync(TestData.Asahikawa, [Event(i)])));
        var result = await _log.VerifyAsync(TestData.Asahikawa);

        Assert.True(result.Intact, result.FirstBad?.ToString());
        Assert.Equal(60, result.EntriesVerified);
    }

    [Fact]
    public async Task AppendAsync_OtherTenant_KeepsItsOwnChain()
    {
        await AppendAsync(4);
        await _log.AppendAsync(TestData.Sapporo, [Event(1)]);

        var asahikawa = await _log.VerifyAsync(TestData.Asahikawa);
        var sapporo = await _log.VerifyAsync(TestData.Sapporo);

        Assert.Equal(4, asahikawa.EntriesVerified);
        Assert.Equal(1, sapporo.EntriesVerified);
        Assert.NotEqual(asahikawa.HeadHash, sapporo.HeadHash);
    }

    [Fact]
    public async Task QueryAsync_ByPersonActorAndRange_ReturnsOnlyMatchingEntries()
    {
        await AppendAsync(6);
        _clock.Advance(TimeSpan.FromDays(2));
        await AppendAsync(6);

        var byPerson = await ToListAsync(new AuditQuery(Start.AddDays(-1), Start.AddDays(5), SubjectId.TryCreate("P-1").Value, null, 100));
        var byActor = await ToListAsync(new AuditQuery(Start.AddDays(-1), Start.AddDays(5), null, "actor-2", 100));
        var firstDayOnly = await ToListAsync(new AuditQuery(Start.AddMinutes(-1), Start.AddDays(1), null, null, 100));
        var limited = await ToListAsync(new AuditQuery(Start.AddDays(-1), Start.AddDays(5), null, null, 4));

        Assert.Equal(4, byPerson.Count);
        Assert.All(byPerson, e => Assert.Equal("P-1", e.Event.Subject?.Value));
        Assert.Equal(4, byActor.Count);
        Assert.All(byActor, e => Assert.Equal("actor-2", e.Event.ActorId));
        Assert.Equal(6, firstDayOnly.Count);
        Assert.Equal([1L, 2, 3, 4], limited.Select(e => e.Sequence));
    }

    private async Task<List<AuditEntry>> ToListAsync(AuditQuery query)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in _log.QueryAsync(TestData.Asahikawa, query))
        {
            entries.Add(entry);
        }

        return entries;
    }

    private async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _log.AppendAsync(TestData.Asahikawa, [Event(i)]);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private AuditEvent Event(int i) => new(
        _clock.GetUtcNow(), $"actor-{i % 3}", "municipal-staff", "012041", "GET municipalities/{municipalityCode}/subjects/{subjectId}",
        SubjectId.TryCreate($"P-{i % 3}").Value, null, AuditOutcomes.Succeeded, 200);

    private async Task<TableEntity> RowAsync(long sequence) =>
        (await Table.GetEntityAsync<TableEntity>(PartitionOf(Start), "e" + sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture))).Value;

    private static string Day(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private static string PartitionOf(DateTimeOffset time) => PartitionKeys.ForAuditDay(TestData.Asahikawa, Day(time));
}
