#!/usr/bin/env python3
"""Reads a window's announcement mails with Python's own mail parser, as a list archive would: announce (sent),
reschedule (sent), reschedule again (never sent), cancel. The .eml files go into an mbox; read back from it, they must
thread (every follow-up's In-Reply-To and References name the window's first draft, the announcement, which has neither; Message-IDs unique
and the same on every fetch), and the cancellation must name the times the list was last told, never the ones of the
reschedule nobody sent. If mutt is installed, it is asked (in a pseudo-terminal) which mails it threads under the first.
Usage: check_mail.py BASE_URL PASSWORD (the admin's and the announcer's)"""
import base64
import datetime
import email
import email.policy
import json
import mailbox
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request

BASE, PASSWORD = sys.argv[1], sys.argv[2]
passed = failed = 0


def auth(user):
    return "Basic " + base64.b64encode((user + ":" + PASSWORD).encode()).decode()


def call(method, path, body=None, user="admin", raw=False):
    req = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": auth(user), "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return r.read() if raw else json.load(r)


def check(ok, label, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok    " + label)
    else:
        failed += 1
        print("FAIL  " + label + ("\n  " + detail if detail else ""))


def utc_range(start, end):
    """A window's time as the mails write it (the windows here never cross midnight UTC)."""
    return "%s–%s UTC %s" % (start.strftime("%H:%M"), end.strftime("%H:%M"),
                             start.strftime("%A ") + str(start.day) + start.strftime(" %B %Y"))


def drafts(window_id):
    return [a for a in call("GET", "/api/announcements", user="announcer") if a["windowId"] == window_id]


def newest(window_id, kind):
    return [a for a in drafts(window_id) if a["kind"] == kind][-1]


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
force = {"force": True, "reason": "mail client check"}
day0 = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=60)).replace(
    hour=10, minute=0, second=0, microsecond=0)
times = [(day0 + datetime.timedelta(days=3 * i), day0 + datetime.timedelta(days=3 * i, hours=2)) for i in range(3)]

w = call("POST", "/api/windows", {"title": "Paste upgrade, \"für\" alle ✓", "start": iso(times[0][0]),
                                  "end": iso(times[0][1]), "hosts": ["paste.openstack.org"], **force})
wid = w["id"]
announce = newest(wid, "ANNOUNCE")
call("POST", "/api/announcements/%d/sent" % announce["id"], {}, user="announcer")
for i in (1, 2):
    current = call("GET", "/api/windows/%d" % wid)
    call("PUT", "/api/windows/%d" % wid, {"title": current["title"], "start": iso(times[i][0]), "end": iso(times[i][1]),
                                         "hosts": current["hosts"], "version": current["version"], **force})
    if i == 1:  # the first move is told to the list, the second never is
        call("POST", "/api/announcements/%d/sent" % newest(wid, "RESCHEDULED")["id"], {}, user="announcer")
call("POST", "/api/windows/%d/cancel" % wid, {"reason": "paste moves to a new host instead"})

mine = drafts(wid)
check([a["kind"] for a in mine] == ["ANNOUNCE", "RESCHEDULED", "RESCHEDULED", "CANCELLED"]
      and [a["status"] for a in mine] == ["SENT", "SENT", "SUPERSEDED", "PENDING"],
      "drafts: announce sent, reschedule sent, reschedule superseded, cancel pending",
      str([(a["kind"], a["status"]) for a in mine]))

out = tempfile.mkdtemp()
path = os.path.join(out, "mbox")
box = mailbox.mbox(path)
first_fetch = {}
for a in mine:
    if a["status"] == "SUPERSEDED":
        continue  # never sent, never will be: no archive holds it
    raw = call("GET", "/api/announcements/%d.eml" % a["id"], user="announcer", raw=True)
    first_fetch[a["id"]] = email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"]
    box.add(mailbox.mboxMessage(raw))
box.flush()
box.close()

again = {a["id"]: email.message_from_bytes(call("GET", "/api/announcements/%d.eml" % a["id"], user="announcer", raw=True),
                                           policy=email.policy.default)["Message-ID"] for a in mine if a["id"] in first_fetch}
check(again == first_fetch, "Message-IDs are the same on a second fetch", "%s vs %s" % (first_fetch, again))

# Parsed straight from the mbox file: a compat32 message written out again would re-fold the encoded subject.
messages = list(mailbox.mbox(path, factory=lambda f: email.message_from_binary_file(f, policy=email.policy.default)))
check(len(messages) == 3, "mbox holds the three mails the list gets", str(len(messages)))
ids = [m["Message-ID"] for m in messages]
check(len(set(ids)) == len(ids) and all(re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", i) for i in ids),
      "Message-IDs unique and well formed", str(ids))
root = messages[0]
check(root["In-Reply-To"] is None and root["References"] is None, "the announcement starts the thread")
for m in messages[1:]:
    check(m["In-Reply-To"] == root["Message-ID"] and m["References"] == root["Message-ID"],
          "%s replies to the announcement" % m["Subject"],
          "In-Reply-To %s References %s root %s" % (m["In-Reply-To"], m["References"], root["Message-ID"]))
check(all(m["Subject"].startswith("[infra] ") and "Paste upgrade, \"für\" alle ✓" in m["Subject"] for m in messages),
      "non-ASCII subjects decode as typed", str([m["Subject"] for m in messages]))

told = [utc_range(*t) for t in times]
rescheduled, cancelled = messages[1], messages[2]
check(rescheduled["Subject"].endswith("now %s (was %s)" % (told[1], told[0])), "the reschedule says new and old",
      rescheduled["Subject"])
check("New time: " + told[1] in text_of(rescheduled) and "Previously announced: " + told[0] in text_of(rescheduled),
      "the reschedule's body says new and old")
cancel_text = cancelled["Subject"] + "\n" + text_of(cancelled)
check(cancelled["Subject"].endswith("(was %s)" % told[1]), "the cancellation names the last announced time",
      cancelled["Subject"])
named = set(re.findall(r"\d\d:\d\d–\d\d:\d\d UTC \w+ \d{1,2} \w+ \d{4}", cancel_text))
unsent_day = times[2][0].strftime("%A ") + str(times[2][0].day) + times[2][0].strftime(" %B %Y")
check(named == {told[1]} and unsent_day not in cancel_text,
      "the cancellation names no time the list was never told", "named %s" % named)

if shutil.which("mutt") and shutil.which("script"):
    # mutt needs a terminal: script(1) gives it one. It threads the mbox by References, tags the thread holding the
    # announcement's Message-ID (~(~i …)) and copies the tagged mails to a file: all three must be there.
    picked = os.path.join(out, "thread")
    muttrc = os.path.join(out, "muttrc")
    with open(muttrc, "w") as f:
        f.write("set folder=%s\nset spoolfile=%s\n" % (out, path))
        f.write("set sort=threads\nset confirmcreate=no\nset confirmappend=no\nset wait_key=no\nset quit=yes\n"
                "set delete=no\nset move=no\nset mbox_type=mbox\nset read_only=no\n")
    root_id = root["Message-ID"].strip("<>")
    keys = "<tag-pattern>~(~i %s)<enter><tag-prefix><copy-message>%s<enter><quit>" % (root_id, picked)
    cmd = "mutt -n -F %s -f %s -e \"push '%s'\"" % (muttrc, path, keys)
    try:
        subprocess.run(["script", "-qec", cmd, "/dev/null"], env=dict(os.environ, TERM="xterm"), timeout=30,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        threaded = [m["Message-ID"] for m in mailbox.mbox(picked)] if os.path.exists(picked) else []
        check(sorted(threaded) == sorted(ids), "mutt threads all three under the announcement", str(threaded))
    except subprocess.TimeoutExpired:
        check(False, "mutt answered within 30 s")
else:
    print("skip  mutt not installed")

shutil.rmtree(out)
print("mail clients: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
