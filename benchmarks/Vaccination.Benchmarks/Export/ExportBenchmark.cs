using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Vaccination.Application.Export;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Export;
using Vaccination.Infrastructure.Keys;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;
using Vaccination.SelfHost.Local;

namespace Vaccination.Benchmarks.Export;

/// <summary>
/// The ledger CSV export of N dose rows (N/4 persons with 4 doses each): seeded through the real store, then exported by
/// <see cref="RecordExportService"/> on a fresh instance (no person key cached) into a counting stream, with throughput,
/// peak working set and peak managed heap during the export only. A raw scan of the same dose rows (no keys, no
/// decryption, no CSV) in the same run is the reference.
/// </summary>
internal static class ExportBenchmark
{
    private const int SeedChunk = 3_200;
    private static readonly Tenant Tenant = new(MunicipalityCode.Parse("012041"), "Asahikawa", "Hokkaido", 20, true, 16);

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var doses = arguments.Number("doses", 1_000_000);
        var parallelism = arguments.Number("parallelism", 8);
        var keyCache = arguments.Number("key-cache", new KeyCacheOptions().PersonKeyCapacity);
        var persons = doses / 4;
        using var azurite = await AzuriteProcess.StartAsync();
        var keyFolder = Directory.CreateTempSubdirectory("bench-export-keys").FullName;
        var keyFile = DevelopmentKeyFile.LoadOrCreate(Path.Combine(keyFolder, "keys.json"));
        var tables = new StorageTables(new TableServiceClient(azurite.ConnectionString), new TableNames("Bench"));
        await tables.EnsureCreatedAsync();
        Console.WriteLine($"export benchmark: {persons:N0} persons x 4 doses = {persons * 4L:N0} dose rows, 16 partitions, person-key cache {keyCache:N0}, Azurite in memory");

        var seeding = Stopwatch.StartNew();
        using (var ring = new TenantKeyRing(tables, new DevelopmentKeyEncryptionKeyProvider(keyFile), Options.Create(new KeyCacheOptions())))
        using (var keys = new PersonKeyStore(tables, ring, Options.Create(new KeyCacheOptions())))
        {
            var store = new TableSubjectStore(tables, keys);
            await Parallel.ForEachAsync(Enumerable.Range(0, (persons + SeedChunk - 1) / SeedChunk), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (chunk, ct) =>
            {
                var subjects = Enumerable.Range(chunk * SeedChunk, Math.Min(SeedChunk, persons - (chunk * SeedChunk))).Select(Subject).ToList();
                await store.SaveManyAsync(Tenant, subjects, ct);
                await store.SaveDosesAsync(Tenant, subjects.SelectMany(s => Enumerable.Range(1, 4).Select(n => Dose(s.Id, n))).ToList(), ct);
            });
        }

        Console.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:F0} s");
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var raw = await RawScanAsync(tables);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw scan of dose rows (reference) {raw.Rows,10:N0} rows in {raw.Elapsed.TotalSeconds,6:F1} s = {raw.Rows / raw.Elapsed.TotalSeconds,8:N0} rows/s"));
        GC.Collect();

        using var coldRing = new TenantKeyRing(tables, new DevelopmentKeyEncryptionKeyProvider(keyFile), Options.Create(new KeyCacheOptions()));
        using var coldKeys = new PersonKeyStore(tables, coldRing, Options.Create(new KeyCacheOptions { PersonKeyCapacity = keyCache }));
        var export = new RecordExportService(new TenantAccess(new TenantRegistry([Tenant])), new TableLedgerReader(tables, coldKeys));
        using var sampler = new PeakMemorySampler();
        var baselineMiB = sampler.PeakMiB;
        sampler.Reset();
        var output = new CountingStream();
        var watch = Stopwatch.StartNew();
        var rows = await export.WriteAsync(Tenant, output, default);
        var elapsed = watch.Elapsed;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ledger CSV export                 {rows,10:N0} rows in {elapsed.TotalSeconds,6:F1} s = {rows / elapsed.TotalSeconds,8:N0} rows/s, {output.Length / elapsed.TotalSeconds / (1024 * 1024),5:F1} MiB/s, {output.Length / (1024.0 * 1024):F0} MiB written"));
        Console.WriteLine($"peak working set during export: {sampler.PeakMiB:N0} MiB (before: {baselineMiB:N0} MiB); peak managed heap during export (with uncollected garbage): {output.PeakManagedBytes / (1024 * 1024):N0} MiB");
        Console.WriteLine($"managed heap retained after the export (full collection; the person-key cache is still alive): {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024):N0} MiB");
        Console.WriteLine($"ratio export/raw scan: {raw.Elapsed.TotalSeconds / elapsed.TotalSeconds:F2}");
        Directory.Delete(keyFolder, recursive: true);
        return rows == persons * 4L && output.Lines == rows + 1 ? 0 : 1;
    }

    private static async Task<(long Rows, TimeSpan Elapsed)> RawScanAsync(StorageTables tables)
    {
        var watch = Stopwatch.StartNew();
        long rows = 0;
        foreach (var partition in PartitionKeys.AllForTenant(Tenant))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var _ in tables.Get(TableNames.Doses).QueryAsync<TableEntity>(filter))
            {
                rows++;
            }
        }

        return (rows, watch.Elapsed);
    }

    private static VaccinationSubject Subject(int i) => new(
        SubjectId.TryCreate(string.Create(CultureInfo.InvariantCulture, $"E{i:D8}")).Value,
        MyNumber.TryCreate(MyNumbers.For(i)).Value,
        $"輸出 太郎{i}",
        new DateOnly(1950, 1, 1).AddDays(i % 20_000),
        Sex.Male,
        [TicketNumber.TryCreate(string.Create(CultureInfo.InvariantCulture, $"{i:D10}")).Value],
        SubjectFlags.None);

    private static DoseRecord Dose(SubjectId subject, int number) => new(
        subject,
        DoseNumber.TryCreate(number).Value,
        new DateOnly(2021, 6, 1).AddDays(90 * (number - 1)),
        "Pfizer",
        "Comirnaty",
        "mRNA",
        "FA5765",
        "旭川市民会館",
        "佐藤 医師",
        null,
        Tenant.Code,
        DateTimeOffset.UtcNow);
}
