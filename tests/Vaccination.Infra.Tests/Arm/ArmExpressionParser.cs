using System.Globalization;
using System.Text;

namespace Vaccination.Infra.Tests.Arm;

/// <summary>Parses the ARM template expression language: literals, calls, <c>.property</c> and <c>[index]</c>.</summary>
internal sealed class ArmExpressionParser
{
    private readonly string _text;
    private int _position;

    private ArmExpressionParser(string text) => _text = text;

    /// <summary>A JSON string is an expression when it is wrapped in brackets and does not start with the "[[" escape.</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && !value.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>Parses an expression string including its surrounding brackets.</summary>
    public static ArmExpression ParseTemplateString(string value)
    {
        if (!IsExpression(value))
        {
            throw new FormatException($"Not an ARM expression: {value}");
        }

        return Parse(value[1..^1]);
    }

    /// <summary>Parses expression text without the surrounding brackets.</summary>
    public static ArmExpression Parse(string text)
    {
        var parser = new ArmExpressionParser(text);
        var expression = parser.ParseExpression();
        parser.SkipWhitespace();
        if (parser._position != text.Length)
        {
            throw parser.Error("end of expression");
        }

        return expression;
    }

    private ArmExpression ParseExpression()
    {
        var expression = ParsePrimary();
        while (true)
        {
            SkipWhitespace();
            if (TryConsume('.'))
            {
                expression = new ArmPropertyAccess(expression, ReadIdentifier());
            }
            else if (TryConsume('['))
            {
                var index = ParseExpression();
                Expect(']');
                expression = new ArmIndexAccess(expression, index);
            }
            else
            {
                return expression;
            }
        }
    }

    private ArmExpression ParsePrimary()
    {
        SkipWhitespace();
        if (_position >= _text.Length)
        {
            throw Error("a value");
        }

        var current = _text[_position];
        if (current == '\'')
        {
            return new ArmLiteral(ReadString());
        }

        if (char.IsAsciiDigit(current) || (current == '-' && _position + 1 < _text.Length && char.IsAsciiDigit(_text[_position + 1])))
        {
            return new ArmLiteral(ReadInteger());
        }

        var name = ReadIdentifier();
        SkipWhitespace();
        if (!TryConsume('('))
        {
            return name switch
            {
                "true" => new ArmLiteral(true),
                "false" => new ArmLiteral(false),
                "null" => new ArmLiteral(null),
                _ => throw Error($"'(' after {name}"),
            };
        }

        var arguments = new List<ArmExpression>();
        SkipWhitespace();
        if (TryConsume(')'))
        {
            return new ArmCall(name, arguments);
        }

        do
        {
            arguments.Add(ParseExpression());
            SkipWhitespace();
        }
        while (TryConsume(','));

        Expect(')');
        return new ArmCall(name, arguments);
    }

    private string ReadString()
    {
        Expect('\'');
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("closing quote");
            }

            var current = _text[_position++];
            if (current != '\'')
            {
                builder.Append(current);
            }
            else if (_position < _text.Length && _text[_position] == '\'')
            {
                builder.Append('\'');
                _position++;
            }
            else
            {
                return builder.ToString();
            }
        }
    }

    private long ReadInteger()
    {
        var start = _position;
        if (_text[_position] == '-')
        {
            _position++;
        }

        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        return long.Parse(_text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private string ReadIdentifier()
    {
        SkipWhitespace();
        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error("an identifier");
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private bool TryConsume(char expected)
    {
        SkipWhitespace();
        if (_position < _text.Length && _text[_position] == expected)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char expected)
    {
        if (!TryConsume(expected))
        {
            throw Error($"'{expected}'");
        }
    }

    private FormatException Error(string expected) =>
        new($"Expected {expected} at position {_position} of ARM expression: {_text}");
}
