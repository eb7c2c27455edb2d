using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vaccination.Domain.Results;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The webhook signature: header "X-Vrs-Timestamp" holds Unix seconds; header "X-Vrs-Signature" holds
/// "v1=" + lower-case hex of HMAC-SHA-256(tenant secret, timestamp + "." + exact body bytes). Several comma-separated
/// "v1=" values are accepted (for secret rotation). A timestamp more than five minutes from our clock is refused.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Vrs-Timestamp";
    public const string SignatureHeader = "X-Vrs-Signature";
    public const string Scheme = "v1=";
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static Result Verify(ReadOnlySpan<byte> secret, WebhookDelivery delivery, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (string.IsNullOrWhiteSpace(delivery.Timestamp) || string.IsNullOrWhiteSpace(delivery.Signature))
        {
            return Result.Failure(Unauthorized("webhook.signature_missing", $"The {TimestampHeader} and {SignatureHeader} headers are required."));
        }

        if (!long.TryParse(delivery.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Result.Failure(Unauthorized("webhook.timestamp_invalid", $"{TimestampHeader} is the time of signing in Unix seconds."));
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return Result.Failure(Unauthorized("webhook.timestamp_out_of_range", "The signature's timestamp is more than five minutes from the server's time."));
        }

        var expected = Compute(secret, delivery.Timestamp, delivery.Body.Span);
        foreach (var candidate in delivery.Signature.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate.StartsWith(Scheme, StringComparison.Ordinal) && TryFromHex(candidate[Scheme.Length..], out var given)
                && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return Result.Success();
            }
        }

        return Result.Failure(Unauthorized("webhook.signature_invalid", "The webhook signature does not match the body."));
    }

    /// <summary>The header value a sender puts in <see cref="SignatureHeader"/> (tests, tools and the benchmark use it).</summary>
    public static string Sign(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body) =>
        Scheme + Convert.ToHexStringLower(Compute(secret, timestamp, body));

    private static byte[] Compute(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(secret, message);
    }

    private static bool TryFromHex(string hex, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static Error Unauthorized(string code, string message) => new(code, message, ErrorKind.Unauthorized);
}
