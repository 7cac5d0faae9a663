#!/usr/bin/env python3
"""Sign-in timing: unknown user name against a known name with a wrong password (and a locked account).

    python3 benchmarks/login/timing.py [rounds]

Builds Release, starts the server on a loopback port with a scratch SQLite database and the demo users,
then alternates failed sign-ins through the real form (one GET of the page, then the timed POST) and
prints the median and quartiles of each kind in milliseconds, as a Markdown table. The rate limit is
raised and lockout put out of reach for the wrong-password rounds; the locked rounds use an account
locked beforehand. Client and server share the machine: compare the rows, not the absolute values.
"""
import html
import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
PORT = int(os.environ.get("PORT", "5124"))
BASE = f"http://127.0.0.1:{PORT}"
TOKEN = re.compile(r'name="__RequestVerificationToken" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def attempt(user, password):
    """One sign-in; returns (milliseconds of the POST, where it redirects)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(BASE + "/login").read().decode()
    token = html.unescape(TOKEN.search(page).group(1))
    form = urllib.parse.urlencode({"userName": user, "password": password, "__RequestVerificationToken": token}).encode()
    start = time.perf_counter()
    try:
        response = opener.open(BASE + "/account/login", form)
        location = response.headers.get("Location")
    except urllib.error.HTTPError as e:
        location = e.headers.get("Location")
    return (time.perf_counter() - start) * 1000, location


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "Vartio"), "-c", "Release", "-nologo", "-v", "quiet"], check=True, stdout=subprocess.DEVNULL)
    scratch = tempfile.mkdtemp()
    env = dict(os.environ, RateLimits__LoginPerMinute="1000000", Webhooks__Enabled="false", Logging__LogLevel__Default="Warning", Accounts__LockoutAfterFailures="5")
    server = subprocess.Popen(
        ["dotnet", os.path.join(ROOT, "src", "Vartio", "bin", "Release", "net10.0", "vartio.dll"), "serve", "--demo",
         "--db", os.path.join(scratch, "timing.db"), "--urls", BASE],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(BASE + "/healthz")
                break
            except Exception:
                time.sleep(1)

        # Lock one account; every other wrong-password round signs in correctly after four failures,
        # so the analyst is never locked.
        for _ in range(5):
            attempt("caseworker", "wrong password")
        kinds = {"unknown name": [], "known name, wrong password": [], "locked account, right password": []}
        locations = {k: set() for k in kinds}
        failures = 0
        for _ in range(rounds):
            for kind, (user, password) in {
                "unknown name": ("no-such-user", "wrong password"),
                "known name, wrong password": ("analyst", "wrong password"),
                "locked account, right password": ("caseworker", "Caseworker-demo-1"),
            }.items():
                ms, location = attempt(user, password)
                kinds[kind].append(ms)
                locations[kind].add(location)
            failures += 1
            if failures == 4:
                attempt("analyst", "Analyst-demo-1")
                failures = 0

        print(f"| attempt ({rounds} each, interleaved) | median ms | quartiles ms | answer |")
        print("|---|---|---|---|")
        for kind, times in kinds.items():
            q = statistics.quantiles(times, n=4)
            print(f"| {kind} | {statistics.median(times):.1f} | {q[0]:.1f}–{q[2]:.1f} | {', '.join(sorted(l or '' for l in locations[kind]))} |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
