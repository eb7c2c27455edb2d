namespace Vaccination.Application.Certificates.Qr;

/// <summary>An append-only sequence of bits, most significant bit of each appended value first.</summary>
internal sealed class QrBitBuffer(int capacity)
{
    private readonly List<bool> _bits = new(capacity);

    public int Length => _bits.Count;

    public bool this[int index] => _bits[index];

    public void Append(int value, int bitCount)
    {
        if (bitCount is < 0 or > 31 || value >>> bitCount != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "The value does not fit the bit count.");
        }

        for (var i = bitCount - 1; i >= 0; i--)
        {
            _bits.Add(((value >>> i) & 1) != 0);
        }
    }

    public void Append(QrBitBuffer other)
    {
        for (var i = 0; i < other.Length; i++)
        {
            _bits.Add(other[i]);
        }
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[(Length + 7) / 8];
        for (var i = 0; i < Length; i++)
        {
            if (_bits[i])
            {
                bytes[i >>> 3] |= (byte)(0x80 >>> (i & 7));
            }
        }

        return bytes;
    }
}
