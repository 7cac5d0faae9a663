using BenchmarkDotNet.Attributes;
using NodaTime;
using Vartio.Domain.Documents;

namespace Vartio.Benchmarks;

/// <summary>
/// Parse and validate one machine-readable zone per format. TD1, TD2 and TD3 are the inputs of the npm
/// baseline (benchmarks/mrz-baseline/inputs.json: ICAO's specimens with the specimen state UTO replaced by
/// SWE); MRV-A, MRV-B and the French card are their published specimens; "TD3 misread" is the passport with an
/// O read for a 0, which the check digits correct. Results and the baseline's figures: docs/PERFORMANCE.md.
/// </summary>
public class MrzBenchmarks
{
    private static readonly LocalDate Today = new(2026, 1, 15);

    private static readonly Dictionary<string, string[]> Zones = new(StringComparer.Ordinal)
    {
        ["TD1"] = ["I<SWED231458907<<<<<<<<<<<<<<<", "7408122F1204159SWE<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"],
        ["TD2"] = ["I<SWEERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907SWE7408122F1204159<<<<<<<6"],
        ["TD3"] = ["P<SWEERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36SWE7408122F1204159ZE184226B<<<<<10"],
        ["MRVA"] = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"],
        ["MRVB"] = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"],
        ["FRA_ID"] = ["IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "8806923102858CORINNE<<<<<<<6512068F6"],
        ["TD3 misread"] = ["P<SWEERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8989O2C36SWE7408122F1204159ZE184226B<<<<<10"],
    };

    private string[] lines = [];

    [Params("TD1", "TD2", "TD3", "MRVA", "MRVB", "FRA_ID", "TD3 misread")]
    public string Format { get; set; } = "TD3";

    [GlobalSetup]
    public void Setup()
    {
        lines = Zones[Format];
        var result = MrzParser.Parse(lines, Today);
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"{Format} does not parse as valid: {string.Join("; ", result.Problems)}");
        }
    }

    [Benchmark]
    public MrzResult ParseAndValidate() => MrzParser.Parse(lines, Today);
}
