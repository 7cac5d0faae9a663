namespace Vartio.Domain.Documents;

/// <summary>What a problem or a correction is about: a field of the zone, its check digit, or the input as a whole.</summary>
public enum MrzField
{
    /// <summary>The input as a whole: line count, line lengths.</summary>
    Input,
    DocumentCode,
    IssuingState,
    DocumentNumber,
    DocumentNumberCheckDigit,
    PrimaryIdentifier,
    SecondaryIdentifier,
    Nationality,
    DateOfBirth,
    DateOfBirthCheckDigit,
    Sex,
    DateOfExpiry,
    DateOfExpiryCheckDigit,

    /// <summary>Optional data; the personal number of a passport (TD3).</summary>
    OptionalData,

    /// <summary>The check digit of a passport's personal number (TD3 line 2 position 43).</summary>
    OptionalDataCheckDigit,

    /// <summary>The second optional data field of a TD1 card (line 2 positions 19–29).</summary>
    OptionalData2,
    CompositeCheckDigit,

    /// <summary>The month of issue of a French identity card (line 2 positions 1–4).</summary>
    DateOfIssue,
}

public static class MrzFields
{
    private static readonly string[] Names =
    [
        "input", "documentCode", "issuingState", "documentNumber", "documentNumberCheckDigit", "primaryIdentifier",
        "secondaryIdentifier", "nationality", "dateOfBirth", "dateOfBirthCheckDigit", "sex", "dateOfExpiry",
        "dateOfExpiryCheckDigit", "optionalData", "optionalDataCheckDigit", "optionalData2", "compositeCheckDigit",
        "dateOfIssue",
    ];

    /// <summary>The field's name as the API and the command line spell it (camelCase, as the JSON keys).</summary>
    public static string Name(this MrzField field) => Names[(int)field];
}
