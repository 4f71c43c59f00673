#!/usr/bin/env python3
"""Compares wasp with Checkov, control by control, on the same inputs.

For every wasp control that names a Checkov equivalent (its `references`), both tools scan the
inputs; each (file, resource) pair one of them checked is classed as: both fail, wasp only,
Checkov only, both pass. Resources are matched by file and logical id / Terraform address.

Usage: scripts/compare_checkov.py PATH... [--out FILE] [--checkov-cache FILE] [--examples N]

Needs the release binary (built here, in `$CARGO_TARGET_DIR` when set) and the pinned Checkov
(scripts/install-checkov.sh). `--checkov-cache FILE` keeps Checkov's verdicts in FILE and reuses
them on the next run with the same paths (Checkov takes minutes, wasp seconds); delete the file
after changing the inputs. `--examples N` lists up to N examples of each disagreement (default 1).
`--no-build` uses the wasp binary as it is.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
if not TARGET.is_absolute():
    TARGET = ROOT / TARGET
WASP = str(TARGET / "release" / "wasp")


def run(cmd):
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def norm(path, base):
    """Absolute path of a reported file: absolute already, or relative to the working
    directory (Checkov's `file_abs_path` for CloudFormation), or relative to the scanned
    directory (`file_path`)."""
    p = Path(path)
    if p.is_absolute() and p.exists():
        return str(p.resolve())
    for cand in (ROOT / str(path), Path(base) / str(path).lstrip("/")):
        if cand.exists():
            return str(cand.resolve())
    return str(p)


def wasp_results(paths):
    """(file, address) -> {control_id: status} from wasp's JSON plus its pass list."""
    out = collections.defaultdict(dict)
    for path in paths:
        r = run([WASP, "scan", "--format", "json", "--fail-on", "critical", "--verbose", str(path)])
        doc = json.loads(r.stdout)
        # A control may answer several times for one resource (per rule, per policy):
        # fail wins over unknown, which wins over pass. The resource's own file is the
        # first location reported for it.
        rank = {"pass": 0, "unknown": 1, "fail": 2}
        entries = [(f, "fail") for f in doc["findings"]]
        entries += [(u, "unknown") for u in doc["unknown"]]
        entries += [(p, "pass") for p in doc.get("passed", [])]
        for r, status in entries:
            key = (norm(r["location"]["file"], ROOT), r["resource"]["address"])
            prev = out[key].get(r["control_id"])
            if prev is None or rank[status] > rank[prev]:
                out[key][r["control_id"]] = status
    return out


def checkov_results(paths):
    """(file, address) -> {check_id: status}."""
    out = collections.defaultdict(dict)
    exe = str(ROOT / ".venv-checkov/bin/checkov")
    for path in paths:
        for framework in ("cloudformation", "terraform"):
            r = run([exe, "-d", str(path), "--framework", framework, "-o", "json", "--skip-download", "--compact"])
            if not r.stdout.strip():
                continue
            docs = json.loads(r.stdout)
            if isinstance(docs, dict):
                docs = [docs]
            for doc in docs:
                res = doc.get("results", {}) if isinstance(doc, dict) else {}
                for status, key in (("fail", "failed_checks"), ("pass", "passed_checks")):
                    for c in res.get(key, []):
                        resource = c.get("resource", "")
                        if framework == "cloudformation" and "." in resource:
                            resource = resource.split(".", 1)[1]
                        f = norm(c.get("file_abs_path") or c.get("file_path"), path)
                        out[(f, resource)][c["check_id"]] = status
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--out")
    ap.add_argument("--checkov-cache")
    ap.add_argument("--examples", type=int, default=1)
    ap.add_argument("--no-build", action="store_true", help="use the wasp binary as it is")
    a = ap.parse_args()
    if not a.no_build:
        built = run(["cargo", "build", "--release", "-q", "-p", "wasp-cli"])
        if built.returncode != 0:
            sys.exit("cargo build failed:\n" + built.stderr)
    rules = json.loads(run([WASP, "rules", "--format", "json"]).stdout)["controls"]
    mapping = {
        r["id"]: [x["id"] for x in r["references"] if x["framework"] == "Checkov"]
        for r in rules
    }
    mapping = {k: v for k, v in mapping.items() if v}
    w = wasp_results(a.paths)
    c = None
    if a.checkov_cache and Path(a.checkov_cache).exists():
        cached = json.loads(Path(a.checkov_cache).read_text())
        if cached.get("paths") == a.paths:
            c = {tuple(k.split("\0", 1)): v for k, v in cached["results"].items()}
    if c is None:
        c = checkov_results(a.paths)
        if a.checkov_cache:
            Path(a.checkov_cache).write_text(json.dumps({
                "paths": a.paths,
                "results": {"\0".join(k): v for k, v in c.items()},
            }))
    rows = []
    examples = collections.defaultdict(list)

    def example(kind, key):
        if len(examples[kind]) < a.examples:
            examples[kind].append(key)

    for control, checks in sorted(mapping.items()):
        counts = collections.Counter()
        for key in set(w) | set(c):
            ws = w.get(key, {}).get(control)
            cs = [c.get(key, {}).get(x) for x in checks]
            cs = [s for s in cs if s]
            if ws is None and not cs:
                continue
            cf = "fail" in cs
            if ws == "unknown":
                counts["wasp unknown"] += 1
            elif ws == "fail" and cf:
                counts["both fail"] += 1
            elif ws == "fail" and not cs:
                counts["wasp fail, Checkov n/a"] += 1
            elif ws == "fail":
                counts["wasp only"] += 1
                example((control, "wasp only"), key)
            elif cf and ws is None:
                counts["Checkov fail, wasp n/a"] += 1
                example((control, "Checkov fail, wasp n/a"), key)
            elif cf:
                counts["Checkov only"] += 1
                example((control, "Checkov only"), key)
            elif ws == "pass" and cs:
                counts["both pass"] += 1
        rows.append((control, ",".join(checks), counts))
    cols = ["both fail", "both pass", "wasp only", "Checkov only", "wasp fail, Checkov n/a", "Checkov fail, wasp n/a", "wasp unknown"]
    lines = ["| control | Checkov | " + " | ".join(cols) + " |", "|---|---|" + "---|" * len(cols)]
    for control, checks, counts in rows:
        lines.append(f"| {control} | {checks} | " + " | ".join(str(counts.get(k, 0)) for k in cols) + " |")
    total = collections.Counter()
    for _, _, counts in rows:
        total.update(counts)
    lines.append("| **total** | | " + " | ".join(str(total.get(k, 0)) for k in cols) + " |")
    decided = total["both fail"] + total["both pass"] + total["wasp only"] + total["Checkov only"]
    agree = total["both fail"] + total["both pass"]
    if decided:
        lines += ["", f"Agreement: {agree} of {decided} pairs both tools decided ({100 * agree / decided:.1f} %)."]
    heading = "First example" if a.examples == 1 else "Examples"
    lines += ["", f"{heading} of each disagreement:", ""]
    for (control, kind), keys in sorted(examples.items()):
        for f, addr in keys:
            lines.append(f"- {control} {kind}: `{os.path.relpath(f, ROOT)}` `{addr}`")
    text = "\n".join(lines) + "\n"
    print(text)
    if a.out:
        Path(a.out).write_text(text)


if __name__ == "__main__":
    main()
