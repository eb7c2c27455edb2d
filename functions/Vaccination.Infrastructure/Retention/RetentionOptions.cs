namespace Vaccination.Infrastructure.Retention;

/// <summary>Retention sweep settings (section "Retention").</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Subjects read per scan page; the checkpoint moves after each page.</summary>
    public int ScanPageSize { get; set; } = 1000;
}
