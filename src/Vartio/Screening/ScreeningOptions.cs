namespace Vartio.Screening;

public sealed class ScreeningOptions
{
    /// <summary>
    /// How often a server asks the database whether another server or the command line imported a list, in
    /// seconds. An import through this server's API or page is in its index at once.
    /// </summary>
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>How long a screening waits for the lists to be loaded after a start before it answers 503.</summary>
    public int StartupWaitSeconds { get; set; } = 10;

    /// <summary>The largest file the import endpoint accepts.</summary>
    public long MaxImportBytes { get; set; } = 512L * 1024 * 1024;
}
