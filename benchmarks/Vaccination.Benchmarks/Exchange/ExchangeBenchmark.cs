using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.DependencyInjection;
using Vaccination.Infrastructure.Storage;
using Vaccination.SelfHost.Local;

namespace Vaccination.Benchmarks.Exchange;

/// <summary>
/// Inquiry round trips on the real self-host with Azurite and two tenants (Sapporo asks Asahikawa), timed from the POST
/// until the self-host's callback reports the result stored, against a raw enqueue-to-dequeue round trip on the same
/// Azurite in the same run; then one bulk inquiry of N movers, timed from the POST until the last callback.
/// </summary>
internal static class ExchangeBenchmark
{
    private const string Prefix = "Bx";
    private const int WarmUp = 20;

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var samples = arguments.Number("samples", 200);
        var movers = arguments.Number("movers", 10_000);
        var waitMinutes = arguments.Number("wait-minutes", 60);
        using var azurite = await AzuriteProcess.StartAsync();
        var keyFile = Path.Combine(Directory.CreateTempSubdirectory("bench-exchange-keys").FullName, "keys.json");
        using var callbacks = new CallbackListener();
        using var host = await ExchangeSelfHost.StartAsync(azurite.ConnectionString, Prefix, keyFile, callbacks.Address);
        await using var services = BuildServices(azurite.ConnectionString, keyFile);
        var store = services.GetRequiredService<ISubjectStore>();
        var registry = services.GetRequiredService<TenantRegistry>();
        var sapporo = registry.Find("011002")!;
        var asahikawa = registry.Find("012041")!;
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http));
        Console.WriteLine($"exchange benchmark: {samples} round trips (+{WarmUp} warm-up), bulk of {movers:N0} movers, self-host + Azurite in memory, 2 cores");

        await SeedAsync(store, sapporo, asahikawa, 0, samples + WarmUp, dosesEach: 3);
        var raw = await RawRoundTripsAsync(azurite.ConnectionString, samples);
        var inquiries = new List<double>();
        for (var i = 0; i < samples + WarmUp; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var id = await PostInquiryAsync(http, i);
            var ended = await callbacks.WhenEndedAsync(id).WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= WarmUp)
            {
                inquiries.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
            }
        }

        Report("raw enqueue->dequeue", raw);
        Report("inquiry round trip", inquiries);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio p50 {Percentile(inquiries, 0.50) / Percentile(raw, 0.50):F1}x, p99 {Percentile(inquiries, 0.99) / Percentile(raw, 0.99):F1}x"));

        var seedStarted = Stopwatch.GetTimestamp();
        await SeedAsync(store, sapporo, asahikawa, 1_000_000, movers, dosesEach: 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {movers:N0} movers in {Stopwatch.GetElapsedTime(seedStarted).TotalSeconds:F1} s"));
        var bulkStarted = Stopwatch.GetTimestamp();
        var jobId = await PostBulkAsync(http, movers);
        var accepted = Stopwatch.GetElapsedTime(bulkStarted);
        var ends = await Task.WhenAll(Enumerable.Range(1, movers).Select(line => callbacks.WhenEndedAsync(InquiryId.ForJob(jobId, line).Value)))
            .WaitAsync(TimeSpan.FromMinutes(waitMinutes));
        var total = Stopwatch.GetElapsedTime(bulkStarted, ends.Max());
        var progress = await http.GetFromJsonAsync<JsonElement>($"api/municipalities/011002/inquiry-jobs/{jobId}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bulk {movers:N0} movers: accepted (validated, stored, sent) in {accepted.TotalSeconds:F1} s; all results stored in {total.TotalSeconds:F1} s; " +
            $"{movers / total.TotalSeconds:F0} movers/s; provided {progress.GetProperty("provided").GetInt32()}, failed {progress.GetProperty("failed").GetInt32()}"));
        return 0;
    }

    private static ServiceProvider BuildServices(string connectionString, string keyFile)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = connectionString,
                ["Storage:NamePrefix"] = Prefix,
                ["Keys:DevelopmentKeyFile"] = keyFile,
            })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddVaccinationServices(configuration, new BenchmarkHostEnvironment());
        return services.BuildServiceProvider();
    }

    /// <summary>People at B (with My Number and doses) and the same people at A (newcomers, no My Number held yet).</summary>
    private static async Task SeedAsync(ISubjectStore store, Tenant sapporo, Tenant asahikawa, int first, int count, int dosesEach)
    {
        var atB = Enumerable.Range(first, count).Select(i => Person($"B{i}", MyNumbers.For(i))).ToList();
        var atA = Enumerable.Range(first, count).Select(i => Person($"A{i}", null)).ToList();
        foreach (var chunk in atB.Chunk(2000))
        {
            await store.SaveManyAsync(asahikawa, chunk);
        }

        foreach (var chunk in atA.Chunk(2000))
        {
            await store.SaveManyAsync(sapporo, chunk);
        }

        await Parallel.ForEachAsync(atB, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (person, ct) =>
        {
            for (var dose = 1; dose <= dosesEach; dose++)
            {
                await store.SaveDoseAsync(asahikawa, new DoseRecord(person.Id, DoseNumber.TryCreate(dose).Value, new DateOnly(2021, 6, 1).AddDays(28 * dose),
                    "Pfizer", "Comirnaty", "mRNA", "FA5765", "Bench Clinic", null, null, asahikawa.Code, DateTimeOffset.UtcNow), ct);
            }
        });
    }

    private static VaccinationSubject Person(string id, string? myNumber) => new(
        SubjectId.TryCreate(id).Value, myNumber is null ? null : MyNumber.TryCreate(myNumber).Value, "Bench Person", new DateOnly(1980, 1, 1),
        Sex.NotKnown, [], SubjectFlags.None);

    private static async Task<List<double>> RawRoundTripsAsync(string connectionString, int samples)
    {
        var queue = new QueueClient(connectionString, "bxraw", StorageQueues.ClientOptions());
        await queue.CreateIfNotExistsAsync();
        var times = new List<double>();
        for (var i = 0; i < samples + WarmUp; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await queue.SendMessageAsync("{\"sample\":" + i.ToString(CultureInfo.InvariantCulture) + "}");
            while (true)
            {
                var received = (await queue.ReceiveMessageAsync()).Value;
                if (received is not null)
                {
                    await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
                    break;
                }
            }

            if (i >= WarmUp)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return times;
    }

    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("api/dev/tokens", new { role = "municipal-admin", municipality = "011002", actor = "bench" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<string> PostInquiryAsync(HttpClient http, int index)
    {
        using var response = await http.PostAsJsonAsync("api/municipalities/011002/inquiries", new
        {
            subjectId = $"A{index}",
            myNumber = MyNumbers.For(index),
            formerMunicipality = "012041",
            legalBasis = "mynumber-act-19-16",
            consentReference = "BENCH-CONSENT",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> PostBulkAsync(HttpClient http, int movers)
    {
        var csv = new StringBuilder("subjectId,myNumber,formerMunicipality,legalBasis,consentReference\n");
        for (var i = 1_000_000; i < 1_000_000 + movers; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"A{i},{MyNumbers.For(i)},012041,mynumber-act-19-8-t2-16-3,\n");
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var response = await http.PostAsync(new Uri("api/municipalities/011002/inquiry-jobs", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!
            : throw new InvalidOperationException($"Bulk inquiry refused: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
    }

    private static void Report(string name, List<double> milliseconds) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-22} n={milliseconds.Count} p50 {Percentile(milliseconds, 0.50):F1} ms, p99 {Percentile(milliseconds, 0.99):F1} ms, max {milliseconds.Max():F1} ms"));

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private sealed class BenchmarkHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "Vaccination.Benchmarks";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
