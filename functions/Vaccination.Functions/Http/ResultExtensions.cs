using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Vaccination.Functions.Http;

/// <summary>Adapts the shared endpoints' results to what HTTP-triggered functions return.</summary>
public static class ResultExtensions
{
    public static async Task<IActionResult> AsActionResult(this Task<IResult> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ResultActionResult(await result);
    }
}
