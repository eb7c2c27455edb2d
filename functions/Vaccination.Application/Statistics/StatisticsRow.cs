namespace Vaccination.Application.Statistics;

/// <summary>One published cell: a count of 10 or more, or null and <see cref="Suppressed"/> when 1-9 doses (F9).</summary>
public sealed record StatisticsRow(string Municipality, string Prefecture, int DoseNumber, DateOnly Date, string AgeBand, int? Count, bool Suppressed);
