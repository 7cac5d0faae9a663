using Microsoft.AspNetCore.Identity;

namespace Vartio.Data.Entities;

public sealed class VartioUser : IdentityUser
{
    public bool Disabled { get; set; }

    /// <summary>Crossing points an Officer or StationHead may act at.</summary>
    public List<string> CrossingPoints { get; set; } = [];
}
