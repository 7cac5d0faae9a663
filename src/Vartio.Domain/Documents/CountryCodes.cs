using Vartio.Domain.Countries;

namespace Vartio.Domain.Documents;

/// <summary>A zone's country field as a result reports it (<see cref="Value"/>: <c>D</c>, <c>UTO</c>), with the entity it names.</summary>
public readonly record struct CountryCode(Country Country, string Value);

/// <summary>
/// The former lookup of a zone's country field, kept for the watchlist reader until it calls
/// <see cref="Country.FromAlpha3"/>; everything else uses <see cref="Country"/>.
/// </summary>
public static class CountryCodes
{
    public static CountryCode? Find(ReadOnlySpan<char> field) =>
        Country.FromMrz(field) is { } country ? new CountryCode(country, country.WrittenIn(field)) : null;
}
