using NodaTime;
using Vartio.Domain.Documents;
using Vartio.Domain.Travellers;

namespace Vartio.Domain.Checks;

/// <summary>The travel document presented, as far as it was read or typed in.</summary>
/// <param name="Holder">Who the document says the traveller is; its <see cref="TravellerIdentity.Document"/> gives code, number, issuing state and expiry.</param>
/// <param name="ZoneValid">
/// Whether the machine-readable zone was read with no problem (check digits included, after any correction the
/// check digits prove); null when the fields were typed in from a document without a zone.
/// </param>
/// <param name="IssueDate">The date of issue, when read from the data page; a zone does not carry it.</param>
public sealed record PresentedDocument(TravellerIdentity Holder, bool? ZoneValid, LocalDate? IssueDate = null)
{
    /// <summary>The document a zone gives; null when the input was not a machine-readable zone at all.</summary>
    public static PresentedDocument? FromMrz(MrzResult result, LocalDate? issueDate = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TravellerIdentity.FromMrz(result) is { } holder ? new PresentedDocument(holder, result.IsValid, issueDate) : null;
    }

    /// <summary>The document code (<c>P</c>, <c>I</c>, <c>ID</c>, …); null when unread.</summary>
    public string? Code => Holder.Document?.Code;

    public LocalDate? Expiry => Holder.Document?.Expiry;
}
