using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Keys;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;
using Vaccination.SelfHost.Local;

namespace Vaccination.Benchmarks.Storage;

/// <summary>
/// Writes and reads the same N subjects with encryption (the real store) and without (the plaintext baseline)
/// against one Azurite in one run, with the same partitions, batching and parallelism, and reports throughput,
/// ratios and key-encryption-key calls.
/// </summary>
internal static class StorageBenchmark
{
    private static readonly Tenant Tenant = new(MunicipalityCode.Parse("012041"), "Asahikawa", "Hokkaido", 20, true, 16);

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var count = arguments.Number("subjects", 100_000);
        var parallelism = arguments.Number("parallelism", 8);
        var chunk = arguments.Number("chunk", 3200);
        using var azurite = await AzuriteProcess.StartAsync();
        var service = new TableServiceClient(azurite.ConnectionString);
        var subjects = MakeSubjects(count);
        var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine($"storage benchmark: {count:N0} subjects, parallelism {parallelism}, chunks of {chunk}, Azurite in memory");

        var plainTable = service.GetTableClient("PlainSubjects");
        var plainIndex = service.GetTableClient("PlainIndex");
        await plainTable.CreateIfNotExistsAsync();
        await plainIndex.CreateIfNotExistsAsync();
        var plain = new PlaintextSubjectStore(plainTable, plainIndex);

        var keyFolder = Directory.CreateTempSubdirectory("bench-keys").FullName;
        var keyFile = DevelopmentKeyFile.LoadOrCreate(Path.Combine(keyFolder, "keys.json"));
        var tables = new StorageTables(service, new TableNames("Bench"));
        await tables.EnsureCreatedAsync();
        var kek = new CountingKeyEncryptionKeyProvider(new DevelopmentKeyEncryptionKeyProvider(keyFile));
        var (store, ring, keys) = OpenStore(tables, kek);

        // Warm-up: JIT, connection pools and the tenant's keys, on subjects that are not measured.
        var warmUp = MakeSubjects(2_000, "W");
        await TimeAsync(warmUp.Chunk(chunk), parallelism, batch => plain.SaveManyAsync(Tenant, batch, default));
        await TimeAsync(warmUp.Chunk(chunk), parallelism, batch => store.SaveManyAsync(Tenant, batch, default));
        await TimeAsync(warmUp, parallelism, s => Expect(plain.GetAsync(Tenant, s.Id, default)));
        await TimeAsync(warmUp, parallelism, s => Expect(store.GetAsync(Tenant, s.Id, default)));

        var plainWrite = await TimeAsync(subjects.Chunk(chunk), parallelism, batch => plain.SaveManyAsync(Tenant, batch, default));
        var encryptedWrite = await TimeAsync(subjects.Chunk(chunk), parallelism, batch => store.SaveManyAsync(Tenant, batch, default));
        var plainRead = await TimeAsync(subjects, parallelism, s => Expect(plain.GetAsync(Tenant, s.Id, default)));
        var encryptedWarmRead = await TimeAsync(subjects, parallelism, s => Expect(store.GetAsync(Tenant, s.Id, default)));
        var kekCallsWriteAndWarmRead = kek.Calls;

        var coldKek = new CountingKeyEncryptionKeyProvider(new DevelopmentKeyEncryptionKeyProvider(keyFile));
        var (coldStore, coldRing, coldKeys) = OpenStore(tables, coldKek);
        var encryptedColdRead = await TimeAsync(subjects, parallelism, s => Expect(coldStore.GetAsync(Tenant, s.Id, default)));

        Report("write, plaintext baseline", plainWrite, count);
        Report("write, encrypted", encryptedWrite, count);
        Report("read, plaintext baseline", plainRead, count);
        Report("read, encrypted (keys cached)", encryptedWarmRead, count);
        Report("read, encrypted (cold instance)", encryptedColdRead, count);
        Console.WriteLine($"ratio write encrypted/plaintext: {plainWrite.TotalSeconds / encryptedWrite.TotalSeconds:F2}");
        Console.WriteLine($"ratio read (cached) encrypted/plaintext: {plainRead.TotalSeconds / encryptedWarmRead.TotalSeconds:F2}");
        Console.WriteLine($"ratio read (cold) encrypted/plaintext: {plainRead.TotalSeconds / encryptedColdRead.TotalSeconds:F2}");
        Console.WriteLine($"ratio write+read (cached) encrypted/plaintext: {(plainWrite + plainRead).TotalSeconds / (encryptedWrite + encryptedWarmRead).TotalSeconds:F2}");
        Console.WriteLine($"key-encryption-key calls: {kekCallsWriteAndWarmRead} for write + cached read, {coldKek.Calls} for the cold read of {count:N0} subjects");

        process.Refresh();
        Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB");
        foreach (var disposable in new IDisposable[] { ring, keys, coldRing, coldKeys })
        {
            disposable.Dispose();
        }

        Directory.Delete(keyFolder, recursive: true);
        return 0;
    }

    private static (TableSubjectStore Store, TenantKeyRing Ring, PersonKeyStore Keys) OpenStore(StorageTables tables, CountingKeyEncryptionKeyProvider kek)
    {
        var options = Options.Create(new KeyCacheOptions());
        var ring = new TenantKeyRing(tables, kek, options);
        var keys = new PersonKeyStore(tables, ring, options);
        return (new TableSubjectStore(tables, keys), ring, keys);
    }

    private static List<VaccinationSubject> MakeSubjects(int count, string prefix = "B") => Enumerable.Range(0, count).Select(i => new VaccinationSubject(
        SubjectId.TryCreate($"{prefix}{i:D8}").Value,
        MyNumber.TryCreate(MyNumbers.For(prefix == "B" ? i : 50_000_000 + i)).Value,
        $"Benchmark Person {i}",
        new DateOnly(1950, 1, 1).AddDays(i % 20_000),
        (Sex)(1 + (i % 2)),
        [TicketNumber.TryCreate($"{i:D10}").Value],
        SubjectFlags.None)).ToList();

    private static async Task Expect(Task<VaccinationSubject?> read)
    {
        if (await read is null)
        {
            throw new InvalidOperationException("A written subject could not be read back.");
        }
    }

    private static async Task<TimeSpan> TimeAsync<T>(IEnumerable<T> items, int parallelism, Func<T, Task> work)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await work(item));
        return watch.Elapsed;
    }

    private static void Report(string name, TimeSpan elapsed, int count) =>
        Console.WriteLine($"{name,-36} {elapsed.TotalSeconds,8:F1} s {count / elapsed.TotalSeconds,10:N0} subjects/s");
}
