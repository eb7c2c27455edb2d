using System.Text.Json;

namespace Vaccination.Application.Certificates;

/// <summary>The JSON conventions of signed card data: camelCase members, no comments, bounded depth.</summary>
internal static class CardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 4 };
}
