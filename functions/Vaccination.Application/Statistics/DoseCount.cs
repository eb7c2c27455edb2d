namespace Vaccination.Application.Statistics;

/// <summary>One cell of a municipality's dose statistics: how many doses of a number were given on a date in an age band.</summary>
public sealed record DoseCount(int DoseNumber, DateOnly Date, string AgeBand, int Count);
