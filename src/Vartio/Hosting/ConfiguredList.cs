namespace Vartio.Hosting;

/// <summary>
/// A list setting, written either as numbered children (<c>Proxy:KnownProxies:0</c>, as JSON arrays bind)
/// or as one comma-separated value (<c>Proxy__KnownProxies=10.0.0.1,10.0.0.2</c>, handier in an environment).
/// </summary>
public static class ConfiguredList
{
    public static IReadOnlyList<string> Read(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }

    /// <summary>
    /// Networks in CIDR notation (<c>10.20.0.0/16</c>, <c>fd00::/8</c>); a bare address is a network of one.
    /// A value that is neither stops the server at start, naming the setting.
    /// </summary>
    public static IReadOnlyList<System.Net.IPNetwork> Networks(IConfiguration configuration, string key) =>
        [.. Read(configuration, key).Select(value =>
            System.Net.IPNetwork.TryParse(value, out var network) ? network
            : System.Net.IPAddress.TryParse(value, out var address) ? new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8)
            : throw new InvalidOperationException($"{key}: '{value}' is not a network; write it in CIDR notation, e.g. 10.20.0.0/16 or fd00::/8."))];
}
