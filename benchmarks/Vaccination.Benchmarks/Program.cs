using Vaccination.Benchmarks;
using Vaccination.Benchmarks.Retention;
using Vaccination.Benchmarks.Storage;

// Usage: dotnet run -c Release --project benchmarks/Vaccination.Benchmarks -- <storage|erasure> [--option value ...]
var arguments = BenchmarkArguments.Parse(args);
return arguments.Name switch
{
    "storage" => await StorageBenchmark.RunAsync(arguments),
    "erasure" => await ErasureBenchmark.RunAsync(arguments),
    _ => BenchmarkArguments.Usage(),
};
