using System.Globalization;
using Vaccination.Benchmarks.Soak;
using Vaccination.ReliabilityTests.Environment;
using Xunit.Abstractions;

namespace Vaccination.ReliabilityTests.Soak;

/// <summary>
/// The soak scenario for seconds (CI) rather than minutes (the benchmark's soak command): mixed webhooks, inquiries and
/// certificates with no error, handles and memory not growing, nothing personal in clear. RELIABILITY_SOAK_SECONDS
/// lengthens it.
/// </summary>
[Collection(ReliabilityTestGroup.Name)]
public sealed class SoakTests(ReliabilityEnvironment environment, ITestOutputHelper output)
{
    [Fact]
    public async Task MixedLoad_ShortSoak_NoErrorsHandlesFlatNothingInClear()
    {
        var seconds = int.TryParse(System.Environment.GetEnvironmentVariable("RELIABILITY_SOAK_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 25;
        var host = await environment.StartHostAsync();
        var options = new SoakOptions(TimeSpan.FromSeconds(seconds)) { SeedPersons = 10, SampleInterval = TimeSpan.FromSeconds(1) };
        using var progress = new StringWriter(CultureInfo.InvariantCulture);

        var report = await SoakScenario.RunAsync(host, environment.ConnectionString,
            myNumber => environment.Cards.Card(myNumber, "耐久 花子", "1958-07-19"), options, progress);

        var warmUp = TimeSpan.FromSeconds(seconds / 4.0);
        var description = report.Describe(warmUp, warmUp);
        output.WriteLine(description);
        var (early, late) = report.Window(warmUp, warmUp);
        Assert.True(report.Errors == 0, description);
        Assert.All(report.Kinds, kind => Assert.True(kind.Count > 0, $"No {kind.Name} was measured.\n{description}"));
        Assert.True(late.Handles <= early.Handles + 25, description);
        Assert.True(late.ResidentMiB <= early.ResidentMiB * 1.5, description);
        Assert.True(report.Scan.Rows > 0 && report.Scan.LogLines > 0, description);
        Assert.True(report.Scan.Hits.Count == 0, description);
    }
}
