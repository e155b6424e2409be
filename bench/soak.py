#!/usr/bin/env python3
"""Soak load for bench/soak.sh (stdlib only): mixed clients against one running service until a deadline.

Usage: soak.py BASE MINUTES APP_PID HOSTS [PACE]
  BASE     http://127.0.0.1:PORT of a service seeded with gen_inventory.py's HOSTS hosts (source `bench`)
  APP_PID  the service's process id: `jcmd APP_PID GC.run` before each minute's heap reading, unless SOAK_FORCE_GC=0
  PACE     multiplies every worker's request rate (default 1)

Workers, one keep-alive connection each, each at its own bounded pace, each ending by itself at the deadline:
  feed      ~10 req/s: /calendar/outages.ics without and with If-None-Match (the ETag last seen; 304 is success),
            per-service and per-host feeds
  edit      ~1 edit/s: GET /api/hosts/{h} then PUT with the version read (one var changed), on the even-numbered hosts
  override  ~0.5/s: PUT /api/hosts/{h}/classification (sometimes DELETE) on the odd-numbered hosts; every 10 s a
            re-import of a few hosts of its own source (`soak-reimport`), alternating their os, adding and removing one
  window    ~0.5/s: POST /api/windows (start 3-60 s ahead, 5-30 s long, one host of its own source `soak-windows`,
            ending before the deadline) and reads back a window and the list
  announcer every 3 s, with the announcer's login: GET /api/announcements?status=PENDING, then per draft GET .eml and POST .../sent
  (and a sampler reading /q/metrics every 5 s for the heap.)
The workers touch disjoint hosts, so a 409 between them should not happen; one is counted as "conflict", not an error.
A 409 on .../sent whose draft reads SUPERSEDED (a start or end fired between the poll and the call) is "superseded".
Errors: any 5xx, connection error, timeout (> 10 s), or unexpected 4xx.
Each minute's line: requests per family in that minute, errors so far, heap used now (summed jvm_memory_used_bytes of
the heap pools), the minute's lowest sample, and the heap right after a forced GC (eden left out: it refills at once);
threads (jvm_threads_live_threads).
"""
import base64
import datetime
import http.client
import json
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

TIMEOUT = 10.0
AUTH = "Basic " + base64.b64encode(b"admin:bench-secret").decode()
ANNOUNCER = "Basic " + base64.b64encode(b"announcer:bench-announcer").decode()  # soak.sh sets that password
PREFIX = "Soak "


def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.lat = {}  # kind -> [ms]
        self.err = {}  # kind -> count
        self.conflicts = 0
        self.superseded = 0
        self.error_log = []

    def ok(self, kind, ms):
        with self.lock:
            self.lat.setdefault(kind, []).append(ms)

    def error(self, kind, ms, what):
        """An error of a request that took ms (None: a check failed on an answer already counted)."""
        with self.lock:
            if ms is not None:
                self.lat.setdefault(kind, []).append(ms)
            self.err[kind] = self.err.get(kind, 0) + 1
            if len(self.error_log) < 40:
                self.error_log.append("%s %s: %s" % (time.strftime("%H:%M:%S"), kind, what))

    def counts(self):
        with self.lock:
            return {k: len(v) for k, v in self.lat.items()}, sum(self.err.values())


class Client:
    """One keep-alive connection; request() records the latency and classifies the answer."""

    def __init__(self, base, stats, login=AUTH):
        u = urllib.parse.urlparse(base)
        self.host, self.port, self.stats, self.login = u.hostname, u.port, stats, login
        self.conn = None

    def request(self, kind, method, path, body=None, headers=None, expect=(200,), ctype="application/json", auth=True,
                judge=()):
        """-> (status, headers dict, body bytes), or None when no answer came. expect: the statuses that are success;
        judge: statuses the caller classifies itself (counted, neither success nor error here)."""
        h = dict(headers or {})
        if auth:
            h["Authorization"] = self.login
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            h["Content-Type"] = ctype
        t0 = time.monotonic()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            self.conn.request(method, path, data, h)
            r = self.conn.getresponse()
            payload = r.read()
            ms = (time.monotonic() - t0) * 1000
            if r.getheader("Connection", "").lower() == "close":
                self.close()
        except (socket.timeout, TimeoutError) as e:
            self.close()
            self.stats.error(kind, (time.monotonic() - t0) * 1000, "%s %s: timeout after %.1f s (%s)" % (method, path, time.monotonic() - t0, e))
            return None
        except (OSError, http.client.HTTPException) as e:
            self.close()
            self.stats.error(kind, (time.monotonic() - t0) * 1000, "%s %s: connection error %r" % (method, path, e))
            return None
        if ms > TIMEOUT * 1000:
            self.stats.error(kind, ms, "%s %s: %.1f s (over %d s)" % (method, path, ms / 1000, TIMEOUT))
        elif r.status in expect or r.status in judge:
            self.stats.ok(kind, ms)
        else:
            self.stats.error(kind, ms, "%s %s: HTTP %d %s" % (method, path, r.status, payload[:300].decode("utf-8", "replace")))
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), payload

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
        self.conn = None


class Soak:
    def __init__(self, base, minutes, pid, hosts, pace):
        self.base, self.pid, self.hosts, self.pace = base, pid, hosts, pace
        self.stats = Stats()
        self.t0 = time.time()
        self.deadline = self.t0 + minutes * 60
        self.stop = threading.Event()
        self.windows = []  # (id, start, end) created
        self.wlock = threading.Lock()
        self.heap_samples = []  # (t, bytes) from the sampler
        self.hlock = threading.Lock()
        self.window_hosts = ["w%03d.soak.example.org" % i for i in range(1, 201)]
        self.died = None  # when the service's process was found gone

    # ---------------------------------------------------------------- pacing
    def sleep(self, seconds):
        """Waits seconds / pace, clipped to the deadline; False once the deadline has passed."""
        left = self.deadline - time.time()
        if left <= 0:
            return False
        self.stop.wait(min(seconds / self.pace, left))
        return time.time() < self.deadline

    def running(self):
        return time.time() < self.deadline and not self.stop.is_set()

    def seeded(self, i):
        return "h%05d.example.org" % i

    # ---------------------------------------------------------------- workers
    def feed_worker(self):
        c = Client(self.base, self.stats)
        rnd = random.Random(1)
        etag = None
        services = ["postgres", "redis", "web-001", "api-001"]
        n = 0
        while self.running():
            n += 1
            r = c.request("feed_full", "GET", "/calendar/outages.ics", auth=False)
            if r and r[0] == 200:
                etag = r[1].get("etag")
            if etag:
                r = c.request("feed_304", "GET", "/calendar/outages.ics", headers={"If-None-Match": etag},
                              expect=(200, 304), auth=False)
                if r and r[0] == 200:
                    etag = r[1].get("etag")
            if n % 2 == 0:
                svc = "soak-" + rnd.choice(self.window_hosts).split(".")[0] if n % 4 == 0 else rnd.choice(services)
                c.request("feed_service", "GET", "/calendar/services/%s.ics" % svc, auth=False)
            else:
                h = rnd.choice(self.window_hosts) if n % 3 else self.seeded(rnd.randint(1, self.hosts))
                c.request("feed_host", "GET", "/calendar/hosts/%s.ics" % h, auth=False)
            if not self.sleep(0.3):
                break
        c.close()

    def edit_worker(self):
        c = Client(self.base, self.stats)
        rnd = random.Random(2)
        n = 0
        while self.running():
            n += 1
            h = self.seeded(2 * rnd.randint(1, self.hosts // 2))
            r = c.request("host_get", "GET", "/api/hosts/" + h)
            if r and r[0] == 200:
                v = json.loads(r[2])
                vars_ = dict(v.get("vars") or {})
                vars_["soak_edit"] = n
                body = {k: v.get(k) for k in ("hostname", "os", "services", "groups", "stateful", "replaceable",
                                              "public", "dependsOn", "version")}
                body["vars"] = vars_
                if not (v.get("os") or {}).get("distro"):
                    body["os"] = None
                r = c.request("host_put", "PUT", "/api/hosts/" + h, body, judge=(409,))
                if r and r[0] == 409:
                    with self.stats.lock:
                        self.stats.conflicts += 1
            if not self.sleep(1.0):
                break
        c.close()

    def reimport_yaml(self, n):
        os_ = "ubuntu-12.04" if n % 2 else "ubuntu-14.04"
        count = 5 + n % 2  # a sixth host comes and goes
        lines = ["all:", "  children:", "    soak_reimport:", "      vars:", "        os: %s" % os_,
                 "        stateful: true", "        replaceable: false", "      hosts:"]
        for i in range(1, count + 1):
            lines.append("        r%02d.soak.example.org: {services: [soak-r%02d], soak_round: %d}" % (i, i, n))
        return ("\n".join(lines) + "\n").encode()

    def override_worker(self):
        c = Client(self.base, self.stats)
        rnd = random.Random(3)
        classes = ["TRIVIAL", "OUTAGE_REQUIRED", "UP_TO_DATE", "UNKNOWN"]
        n = imports = 0
        next_import = time.time()
        while self.running():
            n += 1
            if time.time() >= next_import:
                next_import = time.time() + 10 / self.pace
                imports += 1
                r = c.request("reimport", "POST", "/api/inventory/import?source=soak-reimport", self.reimport_yaml(imports),
                              ctype="application/yaml")
                if r and r[0] == 200:
                    d = json.loads(r[2])
                    if d.get("added", 0) + d.get("updated", 0) + d.get("removed", 0) == 0:
                        self.stats.error("reimport", None, "re-import %d changed nothing: %s" % (imports, r[2][:200]))
            h = self.seeded(2 * rnd.randint(0, (self.hosts - 1) // 2) + 1)
            if n % 5 == 0:
                c.request("override_del", "DELETE", "/api/hosts/%s/classification" % h)
            else:
                c.request("override_put", "PUT", "/api/hosts/%s/classification" % h,
                          {"classification": rnd.choice(classes), "reason": "soak round %d" % n})
            if not self.sleep(2.0):
                break
        c.close()

    def window_worker(self):
        c = Client(self.base, self.stats)
        rnd = random.Random(4)
        n = 0
        while self.running():
            now = time.time()
            room = self.deadline - 3 - now  # every window ends before the deadline, so its end fires during the soak
            if room >= 12:
                lead = min(rnd.randint(3, 60), int(room) - 8)
                length = min(rnd.randint(5, 30), int(room) - lead - 2)
                start = int(now) + 1 + lead
                host = self.window_hosts[n % len(self.window_hosts)]
                n += 1
                body = {"title": "%s%d" % (PREFIX, n), "start": iso(start), "end": iso(start + length), "hosts": [host],
                        "description": "soak window %d on %s" % (n, host)}
                r = c.request("window_create", "POST", "/api/windows", body, expect=(201,))
                if r and r[0] == 201:
                    w = json.loads(r[2])
                    with self.wlock:
                        self.windows.append((w["id"], start, start + length))
            with self.wlock:
                pick = rnd.choice(self.windows) if self.windows else None
            if pick:
                c.request("window_get", "GET", "/api/windows/%d" % pick[0])
            if n % 5 == 0:
                frm = iso(time.time() - 120)
                c.request("window_list", "GET", "/api/windows?from=%s&to=%s" % (frm, iso(time.time() + 120)))
            if not self.sleep(2.0):
                break
        c.close()

    def announcer_worker(self):
        c = Client(self.base, self.stats, ANNOUNCER)
        while self.running():
            r = c.request("ann_list", "GET", "/api/announcements?status=PENDING")
            if r and r[0] == 200:
                for a in json.loads(r[2])[:50]:
                    if not self.running():
                        break
                    c.request("ann_eml", "GET", "/api/announcements/%d.eml" % a["id"])
                    r2 = c.request("ann_sent", "POST", "/api/announcements/%d/sent" % a["id"], b"", judge=(409,))
                    if r2 and r2[0] == 409:  # fine only if a transition superseded the draft since the poll
                        r3 = c.request("ann_get", "GET", "/api/announcements/%d" % a["id"])
                        if r3 and r3[0] == 200 and json.loads(r3[2]).get("status") == "SUPERSEDED":
                            with self.stats.lock:
                                self.stats.superseded += 1
                        else:
                            self.stats.error("ann_sent", None, "409 on sent, draft %d reads %s" % (a["id"], r3 and r3[2][:200]))
            if not self.sleep(3.0):
                break
        c.close()

    # ---------------------------------------------------------------- heap
    def metrics(self, c):
        """-> the Prometheus text of /q/metrics, or None."""
        r = c.request("metrics", "GET", "/q/metrics", headers={"Accept": "text/plain"})
        if not r or r[0] != 200:
            return None
        return r[2].decode("utf-8", "replace")

    @staticmethod
    def heap_used(text, eden=True):
        """Summed jvm_memory_used_bytes of the heap pools; eden=False leaves out the eden space, which the clients refill
        within moments of a GC, so right after a full GC the rest is the live data."""
        return sum(float(m.group(2)) for m in re.finditer(r'^jvm_memory_used_bytes\{([^}]*area="heap"[^}]*)\}\s+(\S+)', text, re.M)
                   if eden or "Eden" not in m.group(1))

    @staticmethod
    def gauge(text, name):
        m = re.search(r"^%s(?:\{[^}]*\})?\s+(\S+)" % re.escape(name), text, re.M)
        return float(m.group(1)) if m else None

    def sampler(self):
        c = Client(self.base, self.stats)
        while self.running():
            text = self.metrics(c)
            if text:
                with self.hlock:
                    self.heap_samples.append((time.time(), self.heap_used(text)))
            if not self.sleep(5.0 * self.pace):
                break
        c.close()

    def alive(self):
        """Whether the service's process still runs (a zombie, not yet reaped by soak.sh, counts as gone)."""
        if not self.pid:
            return True
        try:
            with open("/proc/%s/stat" % self.pid) as f:
                return f.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    def forced_gc(self):
        if os.environ.get("SOAK_FORCE_GC", "1") == "0" or not self.pid:
            return False
        try:
            subprocess.run(["jcmd", str(self.pid), "GC.run"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30, check=True)
            return True
        except (OSError, subprocess.SubprocessError):
            return False

    # ---------------------------------------------------------------- run
    def seed(self):
        """The window worker's own hosts (source soak-windows), one service each, so its windows never overlap."""
        lines = ["all:", "  children:", "    soak_windows:", "      vars: {os: ubuntu-12.04, stateful: true, replaceable: false}",
                 "      hosts:"]
        lines += ["        %s: {services: [soak-%s]}" % (h, h.split(".")[0]) for h in self.window_hosts]
        c = Client(self.base, self.stats)
        r = c.request("seed", "POST", "/api/inventory/import?source=soak-windows", ("\n".join(lines) + "\n").encode(),
                      ctype="application/yaml")
        c.close()
        if not r or r[0] != 200:
            sys.exit("seeding the window hosts failed: %s" % (r and r[2][:500]))

    def run(self, minutes):
        workers = [threading.Thread(target=f, name=f.__name__, daemon=True) for f in
                   (self.feed_worker, self.edit_worker, self.override_worker, self.window_worker, self.announcer_worker, self.sampler)]
        for t in workers:
            t.start()
        mc = Client(self.base, self.stats)
        per_minute = []  # (minute, counts, errors, heap now, heap min of the minute, heap after GC, threads)
        prev = {}
        families = [("feed", ("feed_full", "feed_304", "feed_service", "feed_host")), ("edit", ("host_get", "host_put")),
                    ("override", ("override_put", "override_del")), ("import", ("reimport",)),
                    ("window", ("window_create", "window_get", "window_list")), ("ann", ("ann_list", "ann_eml", "ann_sent", "ann_get"))]
        for m in range(1, minutes + 1):
            while time.time() < self.t0 + 60 * m and self.alive():
                self.stop.wait(min(1.0, max(0, self.t0 + 60 * m - time.time())))
            if not self.alive():
                self.died = time.time()
                print("min %2d | the service process %s is gone after %.0f s: the soak ends here" % (m, self.pid, self.died - self.t0), flush=True)
                break
            counts, errors = self.stats.counts()
            text = self.metrics(mc) or ""
            heap_now = self.heap_used(text)
            threads = self.gauge(text, "jvm_threads_live_threads")
            gc = self.forced_gc()
            after = self.heap_used(self.metrics(mc) or "", eden=False) if gc else None
            with self.hlock:
                mins = [b for t, b in self.heap_samples if self.t0 + 60 * (m - 1) <= t < self.t0 + 60 * m] + [heap_now]
            per_minute.append((m, heap_now, min(mins), after))
            parts = " ".join("%s %d" % (f, sum(counts.get(k, 0) - prev.get(k, 0) for k in ks)) for f, ks in families)
            prev = counts
            mb = lambda b: "%.0f" % (b / 2 ** 20)
            print("min %2d | %s | errors so far %d | heap %s MB (min %s%s) | threads %s" %
                  (m, parts, errors, mb(heap_now), mb(min(mins)), ", after GC %s" % mb(after) if after is not None else "",
                   "%.0f" % threads if threads is not None else "?"), flush=True)
        self.stop.set()
        for t in workers:
            t.join(timeout=TIMEOUT + 5)
        return per_minute, mc

    def final_checks(self, mc):
        """Windows, announcements and the service's own request count; -> how many ended windows are not COMPLETED."""
        # Windows: every one whose end has passed must have reached COMPLETED.
        print()
        with self.wlock:
            made = list(self.windows)
        last_end = max((e for _, _, e in made), default=0)
        wait_until = min(max(last_end, time.time()) + 10, time.time() + 30)  # the last ends, plus the trigger's lag
        while time.time() < wait_until:
            time.sleep(1)
        r = mc.request("final_check", "GET", "/api/windows")
        missing = 0
        if r and r[0] == 200:
            now = time.time()
            by_id = {w["id"]: w for w in json.loads(r[2])}
            ended = [by_id.get(i) for i, _, e in made if e < now - 5]
            completed = [w for w in ended if w and w["state"] == "COMPLETED"]
            missing = len(ended) - len(completed)
            lag = lambda key, at: sorted(parse_iso(w[key]) - parse_iso(w[at]) for w in completed if w.get(key))
            starts, ends = lag("startedAt", "start"), lag("endedAt", "end")
            pq = lambda v, f: v[min(len(v) - 1, int(f * len(v)))] if v else float("nan")
            print("windows: %d created, %d ended, %d COMPLETED (goal: all ended), %d not"
                  % (len(made), len(ended), len(completed), missing))
            print("  lag scheduled -> actual: start p50 %.2f s p99 %.2f s; end p50 %.2f s p99 %.2f s"
                  % (pq(starts, .5), pq(starts, .99), pq(ends, .5), pq(ends, .99)))
            for w in [w for w in ended if not w or w["state"] != "COMPLETED"][:10]:
                print("  not completed: %s" % (json.dumps({k: w.get(k) for k in ("id", "title", "start", "end", "state", "startedAt")}) if w else "a window gone from the list"))
        else:
            missing = 1
            print("windows: could not read /api/windows")
        for status in ("PENDING", "SENT", "SUPERSEDED"):
            r = mc.request("final_check", "GET", "/api/announcements?status=" + status)
            if r and r[0] == 200:
                print("announcements %s: %d" % (status, len(json.loads(r[2]))))

        # The service's own count of answers per status (Micrometer's http_server_requests), as a cross-check.
        text = self.metrics(mc) or ""
        by_status = {}
        for m in re.finditer(r'^http_server_requests_seconds_count\{(.*)\}\s+(\S+)$', text, re.M):
            st = re.search(r'status="(\d+)"', m.group(1))
            by_status[st.group(1) if st else "?"] = by_status.get(st.group(1) if st else "?", 0) + float(m.group(2))
        print("the service's own count (http_server_requests, /q/* excluded) by status: %s" % ", ".join("%s: %d" % kv for kv in sorted(by_status.items())))
        live = self.gauge(text, "jvm_gc_live_data_size_bytes")
        mx = sum(max(0.0, float(m.group(1))) for m in re.finditer(r'^jvm_memory_max_bytes\{[^}]*area="heap"[^}]*\}\s+(\S+)', text, re.M))
        print("heap max %.0f MB%s" % (mx / 2 ** 20, ", live data after the last old-generation GC %.0f MB" % (live / 2 ** 20) if live else ""))
        return missing

    def report(self, per_minute, mc):
        s = self.stats
        if self.died:
            print("\nTHE SERVICE'S PROCESS ENDED %.0f s into the soak (see its log below); the figures cover the time before"
                  % (self.died - self.t0))
        print()
        print("%-14s %8s %9s %9s %9s %7s" % ("request", "count", "p50 ms", "p99 ms", "max ms", "errors"))
        total = 0
        for kind in sorted(s.lat):
            v = sorted(s.lat[kind])
            q = lambda f: v[min(len(v) - 1, int(f * len(v)))]
            total += len(v)
            print("%-14s %8d %9.1f %9.1f %9.1f %7d" % (kind, len(v), q(0.5), q(0.99), v[-1], s.err.get(kind, 0)))
        errors = sum(s.err.values())
        print("%-14s %8d %39d" % ("total", total, errors))
        print("host PUT conflicts (409 between workers): %d; drafts superseded before being marked sent: %d" % (s.conflicts, s.superseded))

        # Heap trend: after a forced GC each minute if we could force one, else the minute's lowest sample.
        print()
        use_gc = all(p[3] is not None for p in per_minute)
        series = [(p[0], (p[3] if use_gc else p[2]) / 2 ** 20) for p in per_minute]
        label = "after GC" if use_gc else "minute minimum"
        print("heap per minute (MB, %s): %s" % (label, " ".join("%.0f" % b for _, b in series)))
        verdict = "trend: too few minutes"
        margin = float(os.environ.get("SOAK_HEAP_MARGIN_MB", "16"))
        pts = series[1:] if len(series) >= 4 else series  # minute 1 still holds the seeding's garbage and the JIT's warm-up
        if len(pts) >= 2:
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
            k = max(1, len(ys) // 3)
            first, last = sum(ys[:k]) / k, sum(ys[-k:]) / k
            grows = last - first > margin
            verdict = ("trend (minutes %d-%d): slope %+.2f MB/min; last %d min average %.0f MB vs first %d %.0f MB (%+.0f MB, margin %.0f MB): %s"
                       % (pts[0][0], pts[-1][0], slope, k, last, k, first, last - first, margin,
                          "GROWING" if grows and slope > 0 else "flat"))
        print(verdict)

        missing = self.final_checks(mc) if not self.died else 0

        errors = sum(s.err.values())
        if s.error_log:
            print()
            print("first errors:")
            for e in s.error_log:
                print("  " + e)
        print()
        print("errors: %d (goal 0)" % errors)
        return 1 if errors or missing or self.died else 0


def main():
    base, minutes, pid, hosts = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    pace = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
    soak = Soak(base, minutes, pid, hosts, pace)
    soak.seed()
    soak.t0 = time.time()
    soak.deadline = soak.t0 + minutes * 60
    per_minute, mc = soak.run(minutes)
    sys.exit(soak.report(per_minute, mc))


if __name__ == "__main__":
    main()
