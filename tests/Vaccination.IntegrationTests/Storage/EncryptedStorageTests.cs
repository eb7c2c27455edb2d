using System.Security.Cryptography;
using Azure.Data.Tables;
using Vaccination.Domain.Identifiers;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;
using Vaccination.IntegrationTests.Environment;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Storage;

[Collection(IntegrationTestGroup.Name)]
public sealed class EncryptedStorageTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private StoreUnderTest _store = null!;

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(environment);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SaveAsync_SubjectAndDoses_RawStorageHoldsNoPersonalValueInClear()
    {
        var saved = await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));
        await _store.Subjects.SaveDoseAsync(Asahikawa, Dose("A-1", 1));
        await _store.Subjects.SaveDoseAsync(Asahikawa, Dose("A-1", 2));

        var texts = RawTableScanner.Texts(await RawTableScanner.ReadAllAsync(_store.ConnectionString, _store.Prefix)).ToList();

        Assert.True(saved.IsSuccess);
        Assert.True(texts.Count > 20, "the scan must see the stored rows");
        Assert.Contains(texts, t => t.Contains("/Name=e1.p.", StringComparison.Ordinal));
        foreach (var value in PersonalValues)
        {
            Assert.DoesNotContain(texts, t => t.Contains(value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task GetAsync_AfterSave_ReturnsTheDecryptedSubjectAndDoses()
    {
        await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));
        await _store.Subjects.SaveDoseAsync(Asahikawa, Dose("A-1", 1));

        using var reopened = _store.Reopen();
        var subject = await reopened.Subjects.GetAsync(Asahikawa, SubjectId.TryCreate("A-1").Value);
        var doses = await reopened.Subjects.GetDosesAsync(Asahikawa, SubjectId.TryCreate("A-1").Value);

        Assert.NotNull(subject);
        Assert.Equal(Name, subject.Name);
        Assert.Equal(BirthDate, subject.BirthDate);
        Assert.Equal(MyNumberDigits, subject.MyNumber!.RevealDigits());
        Assert.Equal("FA5765", Assert.Single(doses).LotNumber);
    }

    [Fact]
    public async Task CiphertextCopiedToAnotherRow_FailsToDecrypt()
    {
        await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));
        await _store.Subjects.SaveAsync(Asahikawa, Subject("A-2", myNumber: MyNumberFor(2), name: "Other Person"));
        var table = _store.Tables.Get(TableNames.Subjects);
        var first = await RowOf(table, Asahikawa, "A-1");
        var second = await RowOf(table, Asahikawa, "A-2");

        second["Name"] = first["Name"];
        await table.UpdateEntityAsync(second, second.ETag, TableUpdateMode.Replace);

        using var reopened = _store.Reopen();
        await Assert.ThrowsAnyAsync<CryptographicException>(() => reopened.Subjects.GetAsync(Asahikawa, SubjectId.TryCreate("A-2").Value));
    }

    [Fact]
    public async Task CiphertextCopiedToAnotherField_FailsToDecrypt()
    {
        await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));
        var table = _store.Tables.Get(TableNames.Subjects);
        var row = await RowOf(table, Asahikawa, "A-1");

        row["Name"] = row["BirthDate"];
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        using var reopened = _store.Reopen();
        await Assert.ThrowsAnyAsync<CryptographicException>(() => reopened.Subjects.GetAsync(Asahikawa, SubjectId.TryCreate("A-1").Value));
    }

    [Fact]
    public async Task CiphertextCopiedToAnotherTenant_FailsToDecrypt()
    {
        await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));
        await _store.Subjects.SaveAsync(Sapporo, Subject("A-1", myNumber: MyNumberFor(7), name: "Sapporo Person"));
        var table = _store.Tables.Get(TableNames.Subjects);
        var asahikawa = await RowOf(table, Asahikawa, "A-1");
        var sapporo = await RowOf(table, Sapporo, "A-1");

        sapporo["Name"] = asahikawa["Name"];
        await table.UpdateEntityAsync(sapporo, sapporo.ETag, TableUpdateMode.Replace);

        using var reopened = _store.Reopen();
        await Assert.ThrowsAnyAsync<CryptographicException>(() => reopened.Subjects.GetAsync(Sapporo, SubjectId.TryCreate("A-1").Value));
        Assert.Equal(Name, (await reopened.Subjects.GetAsync(Asahikawa, SubjectId.TryCreate("A-1").Value))!.Name);
    }

    [Fact]
    public async Task RowsWrittenBeforeDataKeyRotation_StillReadAfterIt()
    {
        await _store.Subjects.SaveAsync(Asahikawa, Subject("OLD-1"));
        var newVersion = await _store.TenantKeys.RotateAsync(Asahikawa, default);
        await _store.Subjects.SaveAsync(Asahikawa, Subject("NEW-1", myNumber: MyNumberFor(3)));

        using var reopened = _store.Reopen();
        var old = await reopened.Subjects.GetAsync(Asahikawa, SubjectId.TryCreate("OLD-1").Value);
        var recent = await reopened.Subjects.GetAsync(Asahikawa, SubjectId.TryCreate("NEW-1").Value);
        var keyRows = await _store.Tables.Get(TableNames.PersonKeys).QueryAsync<TableEntity>().ToListAsync();

        Assert.Equal(2, newVersion);
        Assert.Equal(Name, old!.Name);
        Assert.Equal(Name, recent!.Name);
        Assert.Equal([1, 2], keyRows.Select(r => r.GetInt32("DataKeyVersion")!.Value).Order().ToArray());
    }

    [Fact]
    public async Task ColdReadOfManySubjects_UnwrapsEachTenantKeyOnce()
    {
        var subjects = Enumerable.Range(0, 200).Select(i => Subject($"S{i}", MyNumberFor(i))).ToList();
        await _store.Subjects.SaveManyAsync(Asahikawa, subjects);

        using var reopened = _store.Reopen();
        foreach (var subject in subjects)
        {
            Assert.NotNull(await reopened.Subjects.GetAsync(Asahikawa, subject.Id));
        }

        Assert.Equal(1, reopened.KeyEncryptionKey.Unwraps);
        Assert.Equal(0, reopened.KeyEncryptionKey.Wraps);
    }

    [Fact]
    public async Task FindByMyNumberAsync_KnownAndUnknownNumbers()
    {
        await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));
        var before = (await RawTableScanner.ReadAllAsync(_store.ConnectionString, _store.Prefix)).Count;

        var known = await _store.Subjects.FindByMyNumberAsync(Asahikawa, MyNumber.TryCreate(MyNumberDigits).Value);
        var unknown = await _store.Subjects.FindByMyNumberAsync(Asahikawa, MyNumber.TryCreate(MyNumberFor(99)).Value);
        var inOtherTenant = await _store.Subjects.FindByMyNumberAsync(Sapporo, MyNumber.TryCreate(MyNumberDigits).Value);
        var after = await RawTableScanner.ReadAllAsync(_store.ConnectionString, _store.Prefix);

        Assert.Equal("A-1", known?.Value);
        Assert.Null(unknown);
        Assert.Null(inOtherTenant);
        Assert.Equal(before + 1, after.Count); // only Sapporo's new tenant key pointer/keys may appear, never an index row
        Assert.DoesNotContain(after, row => row.PartitionKey.StartsWith("011002-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveAsync_MyNumberHeldByAnotherSubject_IsAConflictAndChangesNothing()
    {
        await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));

        var second = await _store.Subjects.SaveAsync(Asahikawa, Subject("A-2"));

        Assert.Equal("my_number.duplicate", Assert.Single(second.Errors).Code);
        Assert.Null(await _store.Subjects.GetAsync(Asahikawa, SubjectId.TryCreate("A-2").Value));
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_IsAConflict()
    {
        var created = await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));
        var updated = await _store.Subjects.SaveAsync(Asahikawa, created.Value with { Name = "Renamed" });

        var stale = await _store.Subjects.SaveAsync(Asahikawa, created.Value with { Name = "Stale write" });

        Assert.True(updated.IsSuccess);
        Assert.Equal("subject.version_mismatch", Assert.Single(stale.Errors).Code);
        Assert.Equal("Renamed", (await _store.Subjects.GetAsync(Asahikawa, created.Value.Id))!.Name);
    }

    [Fact]
    public async Task SaveAsync_MyNumberChanged_OldNumberNoLongerFindsTheSubject()
    {
        var created = await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));
        var newNumber = MyNumber.TryCreate(MyNumberFor(5)).Value;

        await _store.Subjects.SaveAsync(Asahikawa, created.Value with { MyNumber = newNumber });

        Assert.Null(await _store.Subjects.FindByMyNumberAsync(Asahikawa, MyNumber.TryCreate(MyNumberDigits).Value));
        Assert.Equal("A-1", (await _store.Subjects.FindByMyNumberAsync(Asahikawa, newNumber))?.Value);
    }

    [Fact]
    public async Task ListAsync_ReturnsOnlyTheTenantsOwnSubjects()
    {
        await _store.Subjects.SaveManyAsync(Asahikawa, Enumerable.Range(0, 30).Select(i => Subject($"A{i}", MyNumberFor(i))).ToList());
        await _store.Subjects.SaveManyAsync(Sapporo, Enumerable.Range(0, 5).Select(i => Subject($"S{i}", MyNumberFor(100 + i))).ToList());

        var listed = await _store.Subjects.ListAsync(Sapporo).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"S{i}").Order(), listed.Select(s => s.Id.Value).Order());
    }

    [Fact]
    public async Task DestroyingThePersonKey_MakesACopyOfTheRowsUndecryptable()
    {
        await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));
        await _store.Subjects.SaveDoseAsync(Asahikawa, Dose("A-1", 1));
        var copy = await RowOf(_store.Tables.Get(TableNames.Subjects), Asahikawa, "A-1");
        var id = SubjectId.TryCreate("A-1").Value;

        var shredded = await _store.Subjects.ShredAsync(Asahikawa, id);

        using var reopened = _store.Reopen();
        Assert.True(shredded);
        Assert.Null(await reopened.Subjects.GetAsync(Asahikawa, id));
        Assert.Null(await reopened.Subjects.FindByMyNumberAsync(Asahikawa, MyNumber.TryCreate(MyNumberDigits).Value));
        Assert.Empty(await reopened.Subjects.GetDosesAsync(Asahikawa, id));
        Assert.StartsWith("e1.p.", copy.GetString("Name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAsync_KeyRowLeftByAFailedSave_IsTakenOverByTheNextSubject()
    {
        // A save that claimed the My Number's key row and then failed leaves a row that no subject points at.
        var myNumber = MyNumber.TryCreate(MyNumberDigits).Value;
        var keyRow = await _store.PersonKeys.KeyRowForAsync(Asahikawa, SubjectId.TryCreate("GHOST").Value, myNumber, default);
        await _store.PersonKeys.ClaimAsync(Asahikawa, SubjectId.TryCreate("GHOST").Value, keyRow, existingKey: null, default);

        var saved = await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));

        Assert.True(saved.IsSuccess);
        Assert.Equal("A-1", (await _store.Subjects.FindByMyNumberAsync(Asahikawa, myNumber))?.Value);
    }

    [Fact]
    public async Task SaveManyAsync_MyNumberHeldByAnotherSubject_IsReportedAndNotStored()
    {
        await _store.Subjects.SaveAsync(Asahikawa, Subject("A-1"));

        var refused = await _store.Subjects.SaveManyAsync(Asahikawa, [Subject("B-1", MyNumberFor(1)), Subject("B-2")]);

        Assert.Equal("B-2", Assert.Single(refused).Value);
        Assert.Null(await _store.Subjects.GetAsync(Asahikawa, SubjectId.TryCreate("B-2").Value));
        Assert.NotNull(await _store.Subjects.GetAsync(Asahikawa, SubjectId.TryCreate("B-1").Value));
    }

    private static async Task<TableEntity> RowOf(TableClient table, Vaccination.Domain.Tenants.Tenant tenant, string id) =>
        (await table.GetEntityAsync<TableEntity>(PartitionKeys.ForSubject(tenant, SubjectId.TryCreate(id).Value), id)).Value;
}
