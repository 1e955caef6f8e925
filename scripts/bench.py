#!/usr/bin/env python3
"""Dermaplan's speed and memory figures against floors measured in the same run.

Called by scripts/bench.sh (which builds the release preset and provides an X display). For each
history size it writes a generated CSV (four areas, 1990-2024), then measures, alternating each
figure's runs with its floor's and taking medians:

  import      dermaplan-cli import of the CSV into a new database  vs  sqlite3 .import of it
  history     dermaplan-cli history --format csv                   vs  sqlite3 -csv of sessions
  next        dermaplan-cli next (milliseconds; its goal is absolute)
  stats       dermaplan-cli stats over ten years (JSON)        vs  sqlite3 grouping the same
              sessions by week and area
  start-up    dermaplan to its main window mapped, and peak memory  vs  an empty QMainWindow

and two references that say where the rest goes (no goal of their own):

  import      sqlite3 storing the same rows, with the flags import writes, into Dermaplan's
              own schema (its indexes, WAL, one transaction): SQLite's share of an import
  start-up    a window with four tabs, four menus and a status line: what text alone costs

Everything runs in a temporary folder with its own XDG folders: the user's data is never read.
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

AREAS = ["face", "scalp", "body", "neck"]
NEEDLES = ["0.25", "0.5", "0.25", "0.75"]


def write_csv(path, count):
    """`count` sessions on four areas spread evenly over 1990-2024, oldest first."""
    rng = random.Random(count)
    first = 726468  # 1990-01-01 as a proleptic Gregorian ordinal
    days = 12784    # to 2024-12-31
    import datetime
    with open(path, "w", newline="") as f:
        f.write("uuid,date,area,needle_mm,pain,notes\r\n")
        for i in range(count):
            day = datetime.date.fromordinal(first + (i * days) // count)
            f.write("%s,%s,%s,%s,%d,session %d\r\n" % (
                uuid.UUID(int=rng.getrandbits(128), version=4), day.isoformat(),
                AREAS[i % 4], NEEDLES[(i // 4) % 4], i % 11, i))


PROBE = None  # build-release/tests/bench_probe


def run(cmd, env):
    """Wall time in seconds and peak resident memory in MiB of one run of `cmd`."""
    out = subprocess.run([PROBE, "run"] + cmd, env=env, capture_output=True, text=True)
    seconds, peak_kib, code = out.stdout.split()
    if int(code) != 0:
        sys.exit("bench: %s failed (exit %s)" % (" ".join(cmd), code))
    return float(seconds), int(peak_kib) / 1024


def window(cmd, env, settle_ms):
    """Seconds until `cmd` maps its first window, and its peak memory in MiB once settled."""
    out = subprocess.run([PROBE, "window", str(settle_ms)] + cmd, env=env, capture_output=True,
                         text=True)
    if out.returncode != 0:
        sys.exit("bench: bench_probe window failed: " + out.stderr)
    seconds, peak_kib = out.stdout.split()
    return float(seconds), int(peak_kib) / 1024


def alternate(runs, ours, floor):
    """Medians of `runs` runs of each, alternating, after one warm-up of each."""
    ours(), floor()
    a, b = [], []
    for _ in range(runs):
        a.append(ours())
        b.append(floor())
    med = lambda xs, i: statistics.median(x[i] for x in xs)
    return (med(a, 0), med(a, 1)), (med(b, 0), med(b, 1))


def schema_floor(sqlite, cli, csv, work, env, counter):
    """A command that stores the CSV's rows as import does, in sqlite3 alone (see the docstring)."""
    model = os.path.join(work, "schema-model.sqlite")
    if not os.path.exists(model):
        # The schema the CLI creates, flags and all: an empty import makes it.
        empty = os.path.join(work, "empty.csv")
        with open(empty, "w") as f:
            f.write("date,area,needle_mm\r\n")
        run([cli, "--db", model, "import", empty], env)
    schema = subprocess.run([sqlite, model, ".schema"], capture_output=True, text=True,
                            check=True).stdout
    flag = "'0.25 mm on the face needs at least 2 days of recovery; the session of 2024-01-01 " \
           "(0.25 mm) was 0 days earlier. Earliest allowed date: 2024-01-03.'"
    sql = ("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-32768;\n" + schema
           + "\n.import --csv %s raw\nBEGIN; INSERT INTO sessions (uuid, date, area, needle_um, "
           "pain, notes, created_at, updated_at, rule_broken) SELECT uuid, date, area, "
           "CAST(round(needle_mm * 1000) AS INTEGER), pain, notes, '2025-01-15T00:00:00Z', "
           "'2025-01-15T00:00:00Z', %s FROM raw ORDER BY date; DROP TABLE raw; COMMIT;\n"
           % (csv, flag))
    script = os.path.join(work, "schema-floor.sql")
    with open(script, "w") as f:
        f.write(sql)

    def go():
        counter[0] += 1
        target = os.path.join(work, "floor-schema-%d.sqlite" % counter[0])
        return run([sqlite, target, "-init", script, ".quit"], env)
    return go


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default="build-release")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle-ms", type=int, default=1500)
    args = parser.parse_args()
    cli = os.path.join(args.build, "bin", "dermaplan-cli")
    app = os.path.join(args.build, "bin", "dermaplan")
    global PROBE
    PROBE = os.path.join(args.build, "tests", "bench_probe")
    empty = os.path.join(args.build, "tests", "empty_window")
    texty = os.path.join(args.build, "tests", "text_window")
    sqlite = shutil.which("sqlite3")

    work = tempfile.mkdtemp(prefix="dermaplan-bench-")
    env = dict(os.environ)
    for var in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env[var] = os.path.join(work, var.lower())
    env.pop("DERMAPLAN_DB", None)
    env["DERMAPLAN_TODAY"] = "2025-01-15"

    rows = []
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            csv = os.path.join(work, "s%d.csv" % size)
            write_csv(csv, size)
            db = os.path.join(work, "s%d.sqlite" % size)
            counter = [0]

            def fresh(stem):
                counter[0] += 1
                return os.path.join(work, "%s-%d-%d.sqlite" % (stem, size, counter[0]))

            imp, imp_floor = alternate(
                args.runs,
                lambda: run([cli, "--db", fresh("import"), "import", csv], env),
                lambda: run([sqlite, fresh("floor"), "-cmd", ".mode csv",
                             ".import %s sessions" % csv], env))
            own_schema = schema_floor(sqlite, cli, csv, work, env, counter)
            own_schema()  # warm-up
            imp_schema = (statistics.median(own_schema()[0] for _ in range(args.runs)),)
            run([cli, "--db", db, "import", csv], env)
            immutable = "file:%s?immutable=1" % db
            hist, hist_floor = alternate(
                args.runs,
                lambda: run([cli, "--db", db, "history", "--format", "csv"], env),
                lambda: run([sqlite, "-csv", immutable, "SELECT * FROM sessions"], env))
            nxt, version = alternate(
                args.runs,
                lambda: run([cli, "--db", db, "next"], env),
                lambda: run([cli, "--version"], env))
            ten_years = ["--from", "2015-01-15", "--to", "2025-01-15", "--format", "json"]
            sts, sts_floor = alternate(
                args.runs,
                lambda: run([cli, "--db", db, "stats"] + ten_years, env),
                lambda: run([sqlite, immutable,
                             "SELECT date(date, '-' || ((CAST(strftime('%w', date) AS INTEGER) "
                             "+ 6) % 7) || ' days') AS week, area, COUNT(*), AVG(pain), "
                             "MAX(pain) FROM sessions WHERE date >= '2015-01-15' AND date <= "
                             "'2025-01-15' GROUP BY week, area"], env))
            start, start_floor = alternate(
                args.runs,
                lambda: window([app, "--db", db], env, args.settle_ms),
                lambda: window([empty], env, args.settle_ms))
            text_start, _ = alternate(
                args.runs,
                lambda: window([texty], env, args.settle_ms),
                lambda: window([empty], env, args.settle_ms))
            for f in os.listdir(work):
                if f.startswith(("import-", "floor-", "schema-")):
                    os.remove(os.path.join(work, f))
            rows += [
                (size, "GUI start -> main window mapped", start[0], "s", start_floor[0], 1.5),
                (size, "GUI peak memory", start[1], "MiB", start_floor[1], 1.5),
                (size, "  reference: a window with tabs, menus and a status line", text_start[0],
                 "s", start_floor[0], None),
                (size, "history --format csv", hist[0], "s", hist_floor[0], 2),
                (size, "history --format csv, peak memory", hist[1], "MiB", hist_floor[1], None),
                (size, "import", imp[0], "s", imp_floor[0], 3),
                (size, "import, peak memory", imp[1], "MiB", imp_floor[1], None),
                (size, "  reference: sqlite3 storing the rows into Dermaplan's schema",
                 imp_schema[0], "s", imp_floor[0], None),
                (size, "next (ms; dermaplan-cli --version as floor)", nxt[0] * 1000, "ms",
                 version[0] * 1000, None),
                (size, "stats, ten years", sts[0], "s", sts_floor[0], None),
            ]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("| sessions | figure | ours | floor | ratio | goal |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for size, name, ours, unit, floor, goal in rows:
        ratio = ours / floor if floor else float("nan")
        verdict = "" if goal is None else ("<= %gx %s" % (goal, "ok" if ratio <= goal else "MISSED"))
        print("| %d | %s | %.3g %s | %.3g %s | %.1fx | %s |" % (
            size, name, ours, unit, floor, unit, ratio, verdict))
    print("\nmedians of %d alternating runs each; %s" % (args.runs, time.strftime("%Y-%m-%d")))


if __name__ == "__main__":
    main()
