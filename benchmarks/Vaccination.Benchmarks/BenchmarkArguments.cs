using System.Globalization;

namespace Vaccination.Benchmarks;

/// <summary>The benchmark command line: a benchmark name and --key value options.</summary>
public sealed record BenchmarkArguments(string Name, IReadOnlyDictionary<string, string> Options)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return new BenchmarkArguments(args.FirstOrDefault() ?? string.Empty, options);
    }

    public int Number(string name, int fallback) =>
        Options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public static int Usage()
    {
        Console.Error.WriteLine("usage: Vaccination.Benchmarks storage [--subjects 100000] [--parallelism 8] [--chunk 3200]");
        Console.Error.WriteLine("       Vaccination.Benchmarks exchange [--samples 200] [--movers 10000]");
        Console.Error.WriteLine("       Vaccination.Benchmarks erasure [--persons 250000] [--parallelism 8] [--raw-azurite separate]");
        Console.Error.WriteLine("       Vaccination.Benchmarks certificates [--certificates 3000] [--persons 300] [--parallelism 8]");
        Console.Error.WriteLine("       Vaccination.Benchmarks soak [--minutes 10] [--webhook-workers 2] [--inquiry-workers 2] [--certificate-workers 1] [--persons 40]");
        Console.Error.WriteLine("       Vaccination.Benchmarks ingestion-webhook [--events 10000] [--parallelism 16]");
        Console.Error.WriteLine("       Vaccination.Benchmarks ingestion-import [--people 500000] [--doses-per-line 2] [--parallelism 8]");
        Console.Error.WriteLine("       Vaccination.Benchmarks audit [--events 4000] [--rounds 8] [--parallelism 16]");
        Console.Error.WriteLine("       Vaccination.Benchmarks export [--doses 1000000] [--parallelism 8] [--key-cache 200000]");
        return 2;
    }
}
