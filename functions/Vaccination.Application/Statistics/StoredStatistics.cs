namespace Vaccination.Application.Statistics;

/// <summary>A tenant's statistics as last computed (the cells of a date range), or no computation yet.</summary>
public sealed record StoredStatistics(DateTimeOffset? ComputedAt, IReadOnlyList<DoseCount> Counts);
