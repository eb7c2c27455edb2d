using System.Collections.Concurrent;

namespace Vaccination.Benchmarks.Soak;

/// <summary>Latencies and outcomes of one kind of request, recorded from many workers; percentiles by nearest rank.</summary>
internal sealed class LatencyRecorder(string name)
{
    private readonly ConcurrentQueue<double> _milliseconds = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private int _errorCount;

    public string Name { get; } = name;

    public int Count => _milliseconds.Count;

    public int Errors => Volatile.Read(ref _errorCount);

    /// <summary>The first errors seen (at most 20), as "status: detail".</summary>
    public IReadOnlyCollection<string> ErrorSamples => _errors;

    public void Record(TimeSpan elapsed) => _milliseconds.Enqueue(elapsed.TotalMilliseconds);

    public void Fail(TimeSpan elapsed, string description)
    {
        _milliseconds.Enqueue(elapsed.TotalMilliseconds);
        if (Interlocked.Increment(ref _errorCount) <= 20)
        {
            _errors.Enqueue(description);
        }
    }

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double Max => _milliseconds.IsEmpty ? 0 : _milliseconds.Max();
}
