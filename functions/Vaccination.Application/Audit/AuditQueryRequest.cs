namespace Vaccination.Application.Audit;

/// <summary>An administrator's audit query as received (unvalidated): person, actor, time range and limit.</summary>
public sealed record AuditQueryRequest(string? SubjectId, string? Actor, DateTimeOffset? From, DateTimeOffset? To, int? Limit);
