using Vartio.Hosting;

namespace Vartio.Tests.Infrastructure;

public static class Cli
{
    /// <summary>Runs <c>vartio</c> in process, as a shell would, and captures what it writes.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await VartioCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
