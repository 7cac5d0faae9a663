using Vartio.Domain.Stays;

namespace Vartio.Domain.Tests.Stays;

public sealed class StayFieldsTests
{
    [Theory]
    [InlineData(0, ".entry", "stays[0].entry")]
    [InlineData(12, ".exit", "stays[12].exit")]
    [InlineData(3, "", "stays[3]")]
    public void Stay_IsReadBackToItsIndex(int index, string member, string field)
    {
        Assert.Equal(field, StayFields.Stay(index, member));
        Assert.Equal(index, StayFields.StayIndex(field));
    }

    [Theory]
    [InlineData("on")]
    [InlineData("entry")]
    [InlineData("excluded[0].from")]
    [InlineData("stays")]
    [InlineData("stays[].entry")]
    [InlineData("stays[x].entry")]
    public void StayIndex_FieldNamingNoStay_IsNull(string field) => Assert.Null(StayFields.StayIndex(field));

    [Fact]
    public void Excluded_IsReadBackToItsIndex()
    {
        Assert.Equal("excluded[4].to", StayFields.Excluded(4, ".to"));
        Assert.Equal(4, StayFields.ExcludedIndex("excluded[4].to"));
        Assert.Null(StayFields.ExcludedIndex("stays[4].exit"));
    }
}
