using MudBlazor;

namespace Vartio.Components.Layout;

public static class VartioTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b3d6e",
            Secondary = "#4a6b8a",
            AppbarBackground = "#0b3d6e",
            Success = "#1b7f3b",
            Error = "#b3261e",
            Warning = "#9a6700",
        },
    };
}
