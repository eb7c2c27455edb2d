namespace Vaccination.Application.Individuals;

/// <summary>One named part of a disclosure: its items and whether the list was cut at its limit.</summary>
public sealed record DisclosureSection(string Name, IReadOnlyList<object> Items, bool Truncated = false);
