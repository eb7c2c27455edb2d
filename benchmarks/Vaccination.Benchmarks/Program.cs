using Vaccination.Benchmarks;
using Vaccination.Benchmarks.Storage;

// Usage: dotnet run -c Release --project benchmarks/Vaccination.Benchmarks -- storage [--subjects N] [--parallelism P]
var arguments = BenchmarkArguments.Parse(args);
return arguments.Name switch
{
    "storage" => await StorageBenchmark.RunAsync(arguments),
    _ => BenchmarkArguments.Usage(),
};
