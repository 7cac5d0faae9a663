using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vartio.CrossingPoints.Webhooks;

namespace Vartio.Tests.Infrastructure;

/// <summary>
/// DNS for webhook tests: every name under <c>.test</c> (reserved for testing, RFC 2606) resolves to
/// 127.0.0.1, as a receiver's name would after DNS rebinding; any other name fails, so no test can reach
/// a server beyond loopback.
/// </summary>
public sealed class LoopbackNames : HostResolver
{
    public override Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        host.EndsWith(".test", StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult(new[] { IPAddress.Loopback })
            : throw new InvalidOperationException($"Tests resolve only .test names, not {host}.");

    public static void Use(WebApplicationBuilder builder) => builder.Services.AddSingleton<HostResolver, LoopbackNames>();
}
