using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Vaccination.Application.Retention;
using Vaccination.Domain.Certificates;
using Vaccination.Application.Ingestion;
using Vaccination.Domain.DataQuality;
using Vaccination.Infrastructure.Certificates;
using Vaccination.Infrastructure.Ingestion;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;
using Vaccination.IntegrationTests.Environment;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Retention;

[Collection(IntegrationTestGroup.Name)]
public sealed class RetentionSweepTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    // Sapporo keeps 5 years, Asahikawa 20. On 2032-01-01 a 2021 dose is expired in Sapporo and kept in Asahikawa.
    private static readonly DateTimeOffset Now = new(2032, 1, 1, 3, 0, 0, TimeSpan.Zero);
    private StoreUnderTest _store = null!;

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(environment);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sweep_ProposesOnlyExpiredPersons_AndErasesNothingBeforeApproval()
    {
        await SeedAsync(Sapporo, "OLD", doses: 2, deceasedOn: null);
        await SeedAsync(Sapporo, "DIED", doses: 1, deceasedOn: new DateOnly(2030, 1, 1));
        await SeedAsync(Sapporo, "NODATES", doses: 0, deceasedOn: null);
        using var harness = new RetentionHarness(_store, Now);

        var proposal = await harness.Sweeps.SweepAsync(Sapporo, "run-1", default);

        Assert.NotNull(proposal);
        Assert.Equal(ErasureProposalStatus.Pending, proposal.Status);
        Assert.Equal(["OLD"], await harness.Store.ListProposalSubjectsAsync(Sapporo, "run-1", 100, default));
        Assert.NotNull(await _store.Subjects.GetAsync(Sapporo, Id("OLD")));
    }

    [Fact]
    public async Task ApprovedErasure_RemovesRowsAndKeys_AndIssuesAVerifiableCertificate()
    {
        await SeedAsync(Sapporo, "OLD", doses: 3, deceasedOn: null);
        await SeedAsync(Sapporo, "KEEP", doses: 1, deceasedOn: new DateOnly(2031, 5, 1));
        using var harness = new RetentionHarness(_store, Now);
        var proposal = (await harness.Sweeps.SweepAsync(Sapporo, "run-1", default))!;
        await harness.Store.UpdateProposalAsync(Sapporo, proposal with { Status = ErasureProposalStatus.Approved, DecidedBy = "admin-1" }, default);

        await harness.Sweeps.ExecuteAsync(Sapporo, proposal.Id, default);

        var executed = (await harness.Store.GetProposalAsync(Sapporo, proposal.Id, default))!;
        var jws = (await harness.Store.GetCertificateAsync(Sapporo, executed.CertificateId!, 0, default))!;
        var report = (await harness.Signer.VerifyReportAsync(jws, default))!;
        var keyPage = (await harness.Signer.VerifyPageAsync((await harness.Store.GetCertificateAsync(Sapporo, executed.CertificateId!, 1, default))!, default))!;
        Assert.Equal(ErasureProposalStatus.Executed, executed.Status);
        Assert.Equal(("011002", "admin-1", 1, 5), (report.Tenant, report.ApprovedBy, report.Persons, report.Rows));
        Assert.Equal(RetentionSweepService.HashOf(["OLD"]), report.ErasedIdsSha256);
        Assert.Equal((1, 1), (report.DestroyedKeys, report.DestroyedKeyPages));
        Assert.Equal(RetentionSweepService.HashOf(keyPage.KeyIds), report.DestroyedKeyIdsSha256);
        Assert.Single(keyPage.KeyIds);
        Assert.Null(await _store.Subjects.GetAsync(Sapporo, Id("OLD")));
        Assert.Empty(await _store.Subjects.GetDosesAsync(Sapporo, Id("OLD")));
        Assert.NotNull(await _store.Subjects.GetAsync(Sapporo, Id("KEEP")));
        var tampered = jws[..^4] + (jws[^4] == 'A' ? "B" : "A") + jws[^3..];
        Assert.Null(await harness.Signer.VerifyReportAsync(tampered, default));
    }

    [Fact]
    public async Task ApprovedErasure_AlsoRemovesThePersonsKeptCertificatesDataQualityFindingsAndReviewItems()
    {
        await SeedAsync(Sapporo, "OLD", doses: 1, deceasedOn: null);
        await SeedAsync(Sapporo, "KEEP", doses: 1, deceasedOn: new DateOnly(2031, 5, 1));
        var certificates = new TableCertificateStore(_store.Tables, _store.PersonKeys);
        await certificates.SaveAsync(Sapporo, new IssuedCertificate(Id("OLD"), CertificateId.New(), new DateOnly(2022, 1, 5), CertificateKind.Domestic, null));
        var dataQuality = new TableDataQualityStore(_store.Tables);
        await dataQuality.SaveAsync(Sapporo, [Finding("OLD"), Finding("KEEP")]);
        await new TableReviewList(_store.Tables, _store.PersonKeys).AddAsync(Sapporo, Id("OLD"),
            new ReviewItem("OLD", "evt-1", "dose.recorded", "subject.confirmed", Now), "{}");
        using var harness = new RetentionHarness(_store, Now, erasers:
            [.. new[] { TableNames.IssuedCertificates, TableNames.DataQualityFlags, TableNames.ReviewItems }.Select(table => new SubjectRowsEraser(_store.Tables, table))]);
        var proposal = (await harness.Sweeps.SweepAsync(Sapporo, "run-1", default))!;
        await harness.Store.UpdateProposalAsync(Sapporo, proposal with { Status = ErasureProposalStatus.Approved, DecidedBy = "admin-1" }, default);

        await harness.Sweeps.ExecuteAsync(Sapporo, proposal.Id, default);

        var report = (await harness.Signer.VerifyReportAsync((await harness.Store.GetCertificateAsync(Sapporo, proposal.Id, 0, default))!, default))!;
        Assert.Empty(await _store.Tables.Get(TableNames.IssuedCertificates).QueryAsync<TableEntity>().ToListAsync());
        Assert.Empty(await _store.Tables.Get(TableNames.ReviewItems).QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal(["KEEP"], (await dataQuality.ListAsync(Sapporo, includeResolved: true, 10)).Select(f => f.SubjectId.Value));
        Assert.Equal(6, report.Rows); // subject, key row, one dose, one kept certificate, one finding, one review item
    }

    [Fact]
    public async Task ApprovedErasure_ReleasesThePersonsTickets_AndLeavesTheOthersTickets()
    {
        var index = new TicketIndex(_store.Tables, _store.TenantKeys);
        var subjects = new TableSubjectStore(_store.Tables, _store.PersonKeys, index);
        Assert.True((await subjects.SaveAsync(Sapporo, Subject("OLD", MyNumberFor(7001)) with { Tickets = [Ticket("7001000001"), Ticket("7001000002")] })).IsSuccess);
        Assert.True((await subjects.SaveAsync(Sapporo, Subject("KEEP", MyNumberFor(7002)) with
        {
            Tickets = [Ticket("7002000001")], Flags = new SubjectFlags { DeceasedOn = new DateOnly(2031, 5, 1) },
        })).IsSuccess);
        await _store.Subjects.SaveDoseAsync(Sapporo, Dose("OLD", 1));
        await _store.Subjects.SaveDoseAsync(Sapporo, Dose("KEEP", 1));
        using var harness = new RetentionHarness(_store, Now, erasers: [new TicketIndexEraser(subjects, index)]);
        var proposal = (await harness.Sweeps.SweepAsync(Sapporo, "run-1", default))!;
        await harness.Store.UpdateProposalAsync(Sapporo, proposal with { Status = ErasureProposalStatus.Approved, DecidedBy = "admin-1" }, default);

        await harness.Sweeps.ExecuteAsync(Sapporo, proposal.Id, default);

        var report = (await harness.Signer.VerifyReportAsync((await harness.Store.GetCertificateAsync(Sapporo, proposal.Id, 0, default))!, default))!;
        Assert.Null(await index.FindSubjectAsync(Sapporo, Ticket("7001000001")));
        Assert.Null(await index.FindSubjectAsync(Sapporo, Ticket("7001000002")));
        Assert.Equal(Id("KEEP"), await index.FindSubjectAsync(Sapporo, Ticket("7002000001")));
        Assert.Equal(["KEEP"], (await _store.Tables.Get(TableNames.TicketIndex).QueryAsync<TableEntity>().ToListAsync()).Select(r => r.GetString("SubjectId")));
        Assert.Equal(5, report.Rows); // subject, key row, one dose, two ticket-index rows
    }

    [Fact]
    public async Task TheApplication_ErasesTheRowsOfEveryTableThatKeepsRowsPerPerson()
    {
        using var application = await Exchange.InProcessExchange.CreateAsync(environment);

        var tables = application.Services.GetServices<IPersonDataEraser>().OfType<SubjectRowsEraser>().Select(e => e.TableName).Order(StringComparer.Ordinal);

        Assert.Equal([TableNames.DataQualityFlags, TableNames.IssuedCertificates, TableNames.ReviewItems], tables);
        Assert.Single(application.Services.GetServices<IPersonDataEraser>().OfType<TicketIndexEraser>());
    }

    [Fact]
    public async Task LargeErasure_CertificateListsEveryDestroyedKeyOnSignedPages()
    {
        using var harness = new RetentionHarness(_store, Now);
        var subjects = Enumerable.Range(0, 1_250).Select(i => Subject($"BULK{i}", MyNumberFor(10_000 + i))).ToList();
        await _store.Subjects.SaveManyAsync(Sapporo, subjects);
        await _store.Subjects.SaveDosesAsync(Sapporo, subjects.Select(s => Dose(s.Id.Value, 1)).ToList());
        var proposal = (await harness.Sweeps.SweepAsync(Sapporo, "run-1", default))!;
        await harness.Store.UpdateProposalAsync(Sapporo, proposal with { Status = ErasureProposalStatus.Approved, DecidedBy = "admin-1" }, default);

        await harness.Sweeps.ExecuteAsync(Sapporo, proposal.Id, default);

        var report = (await harness.Signer.VerifyReportAsync((await harness.Store.GetCertificateAsync(Sapporo, proposal.Id, 0, default))!, default))!;
        var keyIds = new List<string>();
        for (var page = 1; page <= report.DestroyedKeyPages; page++)
        {
            keyIds.AddRange((await harness.Signer.VerifyPageAsync((await harness.Store.GetCertificateAsync(Sapporo, proposal.Id, page, default))!, default))!.KeyIds);
        }

        Assert.Equal((1_250, 1_250, 3), (report.Persons, report.DestroyedKeys, report.DestroyedKeyPages));
        Assert.Equal(report.DestroyedKeyIdsSha256, RetentionSweepService.HashOf(keyIds));
        Assert.Equal(1_250, keyIds.Distinct().Count());
    }

    [Fact]
    public async Task ErasedPerson_RawCopyKeptFromBefore_CanNoLongerBeDecrypted()
    {
        await SeedAsync(Sapporo, "OLD", doses: 2, deceasedOn: null);
        var subjects = _store.Tables.Get(TableNames.Subjects);
        var copy = (await subjects.GetEntityAsync<TableEntity>(PartitionKeys.ForSubject(Sapporo, Id("OLD")), "OLD")).Value;
        using var harness = new RetentionHarness(_store, Now);
        var proposal = (await harness.Sweeps.SweepAsync(Sapporo, "run-1", default))!;
        await harness.Store.UpdateProposalAsync(Sapporo, proposal with { Status = ErasureProposalStatus.Approved, DecidedBy = "admin-1" }, default);

        await harness.Sweeps.ExecuteAsync(Sapporo, proposal.Id, default);
        await subjects.UpsertEntityAsync(copy, TableUpdateMode.Replace); // a restored backup

        using var reopened = _store.Reopen();
        Assert.Null(await reopened.Subjects.GetAsync(Sapporo, Id("OLD")));
        var context = new FieldContext("011002", TableNames.Subjects, copy.PartitionKey, copy.RowKey, "Name");
        foreach (var version in new[] { 1 })
        {
            var tenantDataKey = await reopened.TenantKeys.GetDataKeyAsync(Sapporo, version, default);
            Assert.ThrowsAny<CryptographicException>(() => FieldCipher.Decrypt(tenantDataKey, copy.GetString("Name"), context));
        }

        var keyRows = await _store.Tables.Get(TableNames.PersonKeys).QueryAsync<TableEntity>(r => r.PartitionKey.CompareTo("011002") > 0 && r.PartitionKey.CompareTo("011003") < 0).ToListAsync();
        Assert.DoesNotContain(keyRows, r => r.GetString("SubjectId") == "OLD");
    }

    [Fact]
    public async Task InterruptedScan_ResumesFromItsCheckpoint_WithoutDoubleWork()
    {
        for (var i = 0; i < 12; i++)
        {
            await SeedAsync(Sapporo, $"OLD{i}", doses: 1, deceasedOn: null);
        }

        using var full = new RetentionHarness(_store, Now, pageSize: 2);
        var fullScan = await full.Store.ScanAsync(Sapporo, "reference-run", new DateOnly(2032, 1, 1), maxPages: null, default);

        var interrupted = await full.Store.ScanAsync(Sapporo, "run-1", new DateOnly(2032, 1, 1), maxPages: 5, default);
        var resumed = await full.Store.ScanAsync(Sapporo, "run-1", new DateOnly(2032, 1, 1), maxPages: null, default);

        Assert.False(interrupted.Completed);
        Assert.True(resumed.Completed);
        Assert.Equal(fullScan.PagesProcessed, interrupted.PagesProcessed + resumed.PagesProcessed);
        Assert.Equal(12, resumed.ExpiredPersons);
        Assert.Equal(12, fullScan.ExpiredPersons);
    }

    [Fact]
    public async Task TwoSweepsOfTheSameRunAtOnce_ProduceOneProposalWithEachPersonOnce()
    {
        for (var i = 0; i < 20; i++)
        {
            await SeedAsync(Sapporo, $"OLD{i}", doses: 1, deceasedOn: null);
        }

        using var harness = new RetentionHarness(_store, Now, pageSize: 3);

        await Task.WhenAll(harness.Sweeps.SweepAsync(Sapporo, "run-1", default), harness.Sweeps.SweepAsync(Sapporo, "run-1", default));
        await harness.Sweeps.SweepAsync(Sapporo, "run-1", default);

        var proposals = await harness.Store.ListProposalsAsync(Sapporo, default);
        Assert.Equal(20, Assert.Single(proposals).Persons);
        Assert.Equal(20, (await harness.Store.ListProposalSubjectsAsync(Sapporo, "run-1", 100, default)).Distinct().Count());
    }

    [Fact]
    public async Task SweepOfOneTenant_LeavesAnotherTenantUntouched()
    {
        await SeedAsync(Sapporo, "OLD", doses: 1, deceasedOn: null);
        await SeedAsync(Asahikawa, "OLD", doses: 1, deceasedOn: null, myNumber: MyNumberFor(500));
        using var harness = new RetentionHarness(_store, Now.AddYears(20));
        var proposal = (await harness.Sweeps.SweepAsync(Sapporo, "run-1", default))!;
        await harness.Store.UpdateProposalAsync(Sapporo, proposal with { Status = ErasureProposalStatus.Approved, DecidedBy = "admin-1" }, default);

        await harness.Sweeps.ExecuteAsync(Sapporo, proposal.Id, default);

        Assert.Null(await _store.Subjects.GetAsync(Sapporo, Id("OLD")));
        Assert.NotNull(await _store.Subjects.GetAsync(Asahikawa, Id("OLD")));
        Assert.Single(await _store.Subjects.GetDosesAsync(Asahikawa, Id("OLD")));
        Assert.Empty(await harness.Store.ListProposalsAsync(Asahikawa, default));
    }

    [Fact]
    public async Task PersonVaccinatedAgainAfterTheProposal_IsKeptAtExecution()
    {
        await SeedAsync(Sapporo, "OLD", doses: 1, deceasedOn: null);
        using var harness = new RetentionHarness(_store, Now);
        var proposal = (await harness.Sweeps.SweepAsync(Sapporo, "run-1", default))!;
        await _store.Subjects.SaveDoseAsync(Sapporo, Dose("OLD", 2) with { Date = new DateOnly(2031, 10, 1) });
        await harness.Store.UpdateProposalAsync(Sapporo, proposal with { Status = ErasureProposalStatus.Approved, DecidedBy = "admin-1" }, default);

        await harness.Sweeps.ExecuteAsync(Sapporo, proposal.Id, default);

        var report = (await harness.Signer.VerifyReportAsync((await harness.Store.GetCertificateAsync(Sapporo, proposal.Id, 0, default))!, default))!;
        Assert.Equal(0, report.Persons);
        Assert.NotNull(await _store.Subjects.GetAsync(Sapporo, Id("OLD")));
    }

    [Fact]
    public async Task TenantWithAutomaticApproval_IsErasedByTheSweepItself()
    {
        var chiyoda = RetentionHarness.AutoApproving;
        await SeedAsync(chiyoda, "OLD", doses: 1, deceasedOn: null);
        using var harness = new RetentionHarness(_store, Now);

        var proposal = await harness.Sweeps.SweepAsync(chiyoda, "run-1", default);

        var executed = (await harness.Store.GetProposalAsync(chiyoda, proposal!.Id, default))!;
        Assert.Equal((ErasureProposalStatus.Executed, "system:auto-approval"), (executed.Status, executed.DecidedBy));
        Assert.Null(await _store.Subjects.GetAsync(chiyoda, Id("OLD")));
    }

    [Fact]
    public async Task Sweep_CallsEveryWorkingDataExpirerForTheTenant()
    {
        var expirer = new CountingExpirer();
        using var harness = new RetentionHarness(_store, Now, 1000, null, expirer);

        await harness.Sweeps.SweepAsync(Sapporo, "run-1", default);

        Assert.Equal(["011002"], expirer.Tenants);
    }

    [Fact]
    public async Task NightlyRun_EnqueuesOneSweepPerTenant_WithTheSameRunIdWhenRepeated()
    {
        using var harness = new RetentionHarness(_store, Now);

        var first = await harness.Sweeps.StartNightlyRunAsync(default);
        var second = await harness.Sweeps.StartNightlyRunAsync(default);

        Assert.Equal(first, second);
        Assert.Equal(6, harness.Queue.Items.Count);
        Assert.Equal(3, harness.Queue.Items.Select(i => i.Tenant).Distinct().Count());
    }

    private static SubjectId Id(string value) => SubjectId.TryCreate(value).Value;

    private static TicketNumber Ticket(string value) => TicketNumber.TryCreate(value).Value;

    private static DataQualityFlag Finding(string subjectId) =>
        new(Id(subjectId), "dose.interval_short", DataQualitySeverity.Warning, DoseNumber.TryCreate(1).Value, "test finding", null, Now);

    private async Task SeedAsync(Tenant tenant, string id, int doses, DateOnly? deceasedOn, string? myNumber = null)
    {
        var subject = Subject(id, myNumber ?? MyNumberFor(Math.Abs(id.GetHashCode(StringComparison.Ordinal)) % 1_000_000)) with
        {
            Flags = new SubjectFlags { DeceasedOn = deceasedOn },
        };
        Assert.True((await _store.Subjects.SaveAsync(tenant, subject)).IsSuccess);
        for (var n = 1; n <= doses; n++)
        {
            await _store.Subjects.SaveDoseAsync(tenant, Dose(id, n));
        }
    }

    private sealed class CountingExpirer : IWorkingDataExpirer
    {
        public List<string> Tenants { get; } = [];

        public string Name => "counting";

        public Task<int> ExpireAsync(Tenant tenant, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Tenants.Add(tenant.Code.Value);
            return Task.FromResult(0);
        }
    }
}
