namespace Vaccination.Api.Authentication;

/// <summary>The claim names a caller's token carries.</summary>
public static class CallerClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Municipality = "municipality";
    public const string Prefecture = "prefecture";

    /// <summary>The channel a certificate-channel token belongs to: "app" or "kiosk".</summary>
    public const string Channel = "channel";
}
