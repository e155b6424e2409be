#!/usr/bin/env python3
"""Writes a deterministic Ansible YAML inventory for the import benchmark.

Same arguments -> same bytes. Layout:
  all: vars / children: dc groups -> role groups (replaceable, stateful as
  inherited group vars) -> pools of 2-20 stateless hosts sharing one service
  (pool group var services: [role-NNN]); per dc a group of
  stateful single hosts (host vars, some with depends_on); a few cross-cutting
  groups (monitoring, backup) that list hosts already placed elsewhere.
Usage: gen_inventory.py --hosts 10000 --seed 42 [--prefix h] [--domain example.org] [--service-prefix x-] > inv.yml
"""
import argparse
import random
import sys

ROLES = ["web", "api", "worker", "cache_proxy", "search", "render", "ingest", "auth"]
STATEFUL = ["postgres", "mysql", "redis", "rabbitmq", "elasticsearch", "zookeeper", "kafka", "ldap"]
OSES = ["ubuntu-12.04"] * 30 + ["ubuntu-14.04"] * 35 + ["ubuntu-10.04"] * 15 + ["debian-7"] * 17 + \
       ["centos-6", "solaris-10", "windows-2008"]
OWNERS = ["team-core", "team-data", "team-web", "team-ops", "team-billing", "team-search"]
DCS = ["dc1", "dc2", "dc3"]


def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(scalar(x) for x in v) + "]"
    if isinstance(v, int):
        return str(v)
    return '"%s"' % v if any(c in v for c in ":#{}[],&*!|>'\"%@`") or v in ("yes", "no") else v


def mapping(out, ind, d):
    for k, v in d.items():
        out.append("%s%s: %s" % (" " * ind, k, scalar(v)))


def host_vars(rnd):
    hv = {"os": rnd.choice(OSES), "owner": rnd.choice(OWNERS), "rack": "r%02d" % rnd.randint(1, 48)}
    if rnd.random() < 0.2:
        hv["serial"] = "SN%08d" % rnd.randint(0, 99999999)
    return hv


def generate(n, seed, prefix, domain, service_prefix=""):
    rnd = random.Random(seed)
    names = ["%s%05d.%s" % (prefix, i, domain) for i in range(1, n + 1)]
    dcs = {dc: {"pools": {}, "stateful": {}} for dc in DCS}  # role -> [(pool, {host: vars})]
    svc_seq = {}
    i = 0
    while i < n:
        dc = rnd.choice(DCS)
        if rnd.random() < 0.5:  # a pool of replaceable stateless workers
            role = rnd.choice(ROLES)
            size = min(rnd.randint(2, 20), n - i)
            svc_seq[role] = svc_seq.get(role, 0) + 1
            pool = "%s_%s_%03d" % (role, dc, svc_seq[role])
            hosts = {names[i + k]: host_vars(rnd) for k in range(size)}
            dcs[dc]["pools"].setdefault(role, []).append((pool, hosts))
            i += size
        else:  # a stateful single service
            hv = host_vars(rnd)
            hv.update(services=[rnd.choice(STATEFUL)], stateful=True, replaceable=False,
                      public=rnd.random() < 0.15)
            if i > 0 and rnd.random() < 0.3:
                hv["depends_on"] = sorted({names[rnd.randrange(max(0, i - 200), i)]
                                           for _ in range(rnd.randint(1, 2))})
            dcs[dc]["stateful"][names[i]] = hv
            i += 1
    out = ["---", "all:", "  vars:", "    env: prod", "    ansible_user: deploy", "  children:"]
    for dc in DCS:
        out += ["    %s:" % dc, "      vars:", "        datacenter: %s" % dc, "      children:"]
        for role in sorted(dcs[dc]["pools"]):
            out += ["        %s_%s:" % (role, dc), "          vars:"]
            mapping(out, 12, {"replaceable": True, "stateful": False})
            out.append("          children:")
            for pool, hosts in dcs[dc]["pools"][role]:
                out += ["            %s:" % pool, "              vars:",
                        "                services: [%s%s]" % (service_prefix, pool.replace("_%s_" % dc, "-").replace("_", "-")),
                        "              hosts:"]
                for h, hv in hosts.items():
                    out.append("                %s:" % h)
                    mapping(out, 18, hv)
        if dcs[dc]["stateful"]:
            out += ["        stateful_%s:" % dc, "          hosts:"]
            for h, hv in dcs[dc]["stateful"].items():
                out.append("            %s:" % h)
                mapping(out, 14, hv)
    # Cross-cutting groups: hosts placed above appear here a second time, without vars.
    for grp, frac, gv in (("monitoring", 0.05, {"monitored": True}), ("backup", 0.03, {"backup_window": "02:00"})):
        out += ["    %s:" % grp, "      vars:"]
        mapping(out, 8, gv)
        out.append("      hosts:")
        for h in sorted(rnd.sample(names, max(1, int(n * frac)))):
            out.append("        %s:" % h)
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--hosts", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--prefix", default="h")
    ap.add_argument("--domain", default="example.org")
    ap.add_argument("--service-prefix", default="", help="prepended to pool service names: fleets with their own pools")
    a = ap.parse_args()
    sys.stdout.write(generate(a.hosts, a.seed, a.prefix, a.domain, a.service_prefix))
