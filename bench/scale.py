#!/usr/bin/env python3
"""Scale benchmark driver (run by bench/scale.sh against a started service).

Cost must follow the change, not the fleet. Measures, in one run:
  * one host edit, one override and one 10-host import: p95 in a 1,000-host fleet and in a 100,000-host fleet;
  * an import of 10,000 new hosts into an empty fleet and into the 100,000-host fleet;
  * the dashboard and the host list at 100,000 hosts (p95), against /q/health/live as the reference.
Every fleet is made of generated inventories (bench/gen_inventory.py), each with its own host names and its own pools
(a --service-prefix per inventory): a new inventory joins no existing pool, as a new site or team would.
Usage: scale.py BASE_URL USER:PASSWORD [REPEATS]
"""
import base64
import http.client
import json
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_inventory import generate  # noqa: E402

BASE = urllib.parse.urlparse(sys.argv[1])
AUTH = "Basic " + base64.b64encode(sys.argv[2].encode()).decode()
REPEATS = int(sys.argv[3]) if len(sys.argv) > 3 else 40
conn = http.client.HTTPConnection(BASE.hostname, BASE.port, timeout=600)


def call(method, path, body=None, content_type="application/json", headers=None, expect=(200, 201, 204)):
    h = {"Authorization": AUTH} if headers is None else dict(headers)
    if body is not None:
        h["Content-Type"] = content_type
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode()
    t0 = time.perf_counter()
    conn.request(method, path, body, h)
    r = conn.getresponse()
    data = r.read()
    ms = (time.perf_counter() - t0) * 1000
    if r.status not in expect:
        sys.exit("%s %s: HTTP %d %s" % (method, path, r.status, data[:500]))
    return ms, (json.loads(data) if data and r.getheader("Content-Type", "").startswith("application/json") else data), r


def imports(source, text):
    return call("POST", "/api/inventory/import?source=" + source, text, "application/yaml")[0]


def fleet_size():
    return call("GET", "/api/hosts?size=1")[1]["total"]


def p95(samples):
    s = sorted(samples)
    return s[max(0, int(round(0.95 * len(s))) - 1)]


def ten_hosts(variant):
    os_name = "ubuntu-12.04" if variant == 0 else "ubuntu-14.04"
    lines = ["all:", "  children:", "    tenpool:", "      vars:", "        services: [ten-svc]", "        replaceable: true",
             "      hosts:"]
    lines += ["        ten%02d.bench.test:\n          os: %s" % (i, os_name) for i in range(10)]
    return "\n".join(lines) + "\n"


def probe_host(name, replaceable, version=None):
    body = {"hostname": name, "os": {"distro": "ubuntu", "version": "12.04"}, "services": ["probe-svc"],
            "groups": ["probe_pool"], "replaceable": replaceable, "stateful": False}
    if version is not None:
        body["version"] = version
    return body


def small_changes(label):
    """p95 (ms) of a host edit, an override and a 10-host import, each REPEATS times after 5 unmeasured ones."""
    figures = {}
    edits = []
    for i in range(REPEATS + 5):
        version = call("GET", "/api/hosts/probe-a.bench.test")[1]["version"]
        ms = call("PUT", "/api/hosts/probe-a.bench.test", probe_host("probe-a.bench.test", i % 2 == 0, version))[0]
        edits.append(ms)
    figures["edit"] = p95(edits[5:])
    overrides = []
    for i in range(REPEATS + 5):
        body = {"classification": "OUTAGE_REQUIRED" if i % 2 == 0 else "TRIVIAL", "reason": "scale benchmark %d" % i}
        overrides.append(call("PUT", "/api/hosts/probe-b.bench.test/classification", body)[0])
    figures["override"] = p95(overrides[5:])
    tens = []
    for i in range(REPEATS + 5):
        tens.append(imports("ten", ten_hosts(i % 2)))
    figures["import of 10 hosts"] = p95(tens[5:])
    print("  %-9s %s" % (label, "  ".join("%s p95 %.1f ms" % kv for kv in figures.items())))
    return figures


def pages():
    session = login()
    cookie = {"Cookie": "planner-session=" + session}
    figures = {}
    for label, path, headers in (("reference /q/health/live", "/q/health/live", {}), ("dashboard /", "/", cookie),
                                 ("hosts /hosts", "/hosts", cookie), ("hosts, filtered and sorted", "/hosts?classification=OUTAGE_REQUIRED&sort=-eol&page=3", cookie)):
        for _ in range(5):
            call("GET", path, headers=headers)
        figures[label] = p95([call("GET", path, headers=headers)[0] for _ in range(REPEATS)])
        print("  %-28s p95 %.1f ms" % (label, figures[label]))
    return figures


def login():
    _, _, r = call("POST", "/login", "csrf-token=bench&username=%s&password=%s" % tuple(sys.argv[2].split(":", 1)),
                   "application/x-www-form-urlencoded", headers={"Cookie": "planner-csrf=bench"}, expect=(303,))
    for k, v in r.getheaders():
        if k.lower() == "set-cookie" and v.startswith("planner-session="):
            return v.split("=", 1)[1].split(";", 1)[0]
    sys.exit("login failed")


def main():
    probe = generate(10000, 42, "x", "probe.example.org", "x-")
    warm = generate(10000, 43, "w", "warm.example.org", "w-")
    empty = "all:\n  hosts: {}\n"

    # Warm-up of the import path, then the 10,000-host import into an empty fleet (removed again afterwards).
    imports("warm", warm)
    imports("warm", empty)
    into_empty = imports("probe", probe) / 1000
    imports("probe", empty)
    print("import of 10,000 new hosts into an empty fleet: %.2f s" % into_empty)

    call("POST", "/api/hosts", probe_host("probe-a.bench.test", True))
    call("POST", "/api/hosts", probe_host("probe-b.bench.test", True))
    imports("small", generate(1000 - 2, 7, "s", "small.example.org", "s-"))
    print("fleet of %d hosts:" % fleet_size())
    small_changes("1k, a first pass to warm up, not counted")
    small = small_changes("1k")

    for k in range(10):
        secs = imports("fleet%d" % k, generate(10000, 1000 + k, "f%d" % k, "fleet%d.example.org" % k, "f%d-" % k)) / 1000
        print("  import of 10,000 new hosts into %6d: %.2f s" % (fleet_size() - 10000, secs))
    print("fleet of %d hosts:" % fleet_size())
    large = small_changes("100k")
    print("ratios 100k / 1k (goal <= 3, and each p95 under 100 ms): " + "  ".join(
        "%s %.2f" % (k, large[k] / small[k]) for k in small))
    into_large = imports("probe", probe) / 1000
    print("import of 10,000 new hosts into %d hosts: %.2f s, ratio to the empty fleet %.2f (goal <= 1.5)"
          % (fleet_size() - 10000, into_large, into_large / into_empty))
    print("pages at %d hosts (goal: p95 under 150 ms):" % fleet_size())
    pages()


main()
