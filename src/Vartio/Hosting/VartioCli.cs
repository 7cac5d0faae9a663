using System.CommandLine;

namespace Vartio.Hosting;

/// <summary>The <c>vartio</c> command line: one executable that is the server and the tools.</summary>
public static class VartioCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Vartio: border crossing management.");
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        return await parse.InvokeAsync();
    }
}
