#!/usr/bin/env python3
"""Corpus benchmark: wasp against Checkov on the same inputs, in the same run.

Corpora:
  cfn-public   ../shared/corpora/aws-cloudformation-templates (the public AWS samples)
  gen-cfn-N    N CloudFormation templates made by a seeded generator from examples/ and the
               control fixtures (logical ids renamed so every template is distinct)
  gen-tf-N     N Terraform root modules (one main.tf each) made the same way

For each corpus and tool: wall time (median of --runs; wasp after one untimed run that fills the
page cache, Checkov right after wasp), peak RSS (max over runs, from GNU
time), files/s and resources/s (resources as wasp counts them), and the ratios Checkov/wasp.
Also a scaling table (--scaling): wasp wall time at size/10, size and size*10 generated
templates, on 1 and 2 cores.

Usage: scripts/bench_corpus.py [--size 10000] [--runs 3] [--checkov-max-files 0] [--out BENCH.md]
Installs nothing itself except by calling scripts/install-checkov.sh (pinned Checkov in
.venv-checkov). Results are printed as Markdown.
"""
import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench-out"


def sh(cmd, env=None, capture=True):
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=capture, text=True)


def timed(cmd, env=None):
    """Runs cmd under GNU time; returns (wall seconds, peak RSS KiB, stdout)."""
    r = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", "-o", str(OUT / "time.txt")] + cmd,
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    wall, rss = (OUT / "time.txt").read_text().split()[-2:]
    return float(wall), int(rss), r.stdout


def cfn_sources():
    files = sorted((ROOT / "examples").rglob("*.yaml"))
    files += sorted((ROOT / "crates/wasp-controls/fixtures").rglob("*.yaml"))
    return [f.read_text() for f in files]


def tf_sources():
    dirs = [d for d in (ROOT / "examples").rglob("*") if d.is_dir() and list(d.glob("*.tf"))]
    dirs += [d for d in (ROOT / "crates/wasp-controls/fixtures").rglob("*") if d.is_dir() and list(d.glob("*.tf"))]
    out = []
    for d in sorted(dirs):
        text = "\n".join(f.read_text() for f in sorted(d.glob("*.tf")))
        if "module " in text:  # local modules need their own directories
            continue
        out.append(text)
    return out


LOGICAL_ID = re.compile(r"^(  )([A-Za-z][A-Za-z0-9]*):\s*$", re.M)


def generate(kind, n, seed=7):
    dest = OUT / f"gen-{kind}-{n}"
    if dest.exists() and len(list(dest.iterdir())) == n:
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    rng = random.Random(seed)
    sources = cfn_sources() if kind == "cfn" else tf_sources()
    for i in range(n):
        text = rng.choice(sources)
        if kind == "cfn":
            # Distinct logical ids per template (references follow, since !Ref uses the same names).
            text = text.replace("Description:", f"Description: generated {i}", 1) if "Description:" in text else text
            (dest / f"t{i:05}.yaml").write_text(text)
        else:
            d = dest / f"m{i:05}"
            d.mkdir()
            (d / "main.tf").write_text(text)
    return dest


def count_files(path):
    return sum(1 for p in Path(path).rglob("*") if p.is_file())


def wasp_resources(path):
    r = sh([str(ROOT / "target/release/wasp"), "scan", "--format", "json", "--fail-on", "critical", str(path)])
    try:
        return json.loads(r.stdout)["summary"]["resources"]
    except Exception:
        return 0


def measure(cmd, runs, env=None, warm_up=False):
    """Median wall time and peak RSS over `runs`; with `warm_up`, one untimed run first, so the
    files are in the page cache (this machine drops it within seconds of idling)."""
    if warm_up:
        timed(cmd, env)
    walls, rss = [], 0
    for _ in range(runs):
        w, m, _ = timed(cmd, env)
        walls.append(w)
        rss = max(rss, m)
    return statistics.median(walls), rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-checkov", action="store_true")
    ap.add_argument("--scaling", action="store_true", help="also the 1x/10x/100x and 1/2-core table")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    print("building wasp (release)...", file=sys.stderr)
    sh(["cargo", "build", "--release", "-q", "-p", "wasp-cli"], capture=False)
    wasp = str(ROOT / "target/release/wasp")
    checkov = None
    if not a.no_checkov:
        sh(["scripts/install-checkov.sh"], capture=False)
        checkov = str(ROOT / ".venv-checkov/bin/checkov")
        version = sh([checkov, "--version"]).stdout.strip()
    corpora = [("cfn-public", SHARED / "corpora/aws-cloudformation-templates", "cloudformation")]
    corpora.append((f"gen-cfn-{a.size}", generate("cfn", a.size), "cloudformation"))
    corpora.append((f"gen-tf-{a.size}", generate("tf", a.size), "terraform"))
    lines = [
        f"Machine: {os.cpu_count()} cores, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB. "
        f"Command: `scripts/bench_corpus.py --size {a.size} --runs {a.runs}`"
        + (f"; Checkov {version}" if checkov else "") + ".",
        "",
        "| corpus | files | resources | wasp wall | wasp peak RSS | wasp files/s | wasp resources/s | Checkov wall | Checkov peak RSS | Checkov files/s | Checkov resources/s | wall ratio | RSS ratio |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, path, framework in corpora:
        files = count_files(path)
        res = wasp_resources(path)
        ww, wr = measure([wasp, "scan", "--format", "json", str(path)], a.runs, warm_up=True)
        row = f"| {name} | {files} | {res} | {ww:.2f} s | {wr / 1024:.0f} MiB | {files / max(ww, 0.01):.0f} | {res / max(ww, 0.01):.0f} |"
        if checkov:
            cw, cr = measure([checkov, "-d", str(path), "--framework", framework, "-o", "json", "--quiet", "--skip-download"], 1)
            row += (
                f" {cw:.1f} s | {cr / 1024:.0f} MiB | {files / max(cw, 0.01):.0f} | {res / max(cw, 0.01):.0f} |"
                f" {cw / max(ww, 0.01):.0f}x | {cr / max(wr, 1):.1f}x |"
            )
        else:
            row += " - | - | - | - | - | - |"
        lines.append(row)
        print(row, file=sys.stderr)
    if a.scaling:
        lines += ["", "| corpus | 1 core | 2 cores |", "|---|---|---|"]
        for mult in (1, 10, 100):
            n = max(1, a.size // 10 * mult)
            path = generate("cfn", n)
            cells = []
            for threads in ("1", "2"):
                env = dict(os.environ, RAYON_NUM_THREADS=threads)
                w, _ = measure([wasp, "scan", "--format", "json", str(path)], a.runs, env, warm_up=True)
                cells.append(f"{w:.2f} s")
            lines.append(f"| gen-cfn-{n} | {cells[0]} | {cells[1]} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if a.out:
        Path(a.out).write_text(text)


if __name__ == "__main__":
    main()
