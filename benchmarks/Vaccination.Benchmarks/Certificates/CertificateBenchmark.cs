using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Vaccination.Application.Certificates;
using Vaccination.Application.Certificates.SmartHealthCards;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Infrastructure.Keys;
using Vaccination.SelfHost.Local;

namespace Vaccination.Benchmarks.Certificates;

/// <summary>
/// Certificates per second on the self-host path (HTTP, token check, card signature and chain check, My Number lookup,
/// records, SHC payload, deflate, ES256, QR, PNG, kept-certificate write; Azurite in memory) against bare ES256 signing
/// of the same JWS signing inputs, in one run, with the same parallelism. Also the in-process SHC pipeline
/// (payload + deflate + ES256 + QR + PNG) to show where the time goes.
/// </summary>
internal static class CertificateBenchmark
{
    private const string Tenant = "012041";
    private static readonly string[] Tickets = ["0123456789"];

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var count = arguments.Number("certificates", 3000);
        var persons = arguments.Number("persons", 300);
        var parallelism = arguments.Number("parallelism", 8);
        Console.WriteLine($"certificates benchmark: {count:N0} certificates for {persons:N0} persons (2 doses each), parallelism {parallelism}, Azurite in memory, self-host as a process");

        using var azurite = await AzuriteProcess.StartAsync();
        using var cards = new BenchmarkCardIssuer();
        using var host = await BenchmarkSelfHost.StartAsync(azurite.ConnectionString, cards.RootBase64);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = parallelism * 2 };
        using var http = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var staff = await TokenAsync(http, "municipal-staff");
        var channel = await TokenAsync(http, "certificate-channel");
        var bodies = new List<string>();
        for (var i = 0; i < persons; i++)
        {
            var myNumber = MyNumbers.For(900_000 + i);
            await RegisterAsync(http, staff, $"BENCH-{i}", myNumber);
            bodies.Add(JsonSerializer.Serialize(new { channel = "app", kind = "domestic", card = cards.Card(myNumber, "旭川 花子", "1975-03-14") }));
        }

        var signingInputs = new ConcurrentBag<string>();
        await IssueAsync(http, channel, bodies, Math.Min(200, count), parallelism, signingInputs);
        signingInputs.Clear();
        var selfHost = await IssueAsync(http, channel, bodies, count, parallelism, signingInputs);

        var keyFolder = Directory.CreateTempSubdirectory("bench-cert-keys").FullName;
        using var signer = new DevelopmentSigningKeyProvider(DevelopmentKeyFile.LoadOrCreate(Path.Combine(keyFolder, "keys.json")));
        var inputs = signingInputs.Select(Encoding.ASCII.GetBytes).ToList();
        await TimeAsync(inputs.Take(500).ToList(), parallelism, async input => await signer.SignDigestAsync(SHA256.HashData(input)));
        var bare = await TimeAsync(inputs, parallelism, async input => await signer.SignDigestAsync(SHA256.HashData(input)));

        var issuer = new SmartHealthCardIssuer(new SmartHealthCardSigner(signer), Options.Create(new CertificateOptions { Issuer = $"{host.BaseAddress}api" }));
        var content = Content();
        await TimeAsync(Enumerable.Range(0, 200).ToList(), parallelism, async _ => await issuer.IssueAsync(content, DateTimeOffset.UtcNow));
        var pipeline = await TimeAsync(Enumerable.Range(0, count).ToList(), parallelism, async _ => await issuer.IssueAsync(content, DateTimeOffset.UtcNow));
        Directory.Delete(keyFolder, recursive: true);

        Report("self-host path (HTTP, full issuance)", selfHost, count);
        Report("in-process SHC pipeline (payload, deflate, ES256, QR, PNG)", pipeline, count);
        Report("bare ES256 signing of the same signing inputs", bare, inputs.Count);
        Console.WriteLine($"ratio self-host / bare ES256: {(count / selfHost.TotalSeconds) / (inputs.Count / bare.TotalSeconds):F3}");
        Console.WriteLine($"ratio in-process pipeline / bare ES256: {(count / pipeline.TotalSeconds) / (inputs.Count / bare.TotalSeconds):F3}");
        Console.WriteLine($"average JWS length: {signingInputs.Average(s => s.Length + 87):F0} characters");
        return 0;
    }

    private static async Task<TimeSpan> IssueAsync(HttpClient http, string token, List<string> bodies, int count, int parallelism, ConcurrentBag<string> signingInputs) =>
        await TimeAsync(Enumerable.Range(0, count).ToList(), parallelism, async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/municipalities/{Tenant}/certificates");
            request.Headers.Authorization = new("Bearer", token);
            request.Content = new StringContent(bodies[i % bodies.Count], Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Issuance failed with {(int)response.StatusCode}: {text}");
            }

            var jws = JsonDocument.Parse(text).RootElement.GetProperty("smartHealthCard").GetProperty("jws").GetString()!;
            signingInputs.Add(jws[..jws.LastIndexOf('.')]);
        });

    private static async Task<TimeSpan> TimeAsync<T>(List<T> items, int parallelism, Func<T, Task> work)
    {
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await work(item));
        return stopwatch.Elapsed;
    }

    private static void Report(string name, TimeSpan elapsed, int count) =>
        Console.WriteLine($"{name}: {count:N0} in {elapsed.TotalSeconds:F2} s = {count / elapsed.TotalSeconds:N0}/s");

    private static async Task<string> TokenAsync(HttpClient http, string role)
    {
        using var response = await http.PostAsJsonAsync("api/dev/tokens", new { role, municipality = Tenant, actor = "benchmark" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task RegisterAsync(HttpClient http, string token, string subjectId, string myNumber)
    {
        await SendAsync(http, token, HttpMethod.Put, $"api/municipalities/{Tenant}/subjects/{subjectId}",
            new { myNumber, name = "旭川 花子", birthDate = "1975-03-14", sex = "Female", tickets = Tickets });
        for (var dose = 1; dose <= 2; dose++)
        {
            await SendAsync(http, token, HttpMethod.Post, $"api/municipalities/{Tenant}/subjects/{subjectId}/doses", new
            {
                doseNumber = dose,
                date = dose == 1 ? "2021-06-01" : "2021-06-22",
                manufacturer = "Pfizer",
                product = "Comirnaty",
                vaccineType = "mRNA",
                lotNumber = dose == 1 ? "FA5765" : "FC3661",
                siteName = "Asahikawa Central Clinic",
            });
        }
    }

    private static async Task SendAsync(HttpClient http, string token, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    private static SmartHealthCardContent Content()
    {
        var doses = Enumerable.Range(1, 2).Select(n => new DoseRecord(
            SubjectId.TryCreate("BENCH").Value, DoseNumber.TryCreate(n).Value, new DateOnly(2021, 6, 1).AddDays(21 * (n - 1)), "Pfizer", "Comirnaty", "mRNA",
            "FA5765", "Asahikawa Central Clinic", null, null, MunicipalityCode.Parse(Tenant), DateTimeOffset.UtcNow)).ToList();
        return new SmartHealthCardContent("旭川", ["花子"], new DateOnly(1975, 3, 14), doses.Select(d => (d, VaccineCodes.Find(d)!)).ToList());
    }
}
