using NodaTime;

namespace Vartio.Stays;

/// <summary>A run of days on a timeline; <paramref name="Kind"/> names its style and legend.</summary>
public sealed record TimelineRun(DateInterval Days, string Kind);

public sealed record TimelineMarker(LocalDate Day, string Kind, string Label);
