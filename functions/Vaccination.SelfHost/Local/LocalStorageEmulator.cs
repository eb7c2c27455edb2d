namespace Vaccination.SelfHost.Local;

/// <summary>
/// The self-host's embedded default: when no storage is configured, start Azurite and point Storage at it.
/// The emulator lives as long as the host and is stopped with it.
/// </summary>
public static class LocalStorageEmulator
{
    public static async Task UseAzuriteWhenNoStorageConfiguredAsync(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var storage = builder.Configuration.GetSection("Storage");
        if (!string.IsNullOrEmpty(storage["ConnectionString"]) || !string.IsNullOrEmpty(storage["TableServiceUri"]))
        {
            return;
        }

        var azurite = await AzuriteProcess.StartAsync();
        builder.Configuration["Storage:ConnectionString"] = azurite.ConnectionString;
        builder.Services.AddSingleton(azurite);
        builder.Services.AddHostedService<AzuriteLifetime>();
    }
}
