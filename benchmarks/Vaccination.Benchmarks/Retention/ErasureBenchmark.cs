using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vaccination.Application.Retention;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Keys;
using Vaccination.Infrastructure.Retention;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;
using Vaccination.SelfHost.Local;

namespace Vaccination.Benchmarks.Retention;

/// <summary>
/// Erases N persons with four doses each through an approved proposal (keys shredded, then rows deleted) and, in the
/// same run on the same Azurite, batch-deletes a raw copy of exactly the same rows; reports times, the ratio and memory.
/// With <c>--raw-azurite separate</c> the raw copy lives in a second Azurite process and both deletions run at the same
/// time, one emulator (one core) each: Azurite's in-memory tables pay a cost per deleted row that grows with the
/// table's size, so at 1,000,000 dose rows the two deletions one after the other take hours (docs/benchmarks.md).
/// </summary>
internal static class ErasureBenchmark
{
    private static readonly Tenant Tenant = new(MunicipalityCode.Parse("011002"), "Sapporo", "Hokkaido", 5, true, 16);

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var persons = arguments.Number("persons", 250_000);
        var parallelism = arguments.Number("parallelism", 8);
        var separate = arguments.Options.TryGetValue("raw-azurite", out var rawAzurite) && rawAzurite == "separate";
        using var azurite = await AzuriteProcess.StartAsync();
        using var rawEmulator = separate ? await AzuriteProcess.StartAsync() : null;
        var service = new TableServiceClient(azurite.ConnectionString);
        var tables = new StorageTables(service, new TableNames("Erase"));
        await tables.EnsureCreatedAsync();
        var keyFolder = Directory.CreateTempSubdirectory("erase-bench").FullName;
        var keyFile = DevelopmentKeyFile.LoadOrCreate(Path.Combine(keyFolder, "keys.json"));
        var options = Options.Create(new KeyCacheOptions());
        using var ring = new TenantKeyRing(tables, new DevelopmentKeyEncryptionKeyProvider(keyFile), options);
        using var personKeys = new PersonKeyStore(tables, ring, options);
        var store = new TableSubjectStore(tables, personKeys);
        Console.WriteLine($"erasure benchmark: {persons:N0} persons x 4 doses, parallelism {parallelism}, Azurite in memory" +
            (separate ? ", raw copy in a second Azurite, both deletions at once" : string.Empty));

        var seed = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, persons).Chunk(3200), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (chunk, ct) =>
        {
            var subjects = chunk.Select(MakeSubject).ToList();
            await store.SaveManyAsync(Tenant, subjects, ct);
            await store.SaveDosesAsync(Tenant, subjects.SelectMany(s => Enumerable.Range(1, 4).Select(n => MakeDose(s.Id, n))).ToList(), ct);
        });
        Console.WriteLine($"seeded in {seed.Elapsed.TotalSeconds:F0} s");

        var rawService = rawEmulator is null ? service : new TableServiceClient(rawEmulator.ConnectionString);
        var copies = await CopyToRawTablesAsync(rawService, tables, parallelism);
        Console.WriteLine($"raw copy: {copies.Sum(c => c.Rows.Count):N0} rows in {copies.Count} tables");

        using var signing = new DevelopmentSigningKeyProvider(keyFile);
        var retention = new TableRetentionStore(tables, personKeys, [], new RetentionOptions());
        var sweeps = new RetentionSweepService(new TenantRegistry([Tenant]), retention, new NoWork(), new JwsDeletionReportSigner(signing), [], TimeProvider.System, NullLogger<RetentionSweepService>.Instance);
        var scan = Stopwatch.StartNew();
        var proposal = (await sweeps.SweepAsync(Tenant, "bench", default))!;
        Console.WriteLine($"sweep (scan + proposal of {proposal.Persons:N0} persons): {scan.Elapsed.TotalSeconds:F1} s");
        await retention.UpdateProposalAsync(Tenant, proposal with { Status = ErasureProposalStatus.Approved, DecidedBy = "benchmark" }, default);

        using var memory = new PeakMemorySampler();
        var erase = Stopwatch.StartNew();
        var rawWatch = new Stopwatch();
        var erasing = Task.Run(async () =>
        {
            await sweeps.ExecuteAsync(Tenant, proposal.Id, default);
            erase.Stop();
        });
        long erasePeak = 0;
        if (!separate)
        {
            await erasing;
            erasePeak = memory.PeakMiB;
            memory.Reset();
        }

        rawWatch.Start();
        await DeleteRawAsync(copies, parallelism);
        rawWatch.Stop();
        await erasing;
        erasePeak = separate ? memory.PeakMiB : erasePeak;
        var raw = rawWatch;
        var certificate = (await retention.GetProposalAsync(Tenant, proposal.Id, default))!;
        Console.WriteLine($"erasure through the approved proposal: {erase.Elapsed.TotalSeconds,7:F1} s  peak working set {erasePeak:N0} MiB  (certificate {certificate.CertificateId})");
        Console.WriteLine($"raw batch deletes of the same rows:    {raw.Elapsed.TotalSeconds,7:F1} s  peak working set {memory.PeakMiB:N0} MiB" +
            (separate ? " (both at once: the peaks are of the two together)" : string.Empty));
        Console.WriteLine($"ratio raw/erasure: {raw.Elapsed.TotalSeconds / erase.Elapsed.TotalSeconds:F2}");
        Directory.Delete(keyFolder, recursive: true);
        return 0;
    }

    private static async Task DeleteRawAsync(List<(TableClient Table, List<TableEntity> Rows)> copies, int parallelism)
    {
        foreach (var copy in copies)
        {
            await Parallel.ForEachAsync(copy.Rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(TableBatch.MaxSize)),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                async (batch, ct) => await copy.Table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r)), ct));
        }
    }

    private static async Task<List<(TableClient Table, List<TableEntity> Rows)>> CopyToRawTablesAsync(TableServiceClient service, StorageTables tables, int parallelism)
    {
        var copies = new List<(TableClient, List<TableEntity>)>();
        foreach (var name in new[] { TableNames.Doses, TableNames.Subjects, TableNames.PersonKeys })
        {
            var target = service.GetTableClient("Raw" + name);
            await target.CreateIfNotExistsAsync();
            var rows = await tables.Get(name).QueryAsync<TableEntity>().ToListAsync();
            await Parallel.ForEachAsync(rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(TableBatch.MaxSize)),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                async (batch, ct) => await target.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct));
            var keysOnly = rows.Select(r => new TableEntity(r.PartitionKey, r.RowKey)).ToList();
            copies.Add((target, keysOnly));
        }

        return copies;
    }

    private static VaccinationSubject MakeSubject(int i) => new(
        SubjectId.TryCreate($"E{i:D8}").Value,
        MyNumber.TryCreate(MyNumbers.For(i)).Value,
        $"Erasure Person {i}",
        new DateOnly(1940, 1, 1).AddDays(i % 25_000),
        Sex.Female,
        [TicketNumber.TryCreate($"{i:D10}").Value],
        SubjectFlags.None);

    private static DoseRecord MakeDose(SubjectId id, int number) => new(
        id, DoseNumber.TryCreate(number).Value, new DateOnly(2021, 3, 1).AddDays(60 * number), "Pfizer", "Comirnaty", "mRNA",
        string.Create(CultureInfo.InvariantCulture, $"LOT{number:D3}"), "Sapporo Dome", null, null, Tenant.Code, DateTimeOffset.UtcNow);

    private sealed class NoWork : IRetentionWorkSender
    {
        public Task EnqueueAsync(RetentionWorkItem item, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
