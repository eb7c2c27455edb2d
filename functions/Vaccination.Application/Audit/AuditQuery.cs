using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Audit;

/// <summary>A validated audit query: a time range [From, To), optional person and actor filters, and a row limit.</summary>
public sealed record AuditQuery(DateTimeOffset From, DateTimeOffset To, SubjectId? Subject, string? Actor, int Limit);
