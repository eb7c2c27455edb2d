using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vaccination.Application.Ingestion;
using Vaccination.Infrastructure.DependencyInjection;

namespace Vaccination.UnitTests.Ingestion;

public sealed class IngestionOptionsValidatorTests
{
    private readonly IngestionOptionsValidator _validator = new();

    [Fact]
    public void Defaults_AreValid() => Assert.True(_validator.Validate(null, new IngestionOptions()).Succeeded);

    [Theory]
    [InlineData("IdempotencyRetention", "Ingestion__IdempotencyRetention must be a positive time span (was 00:00:00).")]
    [InlineData("QueuedEventRedriveAfter", "Ingestion__QueuedEventRedriveAfter must be a positive time span (was 00:00:00).")]
    [InlineData("QueuedEventSweepInterval", "Ingestion__QueuedEventSweepInterval must be a positive time span (was 00:00:00).")]
    public void ZeroPeriod_IsRefusedByItsSettingName(string property, string message)
    {
        var options = new IngestionOptions();
        typeof(IngestionOptions).GetProperty(property)!.SetValue(options, TimeSpan.Zero);

        var result = _validator.Validate(null, options);

        Assert.Equal([message], result.Failures);
    }

    [Fact]
    public void EveryFailure_IsListed_NotOnlyTheFirst()
    {
        var options = new IngestionOptions
        {
            QueuedEventRedriveAfter = TimeSpan.FromMinutes(-1), InProcessWorkers = 0, QueuedEventDelivery = (QueuedEventDelivery)7,
        };

        var result = _validator.Validate(null, options);

        Assert.Equal(
            [
                "Ingestion__QueuedEventRedriveAfter must be a positive time span (was -00:01:00).",
                "Ingestion__InProcessWorkers must be at least 1 (was 0).",
                "Ingestion__QueuedEventDelivery must be InProcess or StorageQueue (was 7).",
            ],
            result.Failures);
    }

    [Fact]
    public async Task AHostWithTheIngestion_RefusesToStart_OnABadSetting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Ingestion:InProcessWorkers"] = "0" });
        builder.Services.AddIngestion(builder.Configuration);
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Ingestion__InProcessWorkers must be at least 1 (was 0).", refused.Failures);
    }
}
