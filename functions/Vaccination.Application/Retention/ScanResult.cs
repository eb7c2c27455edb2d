namespace Vaccination.Application.Retention;

/// <summary>How far a retention scan got: pages read in this call, whether the scan is complete, persons found so far.</summary>
public sealed record ScanResult(int PagesProcessed, bool Completed, int ExpiredPersons);
