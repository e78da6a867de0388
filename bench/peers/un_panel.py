#!/usr/bin/env python3
"""Peer implementation of Entente's `un` family for the benchmark and cross-check.

A plain, vectorised numpy implementation, written the way an analyst would: per year, one-hot
matrices (members x roll calls) for yes / abstain / no, the 3x3 joint vote counts of every pair
from matrix products, and the METHODS.md formulas applied to whole arrays.

    python3 bench/peers/un_panel.py OUT.csv [DATA_DIR]

DATA_DIR (default /work/shared/data) holds unga_votes/*.csv (Voeten votes: rcid, session, ccode,
vote; roll calls: rcid, session, year, date m/d/yyyy, ...) and cow_states/states2016_peacesciencer.csv.

Rules (METHODS.md): votes 1 yes, 2 abstain, 3 no; 8 absent and 9 not a member are dropped;
pairwise deletion; year = calendar year of the roll-call date, else 1945 + session. A year is
covered when a roll call of the data falls in it. Frame: all pairs a < b of COW system members of
the year (a member if any spell of states2016 covers any part of the year), 1991-2015.
Writes ccode1,ccode2,year,un_joint_votes,un_agree,un_s,un_kappa,un_pi (empty = null).
"""

import csv
import glob
import os
import sys
import time

import numpy as np

FROM, TO = 1991, 2015


def read_votes_and_rollcalls(data_dir):
    votes, rc_year = [], {}
    for path in sorted(glob.glob(os.path.join(data_dir, "unga_votes", "*.csv"))):
        with open(path, newline="") as f:
            header = next(csv.reader(f))
        if "vote" in header and "ccode" in header:
            cols = [header.index(c) for c in ("rcid", "session", "ccode", "vote")]
            arr = np.loadtxt(path, delimiter=",", skiprows=1, usecols=cols, dtype=np.int64, ndmin=2)
            votes.append(arr)
        elif "date" in header:
            with open(path, newline="") as f:
                for row in csv.DictReader(f):
                    d = (row["date"] or "").strip()
                    if d:
                        rc_year[int(row["rcid"])] = int(d.split("/")[-1])
    v = np.concatenate(votes)
    return v[:, 0], v[:, 1], v[:, 2], v[:, 3], rc_year


def read_members(data_dir):
    """ccode -> list of (start year, end year) spells."""
    spells = {}
    with open(os.path.join(data_dir, "cow_states", "states2016_peacesciencer.csv"), newline="") as f:
        for row in csv.DictReader(f):
            spells.setdefault(int(row["ccode"]), []).append((int(row["styear"]), int(row["endyear"])))
    return spells


def members_of(spells, year):
    return sorted(c for c, sp in spells.items() if any(s <= year <= e for s, e in sp))


def fmt(x):
    return "" if x != x else repr(x)


def main(out_path, data_dir):
    t0 = time.perf_counter()
    rcid, session, ccode, vote, rc_year = read_votes_and_rollcalls(data_dir)
    spells = read_members(data_dir)
    # The China seat: a 710 vote in sessions 1-25 is the ROC's (713).
    ccode = np.where((ccode == 710) & (session <= 25), 713, ccode)
    year_of_rcid = np.full(int(rcid.max()) + 1, -1, dtype=np.int64)
    for r, y in rc_year.items():
        if r < len(year_of_rcid):
            year_of_rcid[r] = y
    year = np.where(year_of_rcid[rcid] >= 0, year_of_rcid[rcid], 1945 + session)
    t1 = time.perf_counter()

    absdiff = np.abs(np.arange(3)[:, None] - np.arange(3)[None, :]).astype(np.float64)
    with open(out_path, "w", newline="") as out:
        out.write("ccode1,ccode2,year,un_joint_votes,un_agree,un_s,un_kappa,un_pi\n")
        for y in range(FROM, TO + 1):
            members = np.array(members_of(spells, y), dtype=np.int64)
            iu, ju = np.triu_indices(len(members), k=1)
            in_year = year == y
            rcids = np.unique(rcid[in_year])
            cols = len(rcids)
            if cols == 0:  # not covered: every value null
                lines = [f"{members[i]},{members[j]},{y},,,,," for i, j in zip(iu, ju)]
                out.write("\n".join(lines) + ("\n" if lines else ""))
                continue
            row_of = np.full(1000, -1, dtype=np.int64)
            row_of[members] = np.arange(len(members))
            sel = in_year & (vote >= 1) & (vote <= 3) & (ccode >= 0) & (ccode < 1000)
            rows = row_of[ccode[sel]]
            keep = rows >= 0
            rows = rows[keep]
            col = np.searchsorted(rcids, rcid[sel][keep])
            cat = vote[sel][keep] - 1
            onehot = np.zeros((3, len(members), cols))
            onehot[cat, rows, col] = 1.0
            # counts[x, y] = pairs' roll calls with a voting x+1 and b voting y+1 (members x members)
            counts = np.einsum("xsr,ytr->xyst", onehot, onehot, optimize=True)
            c = counts[:, :, iu, ju]  # 3 x 3 x pairs
            n = c.sum(axis=(0, 1))
            with np.errstate(invalid="ignore", divide="ignore"):
                mean_dist = np.einsum("xy,xyp->p", absdiff, c) / n
                agree = 1 - mean_dist / 2
                s = 1 - 2 * (mean_dist / 2)
                po = (c[0, 0] + c[1, 1] + c[2, 2]) / n
                px = c.sum(axis=1) / n  # 3 x pairs: a's shares
                py = c.sum(axis=0) / n  # b's shares
                pe_k = (px * py).sum(axis=0)
                pe_p = (((px + py) / 2) ** 2).sum(axis=0)
                kappa = np.where(pe_k < 1, (po - pe_k) / (1 - pe_k), np.nan)
                pi = np.where(pe_p < 1, (po - pe_p) / (1 - pe_p), np.nan)
            lines = [
                f"{a},{b},{y},{int(nn)},{fmt(g)},{fmt(ss)},{fmt(k)},{fmt(p)}"
                for a, b, nn, g, ss, k, p in zip(
                    members[iu].tolist(),
                    members[ju].tolist(),
                    n.tolist(),
                    agree.tolist(),
                    s.tolist(),
                    kappa.tolist(),
                    pi.tolist(),
                )
            ]
            out.write("\n".join(lines) + "\n")
    t2 = time.perf_counter()
    print(f"read {t1 - t0:.3f} s, compute+write {t2 - t1:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python3 bench/peers/un_panel.py OUT.csv [DATA_DIR]")
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "/work/shared/data")
