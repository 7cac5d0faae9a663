using NodaTime;

namespace Vartio.CrossingPoints;

/// <summary>The zone in which people at this border read times that carry no offset (Border:TimeZone).</summary>
public sealed record BorderZone(DateTimeZone Zone);
