using Vaccination.Benchmarks;
using Vaccination.Benchmarks.Audit;
using Vaccination.Benchmarks.Exchange;
using Vaccination.Benchmarks.Export;
using Vaccination.Benchmarks.Ingestion;
using Vaccination.Benchmarks.Certificates;
using Vaccination.Benchmarks.Retention;
using Vaccination.Benchmarks.Soak;
using Vaccination.Benchmarks.Storage;

// Usage: dotnet run -c Release --project benchmarks/Vaccination.Benchmarks -- <storage|erasure> [--option value ...]
var arguments = BenchmarkArguments.Parse(args);
return arguments.Name switch
{
    "storage" => await StorageBenchmark.RunAsync(arguments),
    "exchange" => await ExchangeBenchmark.RunAsync(arguments),
    "erasure" => await ErasureBenchmark.RunAsync(arguments),
    "certificates" => await CertificateBenchmark.RunAsync(arguments),
    "soak" => await SoakBenchmark.RunAsync(arguments),
    "ingestion-webhook" => await WebhookBenchmark.RunAsync(arguments),
    "ingestion-import" => await ImportBenchmark.RunAsync(arguments),
    "audit" => await AuditOverheadBenchmark.RunAsync(arguments),
    "export" => await ExportBenchmark.RunAsync(arguments),
    _ => BenchmarkArguments.Usage(),
};
