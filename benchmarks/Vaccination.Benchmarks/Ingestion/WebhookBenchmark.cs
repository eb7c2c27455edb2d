using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Vaccination.Application.Ingestion;
using Vaccination.SelfHost.Local;

namespace Vaccination.Benchmarks.Ingestion;

/// <summary>
/// Webhook throughput through the real self-host over loopback (bearer token, HMAC signature, validation, ticket and
/// subject reads, encryption, idempotency record) against a bare endpoint that writes one entity per call, same run,
/// same Azurite, same client parallelism and the same event bodies; then the same number of events sent with
/// "Prefer: respond-async" (acknowledged once stored and queued), timed until acknowledged and until all applied.
/// </summary>
internal static class WebhookBenchmark
{
    private const string Municipality = "012041";

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var events = arguments.Number("events", 10_000);
        var parallelism = arguments.Number("parallelism", 16);
        var subjects = events / 2;
        using var azurite = await AzuriteProcess.StartAsync();
        using var host = await IngestionSelfHost.StartAsync(azurite.ConnectionString);
        var bareTable = new TableServiceClient(azurite.ConnectionString).GetTableClient("BareEvents");
        await bareTable.CreateIfNotExistsAsync();
        await using var bare = await BareEndpoint.StartAsync(bareTable);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallelism * 2 }) { Timeout = TimeSpan.FromMinutes(2) };
        Console.WriteLine($"ingestion webhook benchmark: {events:N0} dose.recorded events ({subjects:N0} subjects x 2 doses), parallelism {parallelism}, Azurite in memory");

        var token = await TokenAsync(http, host.BaseAddress);
        var secret = await SecretAsync(http, host.BaseAddress);
        var watch = Stopwatch.StartNew();
        await RegisterAsync(http, host.BaseAddress, token, secret, "B", subjects, parallelism);
        await RegisterAsync(http, host.BaseAddress, token, secret, "Q", subjects, parallelism);
        await RegisterAsync(http, host.BaseAddress, token, secret, "W", 200, parallelism);
        Console.WriteLine($"setup: {(2 * subjects) + 200:N0} subjects registered through the batch webhook in {watch.Elapsed.TotalSeconds:F1} s");

        // Warm-up on other subjects: JIT, connection pools, tenant keys, person-key cache of the warm-up subjects only.
        await SendAllAsync(http, Doses("W", 200), parallelism, e => SelfHostRequest(host.BaseAddress, token, secret, e));
        await SendAllAsync(http, Doses("W", 200), parallelism, e => BareRequest(bare.BaseAddress, e));
        await SendAllAsync(http, Doses("W", 200), parallelism, e => SelfHostRequest(host.BaseAddress, token, secret, e, respondAsync: true));

        var bodies = Doses("B", subjects);
        var queuedBodies = Doses("Q", subjects);
        var selfHost = await SendAllAsync(http, bodies, parallelism, e => SelfHostRequest(host.BaseAddress, token, secret, e));
        Report("self-host webhook (one event per call)", selfHost, bodies.Count);
        var baseline = await SendAllAsync(http, bodies, parallelism, e => BareRequest(bare.BaseAddress, e));
        Report("bare endpoint, one entity per call", baseline, bodies.Count);
        var bareRate = bodies.Count / baseline.Elapsed.TotalSeconds;
        Console.WriteLine($"ratio self-host / bare: {bodies.Count / selfHost.Elapsed.TotalSeconds / bareRate:F2}");
        var drain = Stopwatch.StartNew();
        var queued = await SendAllAsync(http, queuedBodies, parallelism, e => SelfHostRequest(host.BaseAddress, token, secret, e, respondAsync: true));
        Report("self-host, Prefer: respond-async (202 when queued)", queued, queuedBodies.Count);
        Console.WriteLine($"ratio self-host respond-async (acknowledged) / bare: {queuedBodies.Count / queued.Elapsed.TotalSeconds / bareRate:F2}");
        var notApplied = await AwaitAppliedAsync(http, host.BaseAddress, token, queuedBodies);
        drain.Stop();
        Report("  ... until every queued event was applied", new RunResult(drain.Elapsed, notApplied), queuedBodies.Count);
        Console.WriteLine($"ratio self-host respond-async (applied) / bare: {queuedBodies.Count / drain.Elapsed.TotalSeconds / bareRate:F2}");
        var replay = await SendAllAsync(http, bodies.Take(2_000).ToList(), parallelism, e => SelfHostRequest(host.BaseAddress, token, secret, e));
        Report("self-host webhook, replays of stored event ids", replay, Math.Min(2_000, bodies.Count));
        return selfHost.Failures == 0 && baseline.Failures == 0 && queued.Failures == 0 && notApplied == 0 ? 0 : 1;
    }

    /// <summary>
    /// Reads every queued event's answer until none is "queued"; returns how many did not end "applied". A sender
    /// polling its status URLs, at a modest pace (4 at a time, 0.5 s apart while queued), so that the polling does not
    /// take the storage time the applying needs.
    /// </summary>
    private static async Task<int> AwaitAppliedAsync(HttpClient http, Uri baseAddress, string token, List<(string EventId, string SubjectId, int Dose)> items)
    {
        var notApplied = 0;
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, ct) =>
        {
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, $"api/municipalities/{Municipality}/vrs/events/{item.EventId}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, ct);
                var result = response.IsSuccessStatusCode
                    ? (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("result").GetString()
                    : null;
                if (result != EventOutcome.Queued)
                {
                    if (result != EventOutcome.Applied)
                    {
                        Interlocked.Increment(ref notApplied);
                    }

                    return;
                }

                await Task.Delay(500, ct);
            }
        });
        return notApplied;
    }

    private static List<(string EventId, string SubjectId, int Dose)> Doses(string prefix, int subjects) =>
        Enumerable.Range(0, subjects).SelectMany(i => new[] { (Id(prefix, i), 1), (Id(prefix, i), 2) })
            .Select(p => ($"{p.Item1}-d{p.Item2}-{Guid.NewGuid():N}", p.Item1, p.Item2)).ToList();

    private static string Id(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{index:D7}");

    private static byte[] DoseBody((string EventId, string SubjectId, int Dose) e) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        eventId = e.EventId,
        type = "dose.recorded",
        subjectId = e.SubjectId,
        dose = new
        {
            doseNumber = e.Dose,
            date = e.Dose == 1 ? "2021-06-01" : "2021-06-22",
            manufacturer = "Pfizer",
            product = "Comirnaty",
            lotNumber = "FA5765",
            siteName = "Asahikawa Central Clinic",
            physicianName = "Dr. Sato",
        },
    });

    private static HttpRequestMessage SelfHostRequest(Uri baseAddress, string token, byte[] secret, (string EventId, string SubjectId, int Dose) e, bool respondAsync = false)
    {
        var request = Signed(new Uri(baseAddress, $"api/municipalities/{Municipality}/vrs/events"), token, secret, DoseBody(e));
        if (respondAsync)
        {
            request.Headers.Add("Prefer", "respond-async");
        }

        return request;
    }

    private static HttpRequestMessage BareRequest(Uri baseAddress, (string EventId, string SubjectId, int Dose) e)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "bare/events")) { Content = new ByteArrayContent(DoseBody(e)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    private static HttpRequestMessage Signed(Uri uri, string token, byte[] secret, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        return request;
    }

    /// <summary>Sends the events in order per subject (dose 1 before dose 2): each worker takes whole subjects.</summary>
    private static async Task<RunResult> SendAllAsync(
        HttpClient http, List<(string EventId, string SubjectId, int Dose)> items, int parallelism, Func<(string EventId, string SubjectId, int Dose), HttpRequestMessage> request)
    {
        var failures = 0;
        var watch = Stopwatch.StartNew();
        var lanes = Enumerable.Range(0, parallelism).Select(lane => Task.Run(async () =>
        {
            for (var i = lane * 2; i < items.Count; i += parallelism * 2)
            {
                for (var j = i; j < Math.Min(i + 2, items.Count); j++)
                {
                    using var message = request(items[j]);
                    using var response = await http.SendAsync(message);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        }));
        await Task.WhenAll(lanes);
        return new RunResult(watch.Elapsed, failures);
    }

    private static async Task RegisterAsync(HttpClient http, Uri baseAddress, string token, byte[] secret, string prefix, int count, int parallelism)
    {
        var batches = Enumerable.Range(0, count).Chunk(WebhookBatch.MaxEvents).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism / 4) }, async (batch, ct) =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                events = batch.Select(i => new
                {
                    eventId = "reg-" + Id(prefix, i),
                    type = "subject.registered",
                    subjectId = Id(prefix, i),
                    subject = new
                    {
                        myNumber = MyNumbers.For(prefix switch { "W" => 900_000 + i, "Q" => 500_000 + i, _ => i }),
                        name = "ベンチ 太郎",
                        birthDate = "1970-01-01",
                        sex = "Male",
                        tickets = new[] { string.Create(CultureInfo.InvariantCulture, $"{prefix switch { "W" => 9, "Q" => 5, _ => 1 }}{i:D9}") },
                    },
                }),
            });
            using var message = Signed(new Uri(baseAddress, $"api/municipalities/{Municipality}/vrs/events/batch"), token, secret, body);
            using var response = await http.SendAsync(message, ct);
            response.EnsureSuccessStatusCode();
        });
    }

    private static async Task<string> TokenAsync(HttpClient http, Uri baseAddress)
    {
        using var response = await http.PostAsJsonAsync(new Uri(baseAddress, "api/dev/tokens"), new { role = "vrs", municipality = Municipality, actor = "bench" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<byte[]> SecretAsync(HttpClient http, Uri baseAddress)
    {
        using var response = await http.PostAsJsonAsync(new Uri(baseAddress, "api/dev/webhook-secrets"), new { municipality = Municipality });
        response.EnsureSuccessStatusCode();
        return Convert.FromBase64String((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!);
    }

    private static void Report(string name, RunResult result, int count) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-52} {count,8:N0} events in {result.Elapsed.TotalSeconds,7:F1} s = {count / result.Elapsed.TotalSeconds,8:N0}/s ({result.Failures} failed)"));

    private sealed record RunResult(TimeSpan Elapsed, int Failures);
}
