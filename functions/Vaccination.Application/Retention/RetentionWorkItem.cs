namespace Vaccination.Application.Retention;

/// <summary>One unit of retention work on the queue: sweep a tenant for a run, or execute an approved proposal.</summary>
public sealed record RetentionWorkItem(string Kind, string Tenant, string Id)
{
    public const string Sweep = "sweep";
    public const string Erase = "erase";
}
