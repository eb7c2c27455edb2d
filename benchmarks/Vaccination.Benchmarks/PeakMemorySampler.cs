using System.Diagnostics;

namespace Vaccination.Benchmarks;

/// <summary>Samples the process working set every 100 ms and keeps the peak, so a phase's peak can be reported on its own.</summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakMemorySampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));

    public long PeakMiB
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak) / (1024 * 1024);
        }
    }

    public void Reset() => Interlocked.Exchange(ref _peak, 0);

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var current = process.WorkingSet64;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _peak);
        }
        while (current > seen && Interlocked.CompareExchange(ref _peak, current, seen) != seen);
    }
}
