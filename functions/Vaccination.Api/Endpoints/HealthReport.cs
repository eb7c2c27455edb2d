namespace Vaccination.Api.Endpoints;

/// <summary>The body of GET /api/health.</summary>
public sealed record HealthReport(string Status, ComponentHealth Storage, ComponentHealth Keys);

/// <summary>One component's health; the detail never contains secrets or key material.</summary>
public sealed record ComponentHealth(bool Healthy, string Detail);
