using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Vaccination.Domain.Identifiers;

namespace Vaccination.UnitTests.Identifiers;

public class MyNumberTests
{
    private const string Valid = "123456789018";

    [Fact]
    public void TryCreate_ValidNumber_Succeeds()
    {
        var result = MyNumber.TryCreate(Valid);

        Assert.True(result.IsSuccess);
        Assert.Equal(Valid, result.Value.RevealDigits());
    }

    [Theory]
    [InlineData("123456789010")]
    [InlineData("123456789019")]
    public void TryCreate_WrongCheckDigit_FailsWithClearMessage(string value)
    {
        var error = Assert.Single(MyNumber.TryCreate(value).Errors);

        Assert.Equal("my_number.check_digit", error.Code);
        Assert.Contains("check digit", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("12345678901")]
    [InlineData("1234567890123")]
    [InlineData("12345678901X")]
    public void TryCreate_NotTwelveDigits_FailsWithFormatError(string? value)
    {
        Assert.Equal("my_number.format", Assert.Single(MyNumber.TryCreate(value).Errors).Code);
    }

    [Fact]
    public void TryCreate_RemainderAtMostOne_CheckDigitIsZero()
    {
        // Find an 11-digit prefix whose weighted sum mod 11 is 0 or 1 and prove only check digit 0 is accepted.
        var prefix = Enumerable.Range(0, 1000).Select(i => $"{i:D11}").First(p => Remainder(p) <= 1 && p != "00000000000");
        var accepted = Enumerable.Range(0, 10).Where(d => MyNumber.TryCreate(prefix + d).IsSuccess).ToList();

        Assert.Equal([0], accepted);
    }

    [Fact]
    public void ToString_NeverRevealsTheNumber()
    {
        var number = MyNumber.TryCreate(Valid).Value;

        Assert.DoesNotContain("1234", number.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("9018", $"{number}", StringComparison.Ordinal);
    }

    [Fact]
    public void JsonSerialization_WritesOnlyTheMask()
    {
        var json = JsonSerializer.Serialize(new { Number = MyNumber.TryCreate(Valid).Value });

        Assert.DoesNotContain(Valid, json, StringComparison.Ordinal);
        Assert.Contains(MyNumber.Mask, json, StringComparison.Ordinal);
    }

    [Fact]
    public void DebuggerDisplay_DoesNotReferenceTheDigits()
    {
        var display = typeof(MyNumber).GetCustomAttribute<DebuggerDisplayAttribute>();

        Assert.NotNull(display);
        Assert.DoesNotContain("{", display.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_SameDigits_AreEqual()
    {
        Assert.Equal(MyNumber.TryCreate(Valid).Value, MyNumber.TryCreate(Valid).Value);
    }

    private static int Remainder(string prefix)
    {
        int[] weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        return prefix.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
    }
}
