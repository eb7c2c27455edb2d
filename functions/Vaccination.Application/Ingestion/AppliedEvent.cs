using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Ingestion;

/// <summary>What applying an event changed: the subject, the dose (for dose events) and the flags it raised.</summary>
public sealed record AppliedEvent(SubjectId SubjectId, DoseNumber? Dose, IReadOnlyList<DataQualityFlag> Flags);
