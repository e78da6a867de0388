import { defined } from "../core/defined.js";
import { BadInputError } from "../core/errors.js";
import { contiguityFamily } from "../indicators/contiguity.js";
import type { Store } from "../store/store.js";
import type { Frame } from "./frame.js";

/** Major-power spells from the loaded COW Major Powers list: code → [first, last year][]. */
async function majorSpells(store: Store): Promise<Map<number, Array<[number, number]>>> {
  const rows = await store.query<{ code: number; lo: number; hi: number }>(
    `SELECT code, ${store.sql.year("start_date")} AS lo, ${store.sql.year("end_date")} AS hi
     FROM states WHERE system = 'cow_major'`,
  );
  const out = new Map<number, Array<[number, number]>>();
  for (const r of rows) {
    const list = out.get(Number(r.code)) ?? [];
    list.push([Number(r.lo), Number(r.hi)]);
    out.set(Number(r.code), list);
  }
  return out;
}

/**
 * The politically relevant dyad-years of a frame (Maoz & Russett 1993; peacesciencer's
 * filter_prd()): land- or river-contiguous in the year (COW contiguity type 1) or one state a
 * COW major power. Needs the contiguity spans and the major-power list in the store; a year
 * without contiguity data is left out (relevance unknown). Rows keep their order.
 */
export async function relevantDyadYears(store: Store, frame: Frame): Promise<Frame> {
  const majors = await majorSpells(store);
  if (majors.size === 0) {
    throw new BadInputError("no_majors", "Politically relevant dyads need the COW major powers", {
      hint: "Load cow_states/majors2016 (e.g. entente ingest ../shared/data/cow_states)",
    });
  }
  const { contiguity_type: cont } = await contiguityFamily.compute(store, frame);
  const isMajor = (c: number, y: number) =>
    (majors.get(c) ?? []).some(([lo, hi]) => y >= lo && y <= hi);
  const keep: number[] = [];
  let known = 0;
  for (let i = 0; i < frame.length; i++) {
    const y = frame.year[i] as number;
    const c = cont?.[i] as number;
    if (!Number.isNaN(c)) known++;
    if (c === 1 || isMajor(frame.a[i] as number, y) || isMajor(frame.b[i] as number, y))
      keep.push(i);
  }
  if (known === 0 && frame.length > 0) {
    throw new BadInputError("no_contiguity", "Politically relevant dyads need contiguity data", {
      hint: "Load the COW Direct Contiguity spans (e.g. entente ingest ../shared/data/contiguity_cow)",
    });
  }
  const pick = (src: Int32Array) => Int32Array.from(keep, (i) => src[i] as number);
  return {
    a: pick(frame.a),
    b: pick(frame.b),
    year: pick(frame.year),
    length: keep.length,
    ...defined({ directed: frame.directed }),
  };
}
