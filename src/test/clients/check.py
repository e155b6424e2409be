#!/usr/bin/env python3
"""Checks the served outage feeds with two parsers nobody here wrote: Mozilla's ical.js (via node) and Debian's
python3-icalendar. Both must read the UIDs, SEQUENCEs, STATUSes and UTC start/end times the API reports, before and
after a reschedule and a cancel. Usage: check.py BASE_URL ADMIN_PASSWORD"""
import base64
import datetime
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import icalendar

BASE, PASSWORD = sys.argv[1], sys.argv[2]
AUTH = "Basic " + base64.b64encode(("admin:" + PASSWORD).encode()).decode()
HERE = Path(__file__).parent
passed = failed = 0


def api(method, path, body=None):
    req = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": AUTH, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def expected(feed_filter):
    windows = [w for w in api("GET", "/api/windows") if w["state"] != "DRAFT" and feed_filter(w)]
    status = {"SCHEDULED": "TENTATIVE", "CANCELLED": "CANCELLED"}
    return sorted((w["uid"], w["sequence"], status.get(w["state"], "CONFIRMED"), w["start"], w["end"]) for w in windows)


def utc(value):
    """An instant in UTC; a date (an all-day event) as the date itself."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise ValueError("not a date or date-time: %r" % value)


def with_icaljs(url):
    out = json.loads(subprocess.run(["node", str(HERE / "icaljs.mjs"), url], check=True, capture_output=True, text=True).stdout)
    assert out["method"] == "PUBLISH", out["method"]
    return sorted((e["uid"], e["sequence"], e["status"], e["start"], e["end"]) for e in out["events"])


def with_python_icalendar(url):
    with urllib.request.urlopen(url) as r:
        cal = icalendar.Calendar.from_ical(r.read())
    assert str(cal["METHOD"]) == "PUBLISH"
    return sorted((str(e["UID"]), int(e["SEQUENCE"]), str(e["STATUS"]), utc(e.decoded("DTSTART")), utc(e.decoded("DTEND")))
                  for e in cal.walk("VEVENT"))


def check(label, path, feed_filter):
    global passed, failed
    want = expected(feed_filter)
    for name, parse in (("ical.js", with_icaljs), ("python-icalendar", with_python_icalendar)):
        got = parse(BASE + path)
        if got == want and want:
            passed += 1
            print("ok    %s %s %s: %d events" % (label, name, path, len(got)))
        else:
            failed += 1
            print("FAIL  %s %s %s\n  api: %s\n  got: %s" % (label, name, path, want, got))


start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0, second=0) + datetime.timedelta(days=30)
iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
force = {"force": True, "reason": "client check"}
a = api("POST", "/api/windows", {"title": "Gerrit upgrade, part 1; \"über\" fast ✓", "start": iso(start),
                                  "end": iso(start + datetime.timedelta(hours=2)), "hosts": ["review.openstack.org"],
                                  "description": "Line one, with commas; semicolons\nLine two: 日本語 😀 " + "long " * 40, **force})
b = api("POST", "/api/windows", {"title": "Wiki upgrade", "start": iso(start + datetime.timedelta(days=7)),
                                  "end": iso(start + datetime.timedelta(days=7, hours=3)), "hosts": ["wiki.openstack.org"], **force})

feeds = [("/calendar/outages.ics", lambda w: True),
         ("/calendar/hosts/review.openstack.org.ics", lambda w: "review.openstack.org" in w["hosts"]),
         ("/calendar/services/mediawiki.ics", lambda w: "mediawiki" in w["services"])]
for path, f in feeds:
    check("initial", path, f)

moved = dict(title=a["title"], start=iso(start + datetime.timedelta(days=1)), end=iso(start + datetime.timedelta(days=1, hours=3)),
             hosts=a["hosts"], description=a["description"], version=a["version"], **force)
api("PUT", "/api/windows/%d" % a["id"], moved)
api("POST", "/api/windows/%d/cancel" % b["id"], {"reason": "wiki moves to a new host instead"})
for path, f in feeds:
    check("after reschedule and cancel", path, f)

# A campaign's sprint days: all-day events (dates, not instants), not outages; the days still ahead are CANCELLED
# (SEQUENCE 1) when the campaign closes, under the same UIDs.
today = datetime.date.today()
days = [today + datetime.timedelta(days=20), today + datetime.timedelta(days=21)]
campaign = api("POST", "/api/campaigns", {"name": "Client check; \"über\" sprint ✓", "targets": {"ubuntu": "14.04"},
                                          "scope": {"hosts": ["zm0*.openstack.org"]},
                                          "sprintDays": [d.isoformat() for d in days]})
path = "/calendar/campaigns/%d.ics" % campaign["id"]
sprint = lambda seq, status: [(seq, status, d.isoformat(), (d + datetime.timedelta(days=1)).isoformat()) for d in days]
open_uids = None
for label, seq, status in (("open campaign", 0, "CONFIRMED"), ("closed campaign", 1, "CANCELLED")):
    if status == "CANCELLED":
        api("POST", "/api/campaigns/%d/close" % campaign["id"])
    for name, parse in (("ical.js", with_icaljs), ("python-icalendar", with_python_icalendar)):
        events = parse(BASE + path)
        uids = sorted(e[0] for e in events)
        got = sorted(e[1:] for e in events)
        ok = got == sprint(seq, status) and len(set(uids)) == 2 and (open_uids is None or uids == open_uids)
        passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
        print("%s %s %s %s: %s" % ("ok   " if ok else "FAIL ", label, name, path, got if ok else (got, uids)))
    open_uids = open_uids or uids

print("feed clients: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
