using Vaccination.Benchmarks.Soak;

namespace Vaccination.ReliabilityTests.Environment;

/// <summary>The scan every scenario ends with: its tables, queues and captured logs hold none of its personal values in clear.</summary>
internal static class Scans
{
    public static async Task AssertNothingInClearAsync(ReliabilityEnvironment environment, SoakHost host, IReadOnlyCollection<string> texts, IEnumerable<string> myNumbers)
    {
        var scan = await ClearTextScan.RunAsync(environment.ConnectionString, host.TablePrefix, host.Logs, texts, myNumbers.ToHashSet(StringComparer.Ordinal));
        Assert.True(scan.Rows > 0, "The scan read no rows; it would find nothing.");
        Assert.True(scan.LogLines > 0, "The scan read no log lines; it would find nothing.");
        Assert.True(scan.Hits.Count == 0, "Personal values in clear:\n" + string.Join('\n', scan.Hits.Take(20)));
    }
}
