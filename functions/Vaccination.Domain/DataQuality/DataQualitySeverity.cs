namespace Vaccination.Domain.DataQuality;

/// <summary>
/// How serious a data-quality finding is. An error blocks uses that must be right (certificates); a warning is
/// possible but unusual data that staff should look at.
/// </summary>
public enum DataQualitySeverity
{
    Warning,
    Error,
}
