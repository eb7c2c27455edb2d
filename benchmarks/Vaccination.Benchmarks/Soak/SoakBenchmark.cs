using System.Globalization;
using Vaccination.Benchmarks.Certificates;
using Vaccination.SelfHost.Local;

namespace Vaccination.Benchmarks.Soak;

/// <summary>
/// The soak command: Azurite in memory and the real self-host as a process, then <see cref="SoakScenario"/> for
/// --minutes (10 by default). Prints request counts, error rate, latency percentiles, the self-host's memory, handles
/// and threads after warm-up and at the end, the samples, and the scan for personal values. Exit code 1 when any
/// request failed or a personal value was found in clear.
/// </summary>
internal static class SoakBenchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var minutes = arguments.Number("minutes", 10);
        var options = new SoakOptions(TimeSpan.FromMinutes(minutes))
        {
            WebhookWorkers = arguments.Number("webhook-workers", 2),
            InquiryWorkers = arguments.Number("inquiry-workers", 2),
            CertificateWorkers = arguments.Number("certificate-workers", 1),
            SeedPersons = arguments.Number("persons", 40),
            SampleInterval = TimeSpan.FromSeconds(arguments.Number("sample-seconds", 5)),
        };
        Console.WriteLine($"soak: {minutes} min of mixed load ({options.WebhookWorkers} webhook, {options.InquiryWorkers} inquiry, {options.CertificateWorkers} certificate workers), Azurite in memory, self-host as a process");

        using var azurite = await AzuriteProcess.StartAsync();
        using var cards = new BenchmarkCardIssuer();
        using var host = await SoakHost.StartAsync(azurite.ConnectionString, "Soak", cards.RootBase64);
        var report = await SoakScenario.RunAsync(host, azurite.ConnectionString, myNumber => cards.Card(myNumber, "耐久 花子", "1958-07-19"), options, Console.Out);

        var warmUp = TimeSpan.FromMinutes(Math.Min(1, minutes / 4.0));
        Console.WriteLine(report.Describe(warmUp, TimeSpan.FromMinutes(Math.Min(1, minutes / 4.0))));
        Console.WriteLine("samples (s, RSS MiB, fds, threads):");
        foreach (var sample in report.Samples.Where((_, i) => i % Math.Max(1, report.Samples.Count / 40) == 0))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sample.At.TotalSeconds:F0}, {sample.ResidentMiB:F0}, {sample.Handles}, {sample.Threads}"));
        }

        return report.Errors == 0 && report.Scan.Hits.Count == 0 ? 0 : 1;
    }
}
