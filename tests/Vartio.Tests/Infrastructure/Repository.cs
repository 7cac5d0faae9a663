namespace Vartio.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The checkout's root: the nearest folder above the test binaries holding Vartio.slnx.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vartio.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Vartio.slnx not found above the test binaries.");
    }
}
