using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Vaccination.Functions.Http;

/// <summary>Lets a function return the shared API's <see cref="IResult"/>: it executes it against the ASP.NET Core response.</summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}
