namespace Vartio.Domain.Stays;

/// <summary>A run of days as day numbers, first and last included.</summary>
internal readonly record struct DayRange(int Start, int End)
{
    public int Length => End - Start + 1;
}
