namespace Vaccination.Domain.Results;

/// <summary>The outcome of an operation that can fail in expected ways; failures carry one or more errors.</summary>
public class Result
{
    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public static Result Success() => new([]);

    public static Result Failure(Error error) => new([error]);

    public static Result Failure(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(errors);

    public static Result<T> Success<T>(T value) => Result<T>.Success(value);
}
