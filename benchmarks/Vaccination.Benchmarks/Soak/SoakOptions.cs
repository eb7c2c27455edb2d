namespace Vaccination.Benchmarks.Soak;

/// <summary>
/// How long and how hard the soak runs: closed-loop workers per kind of request (each sends its next request when the
/// last one is answered, after <see cref="ThinkTime"/>), persons seeded before the clock starts, and how often the
/// self-host's memory and handles are sampled.
/// </summary>
internal sealed record SoakOptions(TimeSpan Duration)
{
    public int WebhookWorkers { get; init; } = 2;

    public int InquiryWorkers { get; init; } = 2;

    public int CertificateWorkers { get; init; } = 1;

    public int SeedPersons { get; init; } = 40;

    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromMilliseconds(20);

    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an inquiry may take from acceptance to its answer before it counts as an error.</summary>
    public TimeSpan InquiryDeadline { get; init; } = TimeSpan.FromSeconds(60);
}
