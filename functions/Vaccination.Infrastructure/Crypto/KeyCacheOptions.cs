namespace Vaccination.Infrastructure.Crypto;

/// <summary>Bounds of the in-memory caches of unwrapped keys.</summary>
public sealed class KeyCacheOptions
{
    /// <summary>How long an unwrapped tenant data key or index key stays in memory.</summary>
    public TimeSpan TenantKeyLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long this instance trusts its view of which data-key version is current.</summary>
    public TimeSpan CurrentVersionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At most this many unwrapped person keys are kept (about 100 bytes each).</summary>
    public int PersonKeyCapacity { get; set; } = 200_000;

    public TimeSpan PersonKeyLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
