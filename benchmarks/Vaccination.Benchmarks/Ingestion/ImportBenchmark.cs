using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Ingestion.Import;
using Vaccination.Application.Subjects;
using Vaccination.Application.Tenants;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Ingestion;
using Vaccination.Infrastructure.Keys;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;
using Vaccination.SelfHost.Local;

namespace Vaccination.Benchmarks.Ingestion;

/// <summary>
/// Bulk import of a generated VRS CSV export (N people x D doses, streamed from a file) through the real import
/// service (parse, validate, read the stored subjects and person keys, encrypt, one transaction per line) against raw
/// batch inserts of the same dose rows (plain entities, same partitions, batches of 100, same parallelism), same
/// Azurite, same run; with the working set sampled while each runs.
/// </summary>
internal static class ImportBenchmark
{
    private static readonly Tenant Tenant = new(MunicipalityCode.Parse("012041"), "Asahikawa", "Hokkaido", 20, true, 16);

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var people = arguments.Number("people", 500_000);
        var dosesPerLine = arguments.Number("doses-per-line", 2);
        var parallelism = arguments.Number("parallelism", 8);
        using var azurite = await AzuriteProcess.StartAsync();
        var service = new TableServiceClient(azurite.ConnectionString);
        var tables = new StorageTables(service, new TableNames("BenchImp"));
        await tables.EnsureCreatedAsync();
        var keyFile = DevelopmentKeyFile.LoadOrCreate(Path.Combine(Directory.CreateTempSubdirectory("bench-import-keys").FullName, "keys.json"));
        var csvPath = Path.Combine(Path.GetTempPath(), $"vrs-export-{Guid.NewGuid():N}.csv");
        Console.WriteLine($"ingestion import benchmark: {people:N0} lines x {dosesPerLine} doses = {people * dosesPerLine:N0} dose rows, parallelism {parallelism}, Azurite in memory");

        try
        {
            var watch = Stopwatch.StartNew();
            await WriteCsvAsync(csvPath, people, dosesPerLine);
            Console.WriteLine($"setup: CSV of {new FileInfo(csvPath).Length / (1024 * 1024):N0} MiB written in {watch.Elapsed.TotalSeconds:F1} s");
            watch.Restart();
            await RegisterAsync(tables, keyFile, people, parallelism);
            Console.WriteLine($"setup: {people:N0} subjects stored (encrypted, not timed) in {watch.Elapsed.TotalSeconds:F1} s");

            using var sampler = new PeakMemorySampler();
            GC.Collect();
            var baselineMemory = sampler.PeakMiB;
            sampler.Reset();
            var raw = await RawInsertAsync(service, people, dosesPerLine, parallelism);
            var rawPeak = sampler.PeakMiB;
            var rows = people * dosesPerLine;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw batch inserts of the same rows   {rows,10:N0} rows in {raw.TotalSeconds,7:F1} s = {rows / raw.TotalSeconds,8:N0} rows/s, peak working set {rawPeak:N0} MiB"));

            GC.Collect();
            sampler.Reset();
            var (import, summary, samples) = await ImportAsync(tables, keyFile, csvPath, sampler);
            var importPeak = sampler.PeakMiB;

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bulk import (CSV, validated, encrypted) {summary.DosesWritten,8:N0} rows in {import.TotalSeconds,7:F1} s = {summary.DosesWritten / import.TotalSeconds,8:N0} rows/s, peak working set {importPeak:N0} MiB"));
            Console.WriteLine($"lines imported {summary.RowsImported:N0}, refused {summary.RowsFailed:N0}; working set before the runs {baselineMemory:N0} MiB");
            Console.WriteLine("working set during the import (MiB, at 10% steps): " + string.Join(", ", samples));
            Console.WriteLine($"ratio import / raw: {raw.TotalSeconds / import.TotalSeconds:F2}");
            return summary.RowsFailed == 0 ? 0 : 1;
        }
        finally
        {
            File.Delete(csvPath);
        }
    }

    private static string SubjectOf(int i) => string.Create(CultureInfo.InvariantCulture, $"IMP{i:D8}");

    private static DateOnly DateOf(int dose) => new DateOnly(2021, 6, 1).AddDays(28 * (dose - 1));

    private static async Task WriteCsvAsync(string path, int people, int dosesPerLine)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        var header = new StringBuilder(VrsExportFormat.SubjectColumn);
        for (var d = 0; d < dosesPerLine; d++)
        {
            header.Append(',').Append(string.Join(',', VrsExportFormat.BlockColumns));
        }

        await writer.WriteLineAsync(header.ToString());
        var line = new StringBuilder();
        for (var i = 0; i < people; i++)
        {
            line.Clear().Append(SubjectOf(i));
            for (var d = 1; d <= dosesPerLine; d++)
            {
                var date = DateOf(d);
                line.Append(CultureInfo.InvariantCulture, $",{date:yyyyMMdd}101500,{date:yyyyMMdd},{1_000_000_000 + i},12041,旭川市民会館,医師 一郎,ファイザー,FA{5000 + d}");
            }

            await writer.WriteLineAsync(line.ToString());
        }
    }

    private static async Task RegisterAsync(StorageTables tables, DevelopmentKeyFile keyFile, int people, int parallelism)
    {
        var options = Options.Create(new KeyCacheOptions());
        using var ring = new TenantKeyRing(tables, new DevelopmentKeyEncryptionKeyProvider(keyFile), options);
        using var keys = new PersonKeyStore(tables, ring, options);
        var store = new TableSubjectStore(tables, keys);
        var chunks = Enumerable.Range(0, people).Chunk(3_200);
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (chunk, ct) =>
        {
            var subjects = chunk.Select(i => new VaccinationSubject(
                SubjectId.TryCreate(SubjectOf(i)).Value, null, "ベンチ 花子", new DateOnly(1970, 1, 1), Sex.Female,
                [TicketNumber.TryCreate((1_000_000_000 + i).ToString(CultureInfo.InvariantCulture)).Value], SubjectFlags.None)).ToList();
            await store.SaveManyAsync(Tenant, subjects, ct);
        });
    }

    private static async Task<TimeSpan> RawInsertAsync(TableServiceClient service, int people, int dosesPerLine, int parallelism)
    {
        var table = service.GetTableClient("BenchRawDoses");
        await table.CreateIfNotExistsAsync();
        var watch = Stopwatch.StartNew();
        var chunks = Enumerable.Range(0, people).Chunk(1_000);
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 1 }, async (chunk, ct) =>
        {
            var entities = chunk.SelectMany(i => Enumerable.Range(1, dosesPerLine).Select(d =>
            {
                var id = SubjectId.TryCreate(SubjectOf(i)).Value;
                var date = DateOf(d);
                return new TableEntity(PartitionKeys.ForSubject(Tenant, id), string.Create(CultureInfo.InvariantCulture, $"{id.Value}_{d:D3}"))
                {
                    ["SubjectId"] = id.Value,
                    ["DoseNumber"] = d,
                    ["Date"] = date.ToString("O", CultureInfo.InvariantCulture),
                    ["Manufacturer"] = "Pfizer",
                    ["Product"] = "Comirnaty",
                    ["VaccineType"] = "mRNA",
                    ["LotNumber"] = "FA" + (5000 + d),
                    ["SiteName"] = "旭川市民会館",
                    ["PhysicianName"] = "医師 一郎",
                    ["Ticket"] = (1_000_000_000 + i).ToString(CultureInfo.InvariantCulture),
                    ["AdministeredBy"] = "012041",
                    ["RecordedAt"] = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 15)), TimeSpan.FromHours(9)),
                };
            }));
            var batches = entities.GroupBy(e => e.PartitionKey).SelectMany(g => g.Chunk(TableBatch.MaxSize));
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (batch, inner) =>
                await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), inner));
        });
        return watch.Elapsed;
    }

    private static async Task<(TimeSpan, ImportProgress, List<long>)> ImportAsync(StorageTables tables, DevelopmentKeyFile keyFile, string csvPath, PeakMemorySampler sampler)
    {
        var options = Options.Create(new KeyCacheOptions());
        using var ring = new TenantKeyRing(tables, new DevelopmentKeyEncryptionKeyProvider(keyFile), options);
        using var keys = new PersonKeyStore(tables, ring, options);
        var store = new TableSubjectStore(tables, keys);
        var clock = TimeProvider.System;
        var registry = new TenantRegistry([Tenant]);
        var stages = new TimedImportStages(new TableImportSubjectReader(store), new TableImportDoseWriter(store));
        var service = new VrsImportService(
            new TenantAccess(registry), new VrsExportCsvReader(), stages, stages, new TableDataQualityStore(tables),
            new WebhookEventValidator(clock, registry, new SubjectRequestValidator(clock)), clock, NullLogger<VrsImportService>.Instance);
        var report = new SamplingReport(sampler, new FileInfo(csvPath).Length);
        var watch = Stopwatch.StartNew();
        using var csv = new StreamReader(csvPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        report.Stream = csv.BaseStream;
        var summary = await service.ImportAsync(Tenant, csv, report, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import stages (they overlap): reading subjects and keys {stages.Reading.TotalSeconds:F1} s, writing doses {stages.Writing.TotalSeconds:F1} s"));
        return (watch.Elapsed, summary, report.Samples);
    }

    /// <summary>Prints progress every 10% of the file and records the working set at each step.</summary>
    private sealed class SamplingReport(PeakMemorySampler sampler, long fileLength) : IImportReport
    {
        private int _nextStep = 1;

        public Stream? Stream { get; set; }

        public List<long> Samples { get; } = [];

        public ValueTask ProgressAsync(ImportProgress progress, CancellationToken cancellationToken)
        {
            var done = Stream is null ? 0 : (double)Stream.Position / fileLength;
            if (done * 10 >= _nextStep)
            {
                _nextStep++;
                Samples.Add(sampler.PeakMiB);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  progress {done:P0}: {progress.RowsRead:N0} lines, {progress.DosesWritten:N0} doses, {progress.RowsFailed:N0} refused, {progress.Elapsed.TotalSeconds:F0} s"));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask RowFailedAsync(ImportRowError error, CancellationToken cancellationToken)
        {
            if (Samples.Count == 0)
            {
                Console.WriteLine($"  refused line {error.Line}: {error.Code} {error.Field}");
            }

            return ValueTask.CompletedTask;
        }
    }
}
