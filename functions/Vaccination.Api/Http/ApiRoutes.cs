namespace Vaccination.Api.Http;

/// <summary>The HTTP contract's routes, relative to "/api"; both hosts bind these same strings.</summary>
public static class ApiRoutes
{
    public const string Prefix = "api";
    public const string Health = "health";
    public const string Subject = "municipalities/{municipalityCode}/subjects/{subjectId}";
    public const string SubjectDoses = "municipalities/{municipalityCode}/subjects/{subjectId}/doses";
    public const string DevelopmentTokens = "dev/tokens";
}
