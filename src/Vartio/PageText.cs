// The assembly is named "vartio"; its resources are named from the root namespace.
[assembly: Microsoft.Extensions.Localization.RootNamespace("Vartio")]

namespace Vartio;

/// <summary>
/// The pages' texts in every language Vartio speaks: <c>Resources/PageText.resx</c> (English, the key of each
/// text) and <c>PageText.fi.resx</c>, <c>.sv.resx</c>, <c>.ru.resx</c>. Read through <c>IStringLocalizer&lt;PageText&gt;</c>.
/// </summary>
public sealed class PageText;
