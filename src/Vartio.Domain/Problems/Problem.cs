using System.Globalization;

namespace Vartio.Domain.Problems;

/// <summary>
/// One thing wrong with an input, the same for every capability: the field at fault in the API's JSON path
/// form (<c>stays[2].exit</c>, <c>lines</c>, <c>effects[0].from</c>), and for input read as lines (a machine-readable
/// zone, a CSV file, a stays file) the 1-based line and position (for CSV: the column's name in
/// <see cref="Field"/>, its line in <see cref="Line"/>). The API shows it as problem details, the CLI as a message
/// and a non-zero exit code, the pages beside the field.
/// </summary>
/// <param name="Field">The input at fault; never empty.</param>
/// <param name="Message">A sentence that says what is wrong and, where it can, what would be right.</param>
/// <param name="Line">The 1-based line of line-oriented input, when the problem is on one line.</param>
/// <param name="Position">The 1-based character position on <see cref="Line"/>, when one character is at fault.</param>
public sealed record Problem(string Field, string Message, int? Line = null, int? Position = null)
{
    /// <summary>
    /// The problem as one sentence for a person: "Line 2, position 14 (birth date): …", "stays[1].exit: …".
    /// The API's problem details carry this in <c>detail</c>; the CLI prints it.
    /// </summary>
    public string Describe()
    {
        var message = Message.EndsWith('.') ? Message : Message + ".";
        return (Line, Position) switch
        {
            ({ } line, { } position) => string.Create(CultureInfo.InvariantCulture, $"Line {line}, position {position} ({Field}): {message}"),
            ({ } line, null) => string.Create(CultureInfo.InvariantCulture, $"Line {line} ({Field}): {message}"),
            _ => $"{Field}: {message}",
        };
    }
}
