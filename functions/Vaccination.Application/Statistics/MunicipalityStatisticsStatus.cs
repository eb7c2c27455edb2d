namespace Vaccination.Application.Statistics;

/// <summary>When a municipality's statistics were last computed (null: never).</summary>
public sealed record MunicipalityStatisticsStatus(string Municipality, DateTimeOffset? ComputedAt);
