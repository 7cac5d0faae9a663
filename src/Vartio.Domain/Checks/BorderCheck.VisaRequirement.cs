using NodaTime;
using Vartio.Domain.Countries;
using static Vartio.Domain.Checks.CheckText;

namespace Vartio.Domain.Checks;

public static partial class BorderCheck
{
    private enum VisaNeed
    {
        Required,
        Exempt,
        Undetermined,
    }

    private sealed record VisaRequirement(VisaNeed Need, string Rule, string Sentence, string? Proviso = null);

    private static VisaRequirement VisaRequirementFor(CheckInput input, TravellerStanding traveller, VisaRequirementTable lists)
    {
        if (traveller.Nationality is not { } nationality)
        {
            return new(VisaNeed.Undetermined, CheckRules.VisaRequiredByNationality, "The nationality was not read: establish it, as the visa requirement follows it.");
        }

        return nationality.Alpha3 switch
        {
            "XXX" => new(VisaNeed.Undetermined, CheckRules.VisaRequiredStateless,
                "The nationality is unspecified (XXX): establish it, or the traveller's status as a refugee or stateless person, as the visa requirement follows it."),
            "XXA" => Stateless(input, lists, "A stateless person"),
            "XXB" => Stateless(input, lists, "A refugee"),
            "XXC" => Stateless(input, lists, "A refugee"),
            _ => ByNationality(nationality, input.Date, lists),
        };
    }

    private static VisaRequirement ByNationality(Country nationality, LocalDate date, VisaRequirementTable lists)
    {
        const string rule = CheckRules.VisaRequiredByNationality;
        return lists.On(nationality, date) switch
        {
            { Annex: VisaAnnex.AnnexI } entry => new(VisaNeed.Required, rule, Line($"Nationals of {nationality.Name} need a visa for a short stay ({entry.Source}).")),
            { Annex: VisaAnnex.AnnexII } entry => new(VisaNeed.Exempt, rule, Line($"Nationals of {nationality.Name} need no visa for a short stay ({entry.Source})."), entry.Proviso),
            _ => new(VisaNeed.Undetermined, rule, Line($"{nationality.Name} is on neither visa list on {Date(date)}: apply the national rules."))
        };
    }

    /// <summary>
    /// Refugees and stateless persons: the regulation looks at the state where they reside, which issued their
    /// travel document, rather than at a nationality (Regulation (EU) 2018/1806, Art. 3(2), 4(2) and 6).
    /// </summary>
    private static VisaRequirement Stateless(CheckInput input, VisaRequirementTable lists, string who)
    {
        const string rule = CheckRules.VisaRequiredStateless;
        if (input.Document.Holder.Document?.IssuingState is not { } issuer)
        {
            return new(VisaNeed.Undetermined, rule, Line($"{who}'s visa requirement follows the state that issued the travel document, which was not read: read it on the document."));
        }

        if (FreeMovement.Includes(issuer, input.Date))
        {
            return new(VisaNeed.Exempt, rule, Line($"{who} residing in a member state and holding a travel document it issued ({issuer.Name}) needs no visa (Art. 4(2))."));
        }

        return lists.On(issuer, input.Date)?.Annex switch
        {
            VisaAnnex.AnnexI => new(VisaNeed.Required, rule, Line($"{who} whose travel document was issued by {issuer.Name}, a country in Annex I, needs a visa (Art. 3(2)).")),
            VisaAnnex.AnnexII => new(VisaNeed.Undetermined, rule, Line($"{who} whose travel document was issued by {issuer.Name}, a country in Annex II, needs a visa unless the member state exempts them (Art. 6; for refugees, also the European Agreement on the Abolition of Visas for Refugees, 1959): apply the national rules.")),
            _ => new(VisaNeed.Undetermined, rule, Line($"{who} whose travel document was issued by {issuer.Name}, on neither list: apply the national rules.")),
        };
    }
}
