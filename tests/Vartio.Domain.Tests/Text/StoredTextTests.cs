using Vartio.Domain.Text;

namespace Vartio.Domain.Tests.Text;

/// <summary>
/// The characters XML 1.0 §2.2 excludes (#x0–#x8, #xB, #xC, #xE–#x1F, unpaired surrogates, #xFFFE, #xFFFF) and
/// the Unicode non-characters (Unicode 15, §23.7) are refused; everything a person types is kept.
/// </summary>
public sealed class StoredTextTests
{
    [Theory]
    [InlineData("Closure of Vaalimaa")]
    [InlineData("Rajanylityspaikat suljetaan\r\n\tklo 00.00")]
    [InlineData("Пункт пропуска «Торфяновка»")]
    [InlineData("محمد حسن")]
    [InlineData("emoji 🚧 in the supplementary plane")]
    [InlineData("")]
    public void Fault_TextAPersonTypes_IsNull(string text) => Assert.Null(StoredText.Fault(text));

    [Theory]
    [InlineData("a\0b", 2, "U+0000")]
    [InlineData("bell\a", 5, "U+0007")]
    [InlineData("vertical\vtab", 9, "U+000B")]
    [InlineData("del\u007F", 4, "U+007F")]
    [InlineData("c1\u0085", 3, "U+0085")]
    [InlineData("non\uFFFE", 4, "U+FFFE")]
    [InlineData("non\uFDD0", 4, "U+FDD0")]
    [InlineData("🚧\uFFFF", 2, "U+FFFF")]
    public void Fault_RefusedCharacter_NamesPositionAndCodePoint(string text, int position, string codePoint)
    {
        var fault = StoredText.Fault(text);
        Assert.NotNull(fault);
        Assert.StartsWith($"Character {position} ", fault, StringComparison.Ordinal);
        Assert.Contains(codePoint, fault, StringComparison.Ordinal);
    }

    [Fact]
    public void Fault_UnpairedSurrogate_IsRefused()
    {
        var fault = StoredText.Fault("ab\uD800c");
        Assert.NotNull(fault);
        Assert.Contains("surrogate", fault, StringComparison.Ordinal);
    }
}
