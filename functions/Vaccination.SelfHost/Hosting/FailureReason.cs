using System.Globalization;
using Azure;

namespace Vaccination.SelfHost.Hosting;

/// <summary>What a hosted loop logs of a failure it survives: the storage status, or the exception's type (never its message, which may quote data).</summary>
internal static class FailureReason
{
    public static string Of(Exception exception) =>
        exception is RequestFailedException failed ? failed.Status.ToString(CultureInfo.InvariantCulture) : exception.GetType().Name;
}
