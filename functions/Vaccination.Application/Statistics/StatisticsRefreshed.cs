namespace Vaccination.Application.Statistics;

/// <summary>The result of recomputing one municipality's statistics.</summary>
public sealed record StatisticsRefreshed(string Municipality, long Doses, int Cells, DateTimeOffset ComputedAt);
