namespace Vaccination.Infrastructure.Storage;

/// <summary>Where application data lives (section "Storage"): service URIs with a managed identity in Azure, or a connection string locally.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public string? ConnectionString { get; set; }

    /// <summary>A prefix for every table and queue name (tests and benchmarks use their own).</summary>
    public string NamePrefix { get; set; } = string.Empty;
}
