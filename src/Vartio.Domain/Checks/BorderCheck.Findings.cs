namespace Vartio.Domain.Checks;

public static partial class BorderCheck
{
    private const char NoDocumentsJustifyingPurpose = 'E';
    private const char NoSufficientMeans = 'G';

    private static (CheckCondition Purpose, CheckCondition Means) Findings(CheckInput input, TravellerStanding traveller) =>
    (
        Finding(input, traveller, ConditionCodes.Purpose, CheckRules.Purpose, input.Findings?.PurposeJustified, NoDocumentsJustifyingPurpose,
            "The officer found the purpose and conditions of the stay justified.",
            "The officer found the purpose and conditions of the stay not justified.",
            "The purpose and conditions of the stay are not yet assessed: the officer asks and records the finding."),
        Finding(input, traveller, ConditionCodes.Means, CheckRules.Means, input.Findings?.SufficientMeans, NoSufficientMeans,
            "The officer found the means of subsistence sufficient.",
            "The officer found the means of subsistence not sufficient for the stay and the return.",
            "The means of subsistence are not yet assessed: the officer asks and records the finding.")
    );

    private static CheckCondition Finding(
        CheckInput input, TravellerStanding traveller, string code, string rule, bool? found, char reason, string yes, string no, string unknown)
    {
        if (input.Direction == CheckDirection.Exit)
        {
            return NotApplicable(code, rule, "Checked at entry only.");
        }

        if (!traveller.Thorough)
        {
            return NotApplicable(code, rule, MinimumCheckSentence(traveller));
        }

        return found switch
        {
            true => new CheckCondition(code, ConditionResult.Pass, rule, yes),
            false => new CheckCondition(code, ConditionResult.Fail, rule, no, reason),
            null => new CheckCondition(code, ConditionResult.NeedsAttention, rule, unknown),
        };
    }
}
