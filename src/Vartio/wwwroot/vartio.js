// Parts of a page marked data-refresh are fetched again every 30 seconds and replaced when they differ: the
// public status page stays current for many readers at once, each costing one cached page request a half-minute
// and no open connection. window.vartio.refresh() does it at once.
(() => {
    const everyMilliseconds = 30000;

    async function refresh() {
        const parts = document.querySelectorAll('[data-refresh]');
        if (parts.length === 0) {
            return;
        }

        const response = await fetch(location.href, { headers: { Accept: 'text/html' }, cache: 'no-store', credentials: 'same-origin' });
        if (!response.ok) {
            return;
        }

        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelectorAll('[data-refresh]');
        parts.forEach((part, i) => {
            if (fresh[i] && part.getAttribute('data-refresh') === fresh[i].getAttribute('data-refresh') && part.innerHTML !== fresh[i].innerHTML) {
                part.innerHTML = fresh[i].innerHTML;
            }
        });
    }

    window.vartio = { refresh };
    setInterval(() => {
        if (document.visibilityState !== 'hidden') {
            refresh().catch(() => { });
        }
    }, everyMilliseconds);
})();
