namespace Vaccination.Application.Statistics;

/// <summary>Dose statistics for a prefectural or national caller: the range, the suppression threshold, each municipality's computation time and the cells.</summary>
public sealed record DoseStatisticsView(
    DateOnly From, DateOnly To, int MinimumPublishedCount, IReadOnlyList<MunicipalityStatisticsStatus> Municipalities, IReadOnlyList<StatisticsRow> Rows);
