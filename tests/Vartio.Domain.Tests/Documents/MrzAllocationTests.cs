using System.Runtime.CompilerServices;
using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>
/// Parsing a valid zone allocates the result object and the strings it returns, nothing else: the zone is
/// copied, checked and corrected on the stack. Measured with the runtime's exact per-thread allocation count.
/// </summary>
public sealed class MrzAllocationTests
{
    private static readonly NodaTime.LocalDate Today = MrzSpecimenTests.Today;

    [Theory]
    [MemberData(nameof(MrzSpecimenTests.AllSpecimens), MemberType = typeof(MrzSpecimenTests))]
    public void Parse_ValidZone_AllocatesOnlyTheResultAndItsNewStrings(string name, string[] lines)
    {
        MrzParser.Parse(lines, Today); // first use: static tables
        var previous = MrzParser.Parse(lines, Today);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = MrzParser.Parse(lines, Today);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsValid, name);
        var expected = BytesFor(() => RuntimeHelpers.GetUninitializedObject(typeof(MrzResult)));
        string?[] now = [result.DocumentCode, result.IssuingState, result.DocumentNumber, result.PrimaryIdentifier, result.SecondaryIdentifier, result.Nationality, result.OptionalData, result.OptionalData2];
        string?[] then = [previous.DocumentCode, previous.IssuingState, previous.DocumentNumber, previous.PrimaryIdentifier, previous.SecondaryIdentifier, previous.Nationality, previous.OptionalData, previous.OptionalData2];
        for (var i = 0; i < now.Length; i++)
        {
            // A string that is the same object on every parse (a country code from the table, a document
            // code, the empty string) costs nothing per parse.
            if (now[i] is { } value && !ReferenceEquals(value, then[i]))
            {
                expected += BytesFor(() => new string(value.AsSpan()));
            }
        }

        Assert.Equal(expected, allocated);
    }

    [Fact]
    public void Parse_ZoneNeedingCorrection_StillAllocatesOnlyWhatTheResultHolds()
    {
        string[] lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10"];
        MrzParser.Parse(lines, Today);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = MrzParser.Parse(lines, Today);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The result, its four new strings, and one correction (record, two strings, and its list).
        Assert.Single(result.Corrections);
        Assert.InRange(allocated, 1, 1_024);
    }

    private static long BytesFor(Func<object> allocate)
    {
        allocate();
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(allocate());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
