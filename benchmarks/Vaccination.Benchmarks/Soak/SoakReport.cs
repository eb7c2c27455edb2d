using System.Globalization;
using System.Text;

namespace Vaccination.Benchmarks.Soak;

/// <summary>What a soak run measured: per kind of request its count, errors and latency percentiles; the self-host's samples; the scan.</summary>
internal sealed record SoakReport(TimeSpan Elapsed, IReadOnlyList<LatencyRecorder> Kinds, IReadOnlyList<ProcessSample> Samples, ScanResult Scan)
{
    public int Requests => Kinds.Sum(k => k.Count);

    public int Errors => Kinds.Sum(k => k.Errors);

    /// <summary>Median of a window of samples: the first full window after warm-up, and the last.</summary>
    public (ProcessSample Early, ProcessSample Late) Window(TimeSpan warmUp, TimeSpan length)
    {
        var early = Samples.Where(s => s.At >= warmUp && s.At < warmUp + length).ToList();
        var late = Samples.Where(s => s.At >= Elapsed - length).ToList();
        if (early.Count == 0)
        {
            early = Samples.Take(Math.Max(1, Samples.Count / 4)).ToList();
        }

        if (late.Count == 0)
        {
            late = Samples.Skip(Samples.Count * 3 / 4).ToList();
        }

        return (Median(early), Median(late));
    }

    public string Describe(TimeSpan warmUp, TimeSpan window)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"elapsed {Elapsed.TotalSeconds:F0} s, {Requests:N0} requests, {Errors} errors (error rate {(Requests == 0 ? 0 : (double)Errors / Requests):P3})");
        text.AppendLine("| kind | count | errors | rate/s | p50 ms | p95 ms | p99 ms | max ms |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var kind in Kinds)
        {
            text.AppendLine(c,
                $"| {kind.Name} | {kind.Count:N0} | {kind.Errors} | {kind.Count / Elapsed.TotalSeconds:F1} | {kind.Percentile(50):F0} | {kind.Percentile(95):F0} | {kind.Percentile(99):F0} | {kind.Max:F0} |");
        }

        var (early, late) = Window(warmUp, window);
        text.AppendLine(c, $"self-host resident memory: {early.ResidentMiB:F0} MiB after warm-up, {late.ResidentMiB:F0} MiB at the end, peak {Samples.Max(s => s.ResidentMiB):F0} MiB");
        text.AppendLine(c, $"self-host handles (open fds): {early.Handles} after warm-up, {late.Handles} at the end, peak {Samples.Max(s => s.Handles)}");
        text.AppendLine(c, $"self-host threads: {early.Threads} after warm-up, {late.Threads} at the end, peak {Samples.Max(s => s.Threads)}");
        text.AppendLine(c, $"scan: {Scan.Rows:N0} rows, {Scan.Messages} queue messages, {Scan.LogLines:N0} log lines, {Scan.Hits.Count} personal values in clear");
        foreach (var kind in Kinds.Where(k => k.Errors > 0))
        {
            foreach (var error in kind.ErrorSamples)
            {
                text.AppendLine(c, $"  {kind.Name} error: {error}");
            }
        }

        foreach (var hit in Scan.Hits.Take(20))
        {
            text.AppendLine(c, $"  in clear: {hit}");
        }

        return text.ToString();
    }

    private static ProcessSample Median(List<ProcessSample> samples)
    {
        var middle = samples.Count / 2;
        return new ProcessSample(
            samples[middle].At,
            samples.Select(s => s.ResidentMiB).Order().ElementAt(middle),
            samples.Select(s => s.Handles).Order().ElementAt(middle),
            samples.Select(s => s.Threads).Order().ElementAt(middle));
    }
}
