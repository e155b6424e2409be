#!/usr/bin/env python3
"""The replacement sprint, end to end, for bench/campaign.sh (which starts the service and writes the fleet).

Usage: campaign.py BASE FLEET_YML [CLAIMS]. Every step is timed on one keep-alive connection and printed in ms and as
a ratio to the p50 of GET /q/health/live on the same connection. A failed check the scenario depends on stops it at
once; one it does not (the .eml mails) is listed after the table. Either way the exit status is 1.
"""
import base64
import datetime
import http.client
import itertools
import json
import math
import re
import statistics
import sys
import time
import urllib.parse

BASE, FLEET = sys.argv[1], sys.argv[2]
CLAIMS = int(sys.argv[3]) if len(sys.argv) > 3 else 40
URL = urllib.parse.urlparse(BASE)
assert URL.hostname == "127.0.0.1", "the benchmark talks to 127.0.0.1 only"
CONN = http.client.HTTPConnection(URL.hostname, URL.port, timeout=300)
USERS = {"admin": "bench-secret", "alice": "a long passphrase", "bob": "a long passphrase"}
ROWS = []  # (step, ms)
PROBLEMS = []  # failed checks that did not stop the scenario


def call(method, path, body=None, user="admin", ctype="application/json"):
    """-> (status, parsed JSON or text, ms)."""
    headers = {"Authorization": "Basic " + base64.b64encode(("%s:%s" % (user, USERS[user])).encode()).decode()}
    if body is not None:
        headers["Content-Type"] = ctype
        body = body if isinstance(body, bytes) else json.dumps(body).encode()
    t0 = time.perf_counter()
    CONN.request(method, path, body, headers)
    r = CONN.getresponse()
    data = r.read()
    ms = (time.perf_counter() - t0) * 1000
    text = data.decode("utf-8", "replace")
    is_json = "json" in (r.getheader("Content-Type") or "")
    return r.status, json.loads(text) if is_json and text else text, ms


def ok(method, path, body=None, user="admin", ctype="application/json", expect=(200, 201)):
    status, answer, ms = call(method, path, body, user, ctype)
    if status not in expect:
        fail("%s %s: HTTP %d %s" % (method, path, status, str(answer)[:600]))
    return answer, ms


def fail(why):
    print("CHECK FAILED: " + why, file=sys.stderr)
    sys.exit(1)


def check(cond, why):
    if not cond:
        fail(why)


def mail(draft):
    """GET the draft as a mail: timed; a failure is recorded, not fatal (nothing later depends on it)."""
    status, answer, ms = call("GET", "/api/announcements/%d.eml" % draft["id"])
    step("GET %s draft .eml" % draft["kind"], ms, "HTTP %d" % status)
    if status != 200 or "Subject:" not in answer:
        PROBLEMS.append("GET /api/announcements/%d.eml (%s): HTTP %d %s"
                        % (draft["id"], draft["kind"], status, str(answer)[:300]))


def pct(values, p):
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def live_probe(n=300):
    for _ in range(100):  # warm-up
        call("GET", "/q/health/live")
    return [call("GET", "/q/health/live")[2] for _ in range(n)]


def step(name, ms, extra=""):
    ROWS.append((name, ms))
    print("  %-44s %9.1f ms  %8.1f x live  %s" % (name, ms, ms / LIVE, extra), flush=True)


def signed_in(user):
    """A web session of {@code user}, logged in through the form as a browser does (double-submit CSRF cookie)."""
    form = urllib.parse.urlencode({"csrf-token": "bench", "username": user, "password": USERS[user]})
    CONN.request("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded",
                                          "Cookie": "planner-csrf=bench"})
    r = CONN.getresponse()
    r.read()
    cookie = next((c.split(";")[0] for c in r.headers.get_all("Set-Cookie") or [] if c.startswith("planner-session=")),
                  None)
    check(cookie, "login of %s through the form: HTTP %d, no session cookie" % (user, r.status))
    return cookie


def timed_page(path, cookie, n=10):
    """GET a page n times with the session: (median ms, p95 ms, last body)."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        CONN.request("GET", path, headers={"Cookie": cookie})
        r = CONN.getresponse()
        body = r.read().decode("utf-8", "replace")
        times.append((time.perf_counter() - t0) * 1000)
        check(r.status == 200, "GET %s: HTTP %d" % (path, r.status))
    return statistics.median(times), pct(times, 95), body


def counts(cid):
    return ok("GET", "/api/campaigns/%d" % cid)[0]["items"]


# 0. The reference, before anything else.
live_start = live_probe()
LIVE = statistics.median(live_start)
print("reference GET /q/health/live p50 %.2f ms (p95 %.2f ms, %d requests)"
      % (LIVE, pct(live_start, 95), len(live_start)))

# 1. Import the fleet.
fleet = open(FLEET, "rb").read()
answer, import_ms = ok("POST", "/api/inventory/import?source=bench", fleet, ctype="application/yaml")
check(answer["added"] == 10000, "first import: expected added=10000, got %s" % answer["added"])
print("1. import")
step("import 10,000 hosts (first)", import_ms, "added %d" % answer["added"])
below = sum(1 for line in fleet.decode().splitlines() if re.fullmatch(r"\s+os: ubuntu-1[02]\.04", line))

# 2. The campaign, with its sprint days.
print("2. campaign")
for u in ("alice", "bob"):
    ok("POST", "/api/users", {"username": u, "displayName": u.title(), "role": "admin", "password": USERS[u]})
today = datetime.date.today()
days = [str(today + datetime.timedelta(days=d)) for d in (14, 15)]
camp, ms = ok("POST", "/api/campaigns", {"name": "bench sprint", "targets": {"ubuntu": "14.04"}, "sprintDays": days},
              expect=(201,))
cid, todo = camp["id"], camp["items"]["TODO"]
step("create campaign (default scope)", ms, "%d items, deadline %s" % (todo, camp["deadline"]))
check(todo == below, "the campaign has %d items; the fleet has %d ubuntu hosts below 14.04" % (todo, below))
items, ms = ok("GET", "/api/campaigns/%d/items" % cid)
step("GET items (all %d)" % len(items), ms)
ics, ms = ok("GET", "/calendar/campaigns/%d.ics" % cid)
step("GET sprint days feed .ics", ms)
check(all(d.replace("-", "") in ics for d in days), "the .ics feed does not name both sprint days %s" % days)
drafts = [d for d in ok("GET", "/api/announcements?status=PENDING")[0] if d.get("campaignId") == cid]
check([d["kind"] for d in drafts] == ["CAMPAIGN"], "expected one CAMPAIGN sprint-call draft, got %s" % drafts)
mail(drafts[0])

# 3. Claims. Pools from the host list: a service's providers are every host naming it.
print("3. claims")
hosts, page_ms = [], []
while len(hosts) < 10000:
    page, ms = ok("GET", "/api/hosts?page=%d&size=500" % (len(hosts) // 500))
    check(page["items"], "GET /api/hosts: empty page %d of %d hosts" % (len(hosts) // 500, page["total"]))
    hosts += page["items"]
    page_ms.append(ms)
step("GET /api/hosts page of 500 (median of %d)" % len(page_ms), statistics.median(page_ms))
in_campaign = {i["hostname"] for i in items}
cls = {h["hostname"]: h["classification"] for h in hosts}
providers = {}
for h in hosts:
    for s in h["services"]:
        providers.setdefault(s, []).append(h["hostname"])
claimable = lambda hs: [h for h in sorted(hs) if h in in_campaign and cls[h] == "TRIVIAL"]
# Two pools whose every provider is a trivial item (so the pool rule bites), largest first.
full = sorted((s for s, hs in providers.items() if len(hs) >= 3 and len(claimable(hs)) == len(hs)),
              key=lambda s: (-len(providers[s]), s))
check(len(full) >= 2, "fewer than two pools with every provider a trivial campaign item: %s" % full)
pools = full[:2]
a, b = (claimable(providers[s]) for s in pools)
order = [h for pair in itertools.zip_longest(a[:-1], b[:-1]) for h in pair if h]  # each pool keeps its last
claim_ms, claimed = [], []
for u in ("alice", "bob"):  # their first request checks the password with bcrypt (then remembered): not a claim's cost
    ok("GET", "/api/campaigns/%d" % cid, user=u)


def claim(host, user):
    answer, ms = ok("POST", "/api/campaigns/%d/items/%s/claim" % (cid, host), user=user)
    check(answer["state"] == "CLAIMED" and answer["assignee"] == user, "claim of %s: %s" % (host, answer))
    claim_ms.append(ms)
    claimed.append(host)


for n, h in enumerate(order):
    claim(h, ("alice", "bob")[n % 2])
print("  pools %s (%d and %d providers): %d claims, alternately alice and bob"
      % (", ".join(pools), len(a), len(b), len(order)))
for s, last in zip(pools, (a[-1], b[-1])):
    status, answer, ms = call("POST", "/api/campaigns/%d/items/%s/claim" % (cid, last), user="bob")
    detail = answer.get("detail", "") if isinstance(answer, dict) else str(answer)
    check(status == 409 and "would lose its last provider" in detail,
          "claim of %s, last provider of %s: expected 409 naming the last provider, got %d %s"
          % (last, s, status, detail))
    step("claim refused: last provider of %s" % s, ms, "409")
# More claims for the timing sample: pools with at least one provider outside the campaign (never emptied).
for s in sorted(providers):
    if len(claimed) >= CLAIMS or s in pools:
        continue
    hs = claimable(providers[s])
    if hs and len(hs) < len(providers[s]):
        for h in hs[:CLAIMS - len(claimed)]:
            claim(h, ("alice", "bob")[len(claimed) % 2])
step("claim, median of %d" % len(claim_ms), statistics.median(claim_ms))
step("claim, p95 of %d" % len(claim_ms), pct(claim_ms, 95))
outage = next((h for h in sorted(in_campaign) if cls[h] == "OUTAGE_REQUIRED"), None)
check(outage, "no outage-required host among the campaign's items")
status, answer, ms = call("POST", "/api/campaigns/%d/items/%s/claim" % (cid, outage), user="alice")
detail = answer.get("detail", "") if isinstance(answer, dict) else str(answer)
check(status == 409 and "needs an announced outage" in detail,
      "claim of outage-required %s: expected 409, got %d %s" % (outage, status, detail))
step("claim refused: outage-required host", ms, "409")
c = counts(cid)
check(c["CLAIMED"] == len(claimed), "expected %d CLAIMED, the campaign says %s" % (len(claimed), c))

# 4. Replaced.
print("4. replaced")
replaced_ms = []
for h in claimed:
    answer, ms = ok("POST", "/api/campaigns/%d/items/%s/replaced" % (cid, h), {"note": "rebuilt on 14.04"})
    check(answer["state"] == "REPLACED", "replaced %s: %s" % (h, answer))
    replaced_ms.append(ms)
step("replaced, median of %d" % len(replaced_ms), statistics.median(replaced_ms))
step("replaced, p95 of %d" % len(replaced_ms), pct(replaced_ms, 95))
c = counts(cid)
check(c["REPLACED"] == len(claimed) and c["CLAIMED"] == 0, "after replaced: %s" % c)

# 4b. The board, as alice sees it in her browser: every item, and her own work.
cookie = signed_in("alice")
median, p95, body = timed_page("/campaigns/%d" % cid, cookie)
check('id="column-REPLACED"' in body and claimed[0] in body, "the board does not show %s as replaced" % claimed[0])
step("board page, median of 10", median, "p95 %.1f ms" % p95)
median, p95, body = timed_page("/campaigns/%d?assignee=me" % cid, cookie)
step("board, my work, median of 10", median, "p95 %.1f ms" % p95)

# 5. The inventory shows them on 14.04: re-import, and they are VERIFIED.
print("5. re-import")
lines, host, edited, todo_hosts = fleet.decode().split("\n"), None, 0, set(claimed)
for i, line in enumerate(lines):
    m = re.fullmatch(r"\s+(\S+):", line)
    if m:
        host = m.group(1)
    elif host in todo_hosts and re.fullmatch(r"\s+os: ubuntu-1[02]\.04", line):
        lines[i] = line.split("os:")[0] + "os: ubuntu-14.04"
        todo_hosts.discard(host)
        edited += 1
check(not todo_hosts, "no os line found for %s" % sorted(todo_hosts))
answer, reimport_ms = ok("POST", "/api/inventory/import?source=bench", "\n".join(lines).encode(),
                        ctype="application/yaml")
step("re-import, %d hosts on 14.04" % edited, reimport_ms, "%.2f x first import; updated %d unchanged %d"
     % (reimport_ms / import_ms, answer["updated"], answer["unchanged"]))
check(answer["updated"] == edited and answer["removed"] == 0,
      "re-import: expected updated=%d removed=0, got %s"
      % (edited, {k: answer[k] for k in ("added", "updated", "unchanged", "removed")}))
c = counts(cid)
check(c["VERIFIED"] == len(claimed) and c["REPLACED"] == 0,
      "after the re-import: expected %d VERIFIED, got %s" % (len(claimed), c))
print("  items now %s" % c)

# 6. The planner on the same fleet, with the campaign's targets.
print("6. planner")
windows, ms = ok("POST", "/api/planner/proposals", b"")
step("POST /api/planner/proposals", ms, "%d windows, %d hosts" % (len(windows), sum(len(w["hosts"]) for w in windows)))

# 7. Close: the summary draft.
print("7. close")
closed, ms = ok("POST", "/api/campaigns/%d/close" % cid)
check(closed["state"] == "CLOSED", "close: %s" % closed["state"])
step("close campaign", ms)
drafts = ok("GET", "/api/announcements?status=PENDING")[0]
summary = [d for d in drafts if d.get("campaignId") == cid and d["kind"] == "CAMPAIGN_SUMMARY"]
check(len(summary) == 1, "expected one CAMPAIGN_SUMMARY draft, found %d" % len(summary))
check("Replaced and verified" in summary[0]["body"],
      "the summary does not say 'Replaced and verified':\n" + summary[0]["body"])
body = summary[0]["body"].splitlines()
at = next(i for i, line in enumerate(body) if "Replaced and verified" in line)
print("  summary draft: %s\n    %s" % (summary[0]["subject"], "\n    ".join(body[at:at + 3])))
mail(summary[0])

# 8. The table; the reference probed again shows how much the machine drifted meanwhile (ratios use the first).
live_end = statistics.median(live_probe())
print("\nreference GET /q/health/live p50 %.2f ms (probed again at the end: %.2f ms)" % (LIVE, live_end))
print("%-46s %10s %12s" % ("step", "ms", "x live p50"))
for name, ms in ROWS:
    print("%-46s %10.1f %12.1f" % (name, ms, ms / LIVE))
print("re-import / first import: %.2f" % (reimport_ms / import_ms))
for p in PROBLEMS:
    print("CHECK FAILED: " + p, file=sys.stderr)
sys.exit(1 if PROBLEMS else 0)
