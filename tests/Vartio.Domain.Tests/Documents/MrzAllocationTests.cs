using System.Runtime.CompilerServices;
using Vartio.Domain.Documents;

namespace Vartio.Domain.Tests.Documents;

/// <summary>
/// Parsing a zone allocates the result and what it holds (its new strings, its corrections and remarks), nothing else:
/// the zone is copied, checked and corrected on the stack. The budget is not a byte count written down for
/// one runtime: it is the size of the result's own objects, each measured in the same process with the
/// runtime's exact per-thread allocation count, so the tests hold on any runtime and object layout and fail
/// as soon as parsing allocates anything the result does not keep.
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
        Assert.Empty(result.Corrections);
        Assert.InRange(allocated, ResultObjectBytes(), Footprint(result, previous));
    }

    [Fact]
    public void Parse_ZoneNeedingCorrection_StillAllocatesOnlyWhatTheResultHolds()
    {
        // ICAO Doc 9303 Part 4's specimen passport with the birth date's 0 misread as O.
        string[] lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO74O8122F1204159ZE184226B<<<<<10"];
        MrzParser.Parse(lines, Today);
        var previous = MrzParser.Parse(lines, Today);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = MrzParser.Parse(lines, Today);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Single(result.Corrections);
        Assert.InRange(allocated, ResultObjectBytes(), Footprint(result, previous));
    }

    /// <summary>The bytes of the objects a result holds that a second parse of the same zone made anew.</summary>
    private static long Footprint(MrzResult result, MrzResult previous)
    {
        var bytes = ResultObjectBytes();
        string?[] now = [result.DocumentCode, result.IssuingState, result.DocumentNumber, result.PrimaryIdentifier, result.SecondaryIdentifier, result.Nationality, result.OptionalData, result.OptionalData2];
        string?[] then = [previous.DocumentCode, previous.IssuingState, previous.DocumentNumber, previous.PrimaryIdentifier, previous.SecondaryIdentifier, previous.Nationality, previous.OptionalData, previous.OptionalData2];
        for (var i = 0; i < now.Length; i++)
        {
            // A string that is the same object on every parse (a country code from the table, a document
            // code, the empty string) costs nothing per parse.
            if (now[i] is { } value && !ReferenceEquals(value, then[i]))
            {
                bytes += StringBytes(value);
            }
        }

        if (result.Corrections.Count > 0)
        {
            var corrections = result.Corrections;

            // The list as the parser builds it, grown one correction at a time.
            bytes += BytesFor(() =>
            {
                var list = new List<MrzCorrection>();
                for (var i = 0; i < corrections.Count; i++)
                {
                    list.Add(corrections[i]);
                }

                return list;
            });
            foreach (var correction in corrections)
            {
                bytes += BytesFor(() => RuntimeHelpers.GetUninitializedObject(typeof(MrzCorrection)));
                bytes += StringBytes(correction.From) + StringBytes(correction.To);
            }
        }

        if (result.Remarks.Count > 0)
        {
            var remarks = result.Remarks;
            bytes += BytesFor(() =>
            {
                var list = new List<string>();
                for (var i = 0; i < remarks.Count; i++)
                {
                    list.Add(remarks[i]);
                }

                return list;
            });
            foreach (var remark in remarks)
            {
                bytes += StringBytes(remark);
            }
        }

        return bytes;
    }

    private static long ResultObjectBytes() => BytesFor(() => RuntimeHelpers.GetUninitializedObject(typeof(MrzResult)));

    private static long StringBytes(string value) => BytesFor(() => new string(value.AsSpan()));

    private static long BytesFor(Func<object> allocate)
    {
        allocate();
        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(allocate());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
