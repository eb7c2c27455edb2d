using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vaccination.Application.Certificates.SmartHealthCards;

/// <summary>
/// Minified JSON with non-ASCII text (Kanji names) written as UTF-8 rather than \u escapes, so payloads stay small.
/// The relaxed encoder is safe here: the output is never embedded in HTML.
/// </summary>
internal static class ShcJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };
}
