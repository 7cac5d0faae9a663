using System.Globalization;

namespace Vartio.Domain.Stays;

/// <summary>
/// The fields of a stays input in the API's JSON path form (<c>stays[2].exit</c>, <c>excluded[0].to</c>),
/// written and read back in this one place: the command line turns a stay's index into the line it came
/// from, the page into its row.
/// </summary>
public static class StayFields
{
    private const string StaysPrefix = "stays[";
    private const string ExcludedPrefix = "excluded[";

    /// <param name="member">"", ".entry" or ".exit".</param>
    public static string Stay(int index, string member = "") =>
        string.Create(CultureInfo.InvariantCulture, $"{StaysPrefix}{index}]{member}");

    /// <param name="member">"", ".from" or ".to".</param>
    public static string Excluded(int index, string member = "") =>
        string.Create(CultureInfo.InvariantCulture, $"{ExcludedPrefix}{index}]{member}");

    /// <summary>The index of the stay a field names; null when it names no stay.</summary>
    public static int? StayIndex(string field) => Index(field, StaysPrefix);

    /// <summary>The index of the excluded period a field names; null when it names none.</summary>
    public static int? ExcludedIndex(string field) => Index(field, ExcludedPrefix);

    /// <summary>Whether a field names the excluded periods or one of them.</summary>
    public static bool IsExcluded(string field) => field.StartsWith("excluded", StringComparison.Ordinal);

    private static int? Index(string field, string prefix)
    {
        if (!field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = field.IndexOf(']', prefix.Length);
        return end > prefix.Length
            && int.TryParse(field.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }
}
