namespace Vaccination.Api.Endpoints;

/// <summary>The answer to a started sweep: its run id, which is also the id of the proposal it may produce.</summary>
public sealed record SweepStarted(string RunId);
