using Vaccination.Application.Subjects;

namespace Vaccination.Application.Individuals;

/// <summary>
/// Everything held about one person (S21 disclosure): the subject record with its doses and flags, and each
/// registered section (provision records, access log, ...). The My Number is shown only as held or not (S6).
/// </summary>
public sealed record SubjectDisclosure(DateTimeOffset GeneratedAt, SubjectView Subject, IReadOnlyList<DisclosureSection> Sections);
