/**
 * Offices held at a date: which offices a listed person held (data/people, office-holders.ts),
 * the most senior one as their role, and who held an office of a state at a date.
 */
import { type ListedPerson, listedPeople, type OfficeKind } from "./office-holders.js";
import type { Office, Person } from "./types.js";

const KIND_RANK: Readonly<Record<string, number>> = {
  "head of state": 0,
  "head of government": 1,
  "party leader": 2,
  "foreign minister": 3,
  "defence minister": 4,
};
const rank = (o: Office): number => KIND_RANK[o.kind] ?? 9;

/**
 * A date as YYYY-MM-DD: full dates as they are, "YYYY-MM" as the 15th, "YYYY" as 1 July.
 * Throws a RangeError for anything else.
 */
export function dayOf(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-15`;
  if (/^\d{4}$/.test(date)) return `${date}-07-01`;
  throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
}

/** Offices held on a date (from inclusive, to exclusive), most senior first. */
export function officesAt(person: Person, isoDate: string): Office[] {
  const d = dayOf(isoDate);
  return person.offices
    .filter((o) => o.from <= d && (o.to === null || d < o.to))
    .sort((a, b) => rank(a) - rank(b) || b.from.localeCompare(a.from));
}

/**
 * The title of the most senior office held at the date (head of state > head of government >
 * party leader > foreign > defence); null when none. With a null date, the most recent office
 * (one still held, else the last to end).
 */
export function roleAt(person: Person, isoDate: string | null): string | null {
  if (isoDate !== null) return officesAt(person, isoDate)[0]?.title ?? null;
  const end = (o: Office) => o.to ?? "9999-12-31";
  const latest = [...person.offices].sort(
    (a, b) => end(b).localeCompare(end(a)) || rank(a) - rank(b) || b.from.localeCompare(a.from),
  );
  return latest[0]?.title ?? null;
}

let byId: Map<string, ListedPerson> | null = null;

/** A listed person by id. */
export function personById(id: string): ListedPerson | undefined {
  byId ??= new Map(listedPeople().map((p) => [p.id, p]));
  return byId.get(id);
}

/** Who held an office of this kind for this state (ISO3, "SUN" for the USSR) at the date. */
export function holdersAt(state: string, kind: OfficeKind, isoDate: string): ListedPerson[] {
  return listedPeople().filter((p) =>
    officesAt(p, isoDate).some((o) => o.state === state && o.kind === kind),
  );
}
