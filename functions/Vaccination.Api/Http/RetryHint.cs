namespace Vaccination.Api.Http;

/// <summary>What a caller should do after a failure: the "retry" member of every problem response.</summary>
public static class RetryHint
{
    public const string FixRequest = "fix-request";
    public const string Retry = "retry";
    public const string ContactSupport = "contact-support";
    public const string Authenticate = "authenticate";
}
