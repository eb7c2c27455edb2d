namespace Vaccination.Application.Subjects;

/// <summary>
/// What a municipality's own staff see of a subject. It says whether a My Number is held, never which (S6).
/// </summary>
public sealed record SubjectView(
    string SubjectId,
    string Name,
    DateOnly BirthDate,
    string Sex,
    bool HasMyNumber,
    IReadOnlyList<string> Tickets,
    SubjectFlagsView Flags,
    IReadOnlyList<DoseView> Doses,
    string? Version);

/// <summary>The subject's flags as shown to staff.</summary>
public sealed record SubjectFlagsView(
    DateOnly? MovedOutOn,
    string? MovedTo,
    DateOnly? DeceasedOn,
    bool AutoResponseDisabled,
    bool Suspended,
    bool Confirmed);

/// <summary>One dose as shown to staff.</summary>
public sealed record DoseView(
    int DoseNumber,
    DateOnly Date,
    string Manufacturer,
    string Product,
    string VaccineType,
    string LotNumber,
    string SiteName,
    string? PhysicianName,
    string? TicketNumber,
    string AdministeredBy,
    string? SourceMunicipality);
