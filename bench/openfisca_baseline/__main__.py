"""python -m bench.openfisca_baseline --people N --seed S [--as-of 2026-03-01]

Generates linked synthetic registries (synthetic_data.generate) into a folder outside git
(default /work/data/openfisca-<N>-s<S>, reused when it exists), links them into the person frame
(eligibility.records.linkage.link_persons; the frame is cached next to the dataset, as Parquet,
and reused unless --relink), then runs the three shared programmes in OpenFisca
and in our engine on that same frame and prints persons/s, the ratio and the agreement."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

import polars as pl

from ..machine import machine
from .compare import compare


def dataset(people: int, seed: int, root: Path, folder: Path | None) -> Path:
    out = folder or root / f"openfisca-{people}-s{seed}"
    if not (out / "manifest.json").exists():
        from synthetic_data import generate
        print(f"generating {people:,} people (seed {seed}) into {out} …", file=sys.stderr)
        t0 = time.perf_counter()
        generate(people=people, seed=seed, out=out)
        print(f"  generated in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.openfisca_baseline", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 3, 1))
    ap.add_argument("--data-root", type=Path, default=Path("/work/data"),
                    help="where generated datasets are kept (outside git)")
    ap.add_argument("--data", type=Path, default=None, help="an existing dataset folder instead")
    ap.add_argument("--repeat", type=int, default=1, help="runs per system; the fastest is kept")
    ap.add_argument("--json", type=Path, default=None, help="also write the full report here")
    ap.add_argument("--relink", action="store_true",
                    help="link the registries again instead of reusing the cached person frame")
    args = ap.parse_args(argv)

    folder = dataset(args.people, args.seed, args.data_root, args.data)
    cache = args.data_root / f"openfisca-linked-{folder.name}-{args.as_of.isoformat()}.parquet"
    t0 = time.perf_counter()
    if args.relink or not cache.exists() or cache.stat().st_mtime < (folder / "manifest.json").stat().st_mtime:
        from eligibility.records.linkage import link_persons
        persons = link_persons(folder, args.as_of)
        link_s = time.perf_counter() - t0
        print(f"linked {persons.height:,} living residents in {link_s:.1f} s (not counted below)",
              file=sys.stderr)
        persons.write_parquet(cache)
    else:
        persons = pl.read_parquet(cache).rechunk()
        link_s = None
        print(f"read {persons.height:,} linked residents from {cache} (--relink to link again)",
              file=sys.stderr)

    report = compare(persons, args.as_of, repeat=args.repeat)
    report.update(dataset=str(folder), link_s=None if link_s is None else round(link_s, 2),
                  machine=machine(),
                  command="python -m bench.openfisca_baseline " + " ".join(argv or sys.argv[1:]))
    of, en, ag = report["openfisca"], report["engine"], report["agreement"]
    print(f"\nOpenFisca comparison — {report['persons']:,} persons, as of {report['as_of']}, "
          f"3 programmes ({', '.join(report['programmes'])})")
    print(f"machine: {report['machine']}")
    print(f"OpenFisca {of['version']}: prepare {of['prepare_s']:.2f} s + build {of['build_s']:.2f} s "
          f"+ calculate {of['calculate_s']:.2f} s + output {of['output_s']:.2f} s "
          f"= {of['total_s']:.2f} s → {of['persons_per_s']:,} persons/s "
          f"(calculate alone {of['calculate_persons_per_s']:,}/s)")
    print(f"engine: compile {en['compile_s']:.2f} s (once), run {en['run_s']:.2f} s "
          f"→ {en['persons_per_s']:,} persons/s")
    print(f"ratio engine / OpenFisca: {report['ratio']:.2f}× "
          f"(vs OpenFisca's calculate step alone: {report['ratio_vs_calculate_only']:.2f}×); "
          f"CPU time OpenFisca {of['cpu_s']:.2f} s vs engine {en['cpu_s']:.2f} s "
          f"(ratio {report['cpu_ratio']:.2f}×)")
    print(f"compared on {ag['rows_compared']:,} persons with complete inputs "
          f"({report['complete_share']:.1%}): person agreement {ag['person_agreement']:.6%}, "
          f"decision agreement {ag['decision_agreement']:.6%}")
    for p, s in ag["per_programme"].items():
        print(f"  {p:16} eligible {s['eligible_engine']:>9,} / {s['eligible_openfisca']:>9,}  "
              f"disagreements {s['disagreements']:,}")
    for p, c in report["disagreement_causes"].items():
        if isinstance(c, dict):
            print(f"  causes ({p}, {c['sampled']} sampled): {c['causes']}")
        else:
            print(f"  {p}: {c}")
    split = ag["households_with_split_couples"]
    print(f"  {split['persons']:,} persons live in a household with a couple split across households; "
          f"elsewhere {split['disagreements_elsewhere']:,} disagreements "
          f"(decision agreement {split['decision_agreement_elsewhere']:.6%})")
    print(f"peak RSS {report['peak_rss_gb']:.1f} GB; load average (1/5/15 min) at the end "
          f"{report['load_average_1_5_15']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
