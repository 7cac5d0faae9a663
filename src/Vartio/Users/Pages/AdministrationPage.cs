using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Vartio.Audit;

namespace Vartio.Users.Pages;

/// <summary>
/// What the account and token pages share: who is acting, whether the page is interactive yet, and running
/// a change only while the signed-in person is still an enabled administrator.
/// </summary>
public abstract class AdministrationPage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = null!;

    /// <summary>The audit log's name for the signed-in administrator.</summary>
    protected string Actor { get; private set; } = "";

    /// <summary>Set once the page is connected and its buttons work.</summary>
    protected bool Interactive { get; private set; }

    private string? self;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            var user = (await AuthenticationState).User;
            (Actor, self) = (Actors.Of(user), user.Identity?.Name);
        }

        await WithAccountsAsync(ReloadAsync);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            Interactive = true;
            StateHasChanged();
        }
    }

    /// <summary>Reads what the page shows.</summary>
    protected abstract Task ReloadAsync(AccountAdministration accounts);

    /// <summary>Runs a change as the signed-in administrator, after checking they still are one, then reloads.</summary>
    protected async Task<AccountProblem?> RunAsAdministratorAsync(Func<AccountAdministration, Task<AccountProblem?>> change)
    {
        AccountProblem? problem = null;
        await WithAccountsAsync(async accounts =>
        {
            if (!await accounts.IsActiveAdminAsync(self))
            {
                problem = new AccountProblem("actor", "You are no longer an enabled administrator. Sign in again.");
                return;
            }

            problem = await change(accounts);
            await ReloadAsync(accounts);
        });
        return problem;
    }

    private async Task WithAccountsAsync(Func<AccountAdministration, Task> work)
    {
        await using var scope = Scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AccountAdministration>());
    }
}
