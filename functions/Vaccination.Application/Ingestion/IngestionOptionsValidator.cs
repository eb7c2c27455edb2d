using Microsoft.Extensions.Options;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The one check of the "Ingestion" settings, run by both hosts when they start: a zero or negative period would make
/// the sweeps spin or never re-drive, and no in-process worker would leave accepted events waiting for the sweep.
/// </summary>
public sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, Setting(nameof(IngestionOptions.IdempotencyRetention)), options.IdempotencyRetention);
        RequirePositive(failures, Setting(nameof(IngestionOptions.QueuedEventRedriveAfter)), options.QueuedEventRedriveAfter);
        RequirePositive(failures, Setting(nameof(IngestionOptions.QueuedEventSweepInterval)), options.QueuedEventSweepInterval);
        if (options.InProcessWorkers < 1)
        {
            failures.Add($"{Setting(nameof(IngestionOptions.InProcessWorkers))} must be at least 1 (was {options.InProcessWorkers}).");
        }

        if (!Enum.IsDefined(options.QueuedEventDelivery))
        {
            failures.Add($"{Setting(nameof(IngestionOptions.QueuedEventDelivery))} must be InProcess or StorageQueue (was {options.QueuedEventDelivery}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The app setting's name, as in local.settings.json and the Bicep app settings.</summary>
    private static string Setting(string property) => $"{IngestionOptions.Section}__{property}";

    private static void RequirePositive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{setting} must be a positive time span (was {value}).");
        }
    }
}
