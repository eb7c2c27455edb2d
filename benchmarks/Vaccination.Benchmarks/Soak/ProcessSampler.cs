using System.Globalization;

namespace Vaccination.Benchmarks.Soak;

/// <summary>
/// Samples another process from /proc (Linux): resident memory, open file descriptors (handles: sockets, files,
/// pipes) and threads, every <c>interval</c>, from the moment it is started until it is disposed.
/// </summary>
internal sealed class ProcessSampler : IDisposable
{
    private readonly int _processId;
    private readonly List<ProcessSample> _samples = [];
    private readonly Timer _timer;
    private readonly DateTime _started = DateTime.UtcNow;

    public ProcessSampler(int processId, TimeSpan interval)
    {
        _processId = processId;
        _timer = new Timer(_ => Take(), null, TimeSpan.Zero, interval);
    }

    public IReadOnlyList<ProcessSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return _samples.ToList();
            }
        }
    }

    /// <summary>One reading now, or null when the process is gone.</summary>
    public static ProcessSample? Read(int processId, TimeSpan at)
    {
        try
        {
            long rssKiB = 0;
            var threads = 0;
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rssKiB = long.Parse(line.AsSpan(6).Trim().ToString().Split(' ')[0], CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = int.Parse(line.AsSpan(8).Trim(), CultureInfo.InvariantCulture);
                }
            }

            var handles = Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd").Count();
            return new ProcessSample(at, rssKiB / 1024.0, handles, threads);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Take()
    {
        if (Read(_processId, DateTime.UtcNow - _started) is { } sample)
        {
            lock (_samples)
            {
                _samples.Add(sample);
            }
        }
    }
}

/// <summary>One reading of a process: time since sampling began, resident memory in MiB, open handles, threads.</summary>
internal sealed record ProcessSample(TimeSpan At, double ResidentMiB, int Handles, int Threads);
