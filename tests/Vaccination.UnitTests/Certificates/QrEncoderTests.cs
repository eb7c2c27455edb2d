using System.Text;
using Vaccination.Application.Certificates.Qr;
using Vaccination.Application.Certificates.SmartHealthCards;

namespace Vaccination.UnitTests.Certificates;

public sealed class QrEncoderTests
{
    [Fact]
    public void Encode_ShcExample00_DecodesToExactlyByteThenNumericSegment()
    {
        var jws = TestVectors.Text("example-00-d-jws.txt");

        var code = SmartHealthCardIssuer.Render(jws)!;
        var decoded = DecodedQr.FromPng(QrPng.Render(code));

        Assert.Equal(TestVectors.Text("example-00-f-qr-code-numeric-value-0.txt"), decoded.Text);
        Assert.Equal(2, decoded.Segments.Count);
        Assert.Equal(("byte", 5, "shc:/"), decoded.Segments[0]);
        Assert.Equal("numeric", decoded.Segments[1].Mode);
        Assert.Equal(jws.Length * 2, decoded.Segments[1].Count);
        Assert.Equal(0, decoded.ErrorsCorrected);
        Assert.Equal(code.Version, decoded.Version);
        Assert.InRange(code.Version, 1, 22);
        Assert.Equal(QrErrorCorrectionLevel.Low, code.ErrorCorrectionLevel);
    }

    [Theory]
    [InlineData(1, QrErrorCorrectionLevel.Low)]
    [InlineData(17, QrErrorCorrectionLevel.Low)]
    [InlineData(60, QrErrorCorrectionLevel.Medium)]
    [InlineData(150, QrErrorCorrectionLevel.Quartile)]
    [InlineData(300, QrErrorCorrectionLevel.High)]
    [InlineData(700, QrErrorCorrectionLevel.Low)]
    [InlineData(1500, QrErrorCorrectionLevel.Medium)]
    [InlineData(2900, QrErrorCorrectionLevel.Low)]
    public void Encode_BytesOfManyLengthsAndLevels_DecodeBackWithoutCorrections(int length, QrErrorCorrectionLevel level)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + i * 7 % 26)));

        var code = QrEncoder.Encode([QrSegment.Bytes(text)], level)!;
        var decoded = DecodedQr.FromPng(QrPng.Render(code, scale: 2));

        Assert.Equal(text, decoded.Text);
        Assert.Equal(0, decoded.ErrorsCorrected);
        Assert.Equal(code.Version, decoded.Version);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(41)]
    [InlineData(1000)]
    public void Encode_NumericSegmentOfAnyRemainder_DecodesToTheSameDigits(int length)
    {
        var digits = string.Concat(Enumerable.Range(0, length).Select(i => (char)('0' + i * 3 % 10)));

        var decoded = DecodedQr.FromPng(QrPng.Render(QrEncoder.Encode([QrSegment.Numeric(digits)], QrErrorCorrectionLevel.Low)!));

        Assert.Equal(digits, decoded.Text);
        Assert.Equal([("numeric", length, digits)], decoded.Segments);
    }

    [Fact]
    public void Encode_PicksTheSmallestVersionThatHoldsTheData()
    {
        // Version 1-L holds 17 bytes in byte mode and version 2-L 32.
        Assert.Equal(1, QrEncoder.Encode([QrSegment.Bytes(new string('x', 17))], QrErrorCorrectionLevel.Low)!.Version);
        Assert.Equal(2, QrEncoder.Encode([QrSegment.Bytes(new string('x', 18))], QrErrorCorrectionLevel.Low)!.Version);
        Assert.Equal(2, QrEncoder.Encode([QrSegment.Bytes(new string('x', 32))], QrErrorCorrectionLevel.Low)!.Version);
    }

    [Fact]
    public void Encode_LongestJwsOfTheSpecification_FitsVersion22AndOneMoreCharacterDoesNot()
    {
        var longest = new string('A', SmartHealthCardIssuer.MaxJwsLength);

        var fits = SmartHealthCardIssuer.Render(longest);
        var tooLong = SmartHealthCardIssuer.Render(longest + "A");

        Assert.Equal(22, fits!.Version);
        Assert.Null(tooLong);
    }

    [Fact]
    public void Numeric_NonDigit_Throws()
    {
        Assert.Throws<ArgumentException>(() => QrSegment.Numeric("12a"));
    }

    [Fact]
    public void Render_Png_HasQuietZoneAndScaledModules()
    {
        var code = QrEncoder.Encode([QrSegment.Bytes(Encoding.ASCII.GetBytes("hello"))], QrErrorCorrectionLevel.Low)!;

        var image = PngImage.Read(QrPng.Render(code, scale: 3));

        Assert.Equal((code.Size + 2 * QrPng.QuietZone) * 3, image.Width);
        Assert.Equal(image.Width, image.Height);
        Assert.Equal(255, image.Grey[0]);
        var finderCorner = (QrPng.QuietZone * 3 * image.Width) + QrPng.QuietZone * 3;
        Assert.Equal(0, image.Grey[finderCorner]);
    }
}
