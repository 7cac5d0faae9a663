namespace Vartio.Domain.Tests.Documents;

/// <summary>Small edits of specimen zones, by 1-based line and position as Doc 9303 numbers them.</summary>
internal static class Zone
{
    public static string[] With(this string[] lines, int line, int position, string replacement)
    {
        var copy = (string[])lines.Clone();
        var text = copy[line - 1];
        copy[line - 1] = string.Concat(text.AsSpan(0, position - 1), replacement, text.AsSpan(position - 1 + replacement.Length));
        return copy;
    }

    public static char At(this string[] lines, int line, int position) => lines[line - 1][position - 1];
}
