namespace Vaccination.Application.Access;

/// <summary>The actor ids a grant can name: 1-128 ASCII letters, digits and "-", "_", ".", "@" (Entra object ids, user principal names).</summary>
public static class ActorIds
{
    public const int MaxLength = 128;

    public static bool IsValid(string? actorId) =>
        actorId is { Length: > 0 and <= MaxLength } && actorId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@');
}
