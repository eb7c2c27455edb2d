using System.Text.Json;

namespace Vaccination.Application.Ingestion;

/// <summary>The JSON settings of webhook bodies and stored outcomes (web defaults: camelCase, case-insensitive).</summary>
public static class IngestionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };
}
