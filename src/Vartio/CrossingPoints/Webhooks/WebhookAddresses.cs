using System.Net;
using System.Net.Sockets;
using Vartio.Hosting;

namespace Vartio.CrossingPoints.Webhooks;

/// <summary>
/// Where webhooks may be sent. A receiver is another authority's server on the internet; an address of this
/// server's own networks (loopback, private, link-local with its cloud metadata service, carrier-grade NAT,
/// multicast, reserved) is refused unless an operator allows its network in <c>Webhooks:AllowedNetworks</c>.
/// The rule is applied twice: to a literal address when a subscription is registered, and to every address a
/// name resolves to when a delivery connects, so a name that later resolves inward (DNS rebinding) gains nothing.
/// </summary>
public sealed class WebhookAddresses(IReadOnlyList<IPNetwork> allowed)
{
    public const string AllowedNetworksKey = "Webhooks:AllowedNetworks";

    /// <summary>What the delivery log says of a refused attempt: nothing about what, if anything, listens there.</summary>
    public const string Refused = "refused: address not allowed";

    /// <summary>IANA special-purpose registries (RFC 6890 and its updates): the ranges that are not the public internet.</summary>
    private static readonly IPNetwork[] Internal =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network" (RFC 791); 0.0.0.0 reaches the local host
        IPNetwork.Parse("10.0.0.0/8"),       // private (RFC 1918)
        IPNetwork.Parse("100.64.0.0/10"),    // carrier-grade NAT (RFC 6598)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback (RFC 1122)
        IPNetwork.Parse("169.254.0.0/16"),   // link-local (RFC 3927), with cloud metadata at 169.254.169.254
        IPNetwork.Parse("172.16.0.0/12"),    // private (RFC 1918)
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments (RFC 6890)
        IPNetwork.Parse("192.168.0.0/16"),   // private (RFC 1918)
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking (RFC 2544)
        IPNetwork.Parse("224.0.0.0/4"),      // multicast (RFC 5771)
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, and the broadcast 255.255.255.255 (RFC 1112, RFC 919)
        IPNetwork.Parse("::/128"),           // unspecified (RFC 4291)
        IPNetwork.Parse("::1/128"),          // loopback (RFC 4291)
        IPNetwork.Parse("::/96"),            // IPv4-compatible, deprecated (RFC 4291)
        IPNetwork.Parse("64:ff9b:1::/48"),   // local-use NAT64 (RFC 8215)
        IPNetwork.Parse("100::/64"),         // discard-only (RFC 6666)
        IPNetwork.Parse("fc00::/7"),         // unique local (RFC 4193)
        IPNetwork.Parse("fe80::/10"),        // link-local (RFC 4291)
        IPNetwork.Parse("fec0::/10"),        // site-local, deprecated (RFC 3879)
        IPNetwork.Parse("ff00::/8"),         // multicast (RFC 4291)
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");   // RFC 6052: IPv4 in the last 32 bits
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");   // RFC 3056: IPv4 in bits 16–47

    public static WebhookAddresses From(IConfiguration configuration) => new(ConfiguredList.Networks(configuration, AllowedNetworksKey));

    /// <summary>Whether a delivery may connect to <paramref name="address"/>.</summary>
    public bool Allows(IPAddress address)
    {
        var plain = Unwrap(address);
        return !IsInternal(plain) || allowed.Any(n => n.Contains(plain) || n.Contains(address));
    }

    /// <summary>Whether the address is outside the public internet, whatever it is written as.</summary>
    public static bool IsInternal(IPAddress address)
    {
        var plain = Unwrap(address);
        if (Internal.Any(n => n.Contains(plain)))
        {
            return true;
        }

        // An IPv6 address that carries an IPv4 one goes where that one goes.
        var bytes = plain.GetAddressBytes();
        if (Nat64.Contains(plain))
        {
            return IsInternal(new IPAddress(bytes[12..16]));
        }

        return SixToFour.Contains(plain) && IsInternal(new IPAddress(bytes[2..6]));
    }

    /// <summary>
    /// Why a receiver's URL is refused at registration, or null: its host is an address (in any notation:
    /// <c>2130706433</c>, <c>0x7f000001</c>, <c>[::ffff:127.0.0.1]</c>) or a <c>localhost</c> name (RFC 6761)
    /// that this rule refuses. Other names are checked when a delivery connects.
    /// </summary>
    public string? RefusalOf(Uri url)
    {
        var host = (url.HostNameType == UriHostNameType.IPv6 ? url.DnsSafeHost : url.IdnHost).TrimEnd('.');
        IPAddress[] addresses = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
            : IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : [];
        return addresses.Length > 0 && !addresses.Any(Allows)
            ? $"{url.Host} is an address of a local, private or reserved network, where webhooks are not sent (allow its network in {AllowedNetworksKey} to send there)."
            : null;
    }

    private static IPAddress Unwrap(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
}

/// <summary>Resolves a receiver's host name; the whole of DNS, replaceable where a test must stay on loopback.</summary>
public class HostResolver
{
    public virtual Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>A delivery was not sent: no address of its host is allowed. No connection was opened.</summary>
public sealed class WebhookAddressRefusedException(string host) : Exception($"No address of {host} is allowed for webhooks.");

/// <summary>
/// Opens the webhook client's connections: resolves the host, keeps only allowed addresses, and connects
/// to those alone, so the check holds for the address actually used.
/// </summary>
public sealed class WebhookConnections(WebhookAddresses addresses, HostResolver resolver)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var resolved = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await resolver.ResolveAsync(endpoint.Host, cancellationToken);
        var allowed = resolved.Where(addresses.Allows).ToArray();
        if (allowed.Length == 0)
        {
            throw new WebhookAddressRefusedException(endpoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
