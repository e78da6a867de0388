/**
 * The years Entente answers for, checked once for the CLI (`--from`, `--to`), the HTTP API
 * (`from`, `to`) and the library (`dyad`, `panel`, `buildReport`). The dyad-year universe is
 * built from the COW state system, which starts in 1816; 2100 bounds typing mistakes (the case
 * schema's upper bound too). Outside these years no indicator can have a value, and the SQL
 * date bounds of the event indicators need four-digit years.
 */
import { BadInputError } from "./errors.js";

export const FIRST_YEAR = 1816;
export const LAST_YEAR = 2100;

/** What is wrong with a year written as text (four digits, in range), or null. */
export function yearProblem(text: string): string | null {
  if (!/^\d{4}$/.test(text)) return `${JSON.stringify(text)} is not a year (YYYY)`;
  return rangeProblem(Number(text));
}

function rangeProblem(year: number): string | null {
  if (!Number.isInteger(year)) return `${year} is not a whole year`;
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return `${year} is outside the years Entente covers (${FIRST_YEAR}–${LAST_YEAR})`;
  }
  return null;
}

const yearError = (name: string, problem: string) =>
  new BadInputError("bad_year", `${name}: ${problem}`, {
    hint: `Give ${name} as a year from ${FIRST_YEAR} to ${LAST_YEAR}`,
  });

/** A year option's text as a number; BadInputError (exit 2, HTTP 400) naming the option. */
export function parseYear(text: string, name: string): number {
  const p = yearProblem(text);
  if (p) throw yearError(name, p);
  return Number(text);
}

/** Check a year given as a number (library calls); returns it. */
export function checkYear(year: number, name: string): number {
  const p = rangeProblem(year);
  if (p) throw yearError(name, p);
  return year;
}
