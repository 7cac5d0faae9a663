using System.Globalization;
using System.Text;
using Vartio.Checks;

namespace Vartio.Asylum;

/// <summary>Applications as CSV (RFC 4180), safe to open in a spreadsheet; names and documents only for those who see persons.</summary>
public static class AsylumCsv
{
    public static string Write(AsylumListResponse list, bool persons)
    {
        ArgumentNullException.ThrowIfNull(list);
        var header = "id,group_id,crossing_point,at,received,status,exemption,directed_to,nationality,sex,arrived_by,child,unaccompanied_minor,documented,identity_review";
        var csv = new StringBuilder(header).Append(persons ? ",person_id,name,date_of_birth,vulnerabilities,document_issuing_state,document_number\r\n" : "\r\n");
        foreach (var a in list.Applications)
        {
            csv.AppendJoin(',', [
                a.Id.ToString(),
                a.GroupId.ToString(),
                Cell(a.CrossingPoint),
                a.At.ToString(),
                Bool(a.Received),
                Cell(a.Status),
                Cell(a.Exemption),
                Cell(string.Join(' ', a.DirectedTo)),
                Cell(a.Nationality),
                Cell(a.Sex),
                Cell(a.ArrivedBy),
                Bool(a.Child),
                Bool(a.UnaccompaniedMinor),
                Bool(a.Documented),
                Cell(a.IdentityReview)]);
            if (persons && a.Person is { } p)
            {
                csv.Append(',').AppendJoin(',', [
                    p.PersonId.ToString(),
                    Cell(p.Name),
                    Cell(p.DateOfBirth),
                    Cell(string.Join(' ', p.Vulnerabilities)),
                    Cell(p.Document?.IssuingState),
                    Cell(p.Document?.Number)]);
            }

            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(string? value) => OverstayerCsv.Cell(value);

    private static string Bool(bool value) => value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
}
