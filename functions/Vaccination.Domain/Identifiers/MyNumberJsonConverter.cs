using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vaccination.Domain.Identifiers;

/// <summary>
/// Serializes a <see cref="MyNumber"/> as its mask, so that no accidental serialization reveals it.
/// Reading is refused: requests carry My Numbers as plain strings and are validated by <see cref="MyNumber.TryCreate"/>.
/// </summary>
public sealed class MyNumberJsonConverter : JsonConverter<MyNumber>
{
    public override MyNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("My Numbers are read as strings and validated with MyNumber.TryCreate.");

    public override void Write(Utf8JsonWriter writer, MyNumber value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(MyNumber.Mask);
    }
}
