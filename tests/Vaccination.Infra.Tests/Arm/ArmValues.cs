using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vaccination.Infra.Tests.Arm;

/// <summary>
/// Values of evaluated templates: string, long, bool, null, <see cref="List{T}"/> of values, dictionaries keyed
/// case-insensitively (as ARM property names are), <see cref="ArmUnknown"/> and <see cref="ArmLambda"/>.
/// </summary>
internal static class ArmValues
{
    public static Dictionary<string, object?> NewObject() => new(StringComparer.OrdinalIgnoreCase);

    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => FromJson(p.Value), StringComparer.OrdinalIgnoreCase),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => FromJsonValue(value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    public static object? FromJsonElement(JsonElement element) => FromJson(JsonNode.Parse(element.GetRawText()));

    public static bool IsUnknown(object? value) => value is ArmUnknown;

    /// <summary>Whether an evaluated value contains an unknown anywhere (an object's values, an array's items).</summary>
    public static bool ContainsUnknown(object? value) => value switch
    {
        ArmUnknown => true,
        List<object?> list => list.Exists(ContainsUnknown),
        Dictionary<string, object?> obj => obj.Values.Any(ContainsUnknown),
        _ => false,
    };

    public static string ToArmString(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        ArmUnknown u => throw new InvalidOperationException($"Cannot make a string of {u}"),
        _ => JsonSerializer.Serialize(ToJsonCompatible(value)),
    };

    public static bool DeepEquals(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (long a, long b) => a == b,
        (bool a, bool b) => a == b,
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(p => DeepEquals(p.First, p.Second)),
        (Dictionary<string, object?> a, Dictionary<string, object?> b) =>
            a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && DeepEquals(p.Value, other)),
        _ => false,
    };

    public static object? ToJsonCompatible(object? value) => value switch
    {
        List<object?> list => list.Select(ToJsonCompatible).ToList(),
        Dictionary<string, object?> obj => obj.ToDictionary(p => p.Key, p => ToJsonCompatible(p.Value)),
        ArmUnknown u => u.ToString(),
        _ => value,
    };

    private static object? FromJsonValue(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetValue<long>(out var integer) => integer,
        JsonValueKind.Number => value.GetValue<double>(),
        var kind => throw new NotSupportedException(kind.ToString()),
    };
}
