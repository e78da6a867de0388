/**
 * Office holders known to Entente, read from data/people/*.csv (data/README.md describes every
 * column): heads of state, heads of government, foreign and defence ministers of the United
 * States, Russia (and, for 1991, the Soviet head of state), China (with the party's General
 * Secretary), the United Kingdom, France, Germany, Japan and India, from 1991-01-01 on.
 *
 * - posts.csv: each office (state, kind, display title);
 * - people.csv: each person once: name, the surnames used alone, other spellings, whether the
 *   surname is also a common word, and the name order;
 * - offices.csv: each term (person, post, from, to), with `uncertain` saying which of its dates is
 *   not certain to the day, and a note. `from` is the first day in office, `to` the day the office
 *   passed on (exclusive), empty while in office.
 *
 * Read once, on first use, and checked row by row and across files.
 */
import {
  cell,
  type DataReader,
  dataPath,
  list,
  optional,
  type Row,
  readDataFile,
  type TableSpec,
} from "../core/data-file.js";
import { DataFileError } from "../core/errors.js";
import type { Office, Person } from "./types.js";

/** The date the list was last checked: holders still in office must be checked after it. */
export const PEOPLE_AS_OF = "2026-11-30";

export const OFFICE_KINDS = [
  "head of state",
  "head of government",
  "party leader",
  "foreign minister",
  "defence minister",
] as const;

export type OfficeKind = (typeof OFFICE_KINDS)[number];

/** A listed person, with what the resolver needs beyond `Person`. */
export interface ListedPerson extends Person {
  /** Forms used alone for this person: "Lavrov", "Le Drian", "Xi" (also in `aliases`). */
  readonly surnames: readonly string[];
  /** The surname is also a common word or first name: alone, it needs a title or "Mr"/"Mrs". */
  readonly commonSurname: boolean;
  /**
   * Names often written family name first (Chinese, Japanese): a capitalised word right after
   * the surname is another person's given name ("Wang Wenbin" is not Wang Yi).
   */
  readonly familyFirst: boolean;
}

/** Lowercase ASCII slug of a name: "Jean-Yves Le Drian" → "jean-yves-le-drian". */
export function slugOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Name order: "given-family" (Sergei Lavrov); "family-given" (Xi Jinping: a capitalised word
 * after the surname is someone else's given name); "given-family+family-given" (Japanese names,
 * written given name first in English but also family name first: "Abe Shinzo" is added).
 */
const NAME_ORDERS = ["given-family", "family-given", "given-family+family-given"] as const;

/** The columns of each file of data/people and their formats. */
export const PEOPLE_FILES = {
  posts: {
    post: cell.matching("[a-z][A-Za-z]*", "expected a post key such as ruFm"),
    state: cell.code(3),
    kind: cell.oneOf(OFFICE_KINDS),
    title: cell.text,
    note: cell.optionalText,
  },
  people: {
    id: cell.matching("[a-z0-9]+(?:-[a-z0-9]+)*", "expected a slug such as sergei-lavrov"),
    name: cell.text,
    surnames: cell.optionalText,
    aliases: cell.optionalText,
    common_surname: cell.oneOf(["yes", "no"]),
    name_order: cell.oneOf(NAME_ORDERS),
  },
  offices: {
    person: cell.text,
    post: cell.text,
    from: cell.day,
    to: cell.optionalDay,
    /** Which dates are not certain to the day. */
    uncertain: cell.oneOf(["", "from", "to", "both"]),
    note: cell.optionalText,
  },
} as const satisfies Record<string, TableSpec>;

/** "Shinzo Abe" → "Abe Shinzo", with the surname given. */
function familyFirstForm(full: string, surname: string): string | null {
  if (!full.endsWith(` ${surname}`)) return null;
  return `${surname} ${full.slice(0, -surname.length - 1)}`;
}

type PersonRow = Row<typeof PEOPLE_FILES.people>;

function listedPerson(row: PersonRow, offices: Office[]): ListedPerson {
  const given = list(row.aliases);
  const surnames = list(row.surnames);
  const aliases: string[] = [...given];
  if (row.name_order === "given-family+family-given") {
    for (const full of [row.name, ...given]) {
      for (const s of surnames) {
        const ff = familyFirstForm(full, s);
        if (ff) aliases.push(ff);
      }
    }
  }
  aliases.push(...surnames);
  return {
    id: row.id,
    name: row.name,
    aliases: [...new Set(aliases)].filter((a) => a !== row.name),
    offices,
    surnames,
    commonSurname: row.common_surname === "yes",
    familyFirst: row.name_order !== "given-family",
  };
}

/** Build the list from the data files, checking every reference across them. */
export function loadOfficeHolders(read: DataReader = readDataFile): readonly ListedPerson[] {
  const sc = PEOPLE_FILES;
  const posts = new Map<string, Row<typeof sc.posts>>();
  for (const { row, line } of read("people/posts.csv", sc.posts)) {
    if (posts.has(row.post))
      throw new DataFileError(dataPath("people/posts.csv"), `post ${row.post} twice`, line);
    posts.set(row.post, row);
  }
  const offices = new Map<string, Office[]>();
  const people = read("people/people.csv", sc.people);
  for (const { row, line } of people) {
    if (offices.has(row.id) || row.id !== slugOf(row.name))
      throw new DataFileError(
        dataPath("people/people.csv"),
        `column "id": ${row.id} is repeated or is not the slug of "${row.name}" (${slugOf(row.name)})`,
        line,
      );
    offices.set(row.id, []);
  }
  const file = dataPath("people/offices.csv");
  for (const { row, line } of read("people/offices.csv", sc.offices)) {
    const post = posts.get(row.post);
    const held = offices.get(row.person);
    if (!held) throw new DataFileError(file, `column "person": unknown id ${row.person}`, line);
    if (!post) throw new DataFileError(file, `column "post": unknown post ${row.post}`, line);
    const to = optional(row.to);
    if (to !== null && to <= row.from)
      throw new DataFileError(file, `"to" ${to} is not after "from" ${row.from}`, line);
    held.push({ kind: post.kind, title: post.title, state: post.state, from: row.from, to });
  }
  return people.map(({ row }) => listedPerson(row, offices.get(row.id) ?? []));
}

let people: readonly ListedPerson[] | null = null;

/** Every listed person, in the order of people.csv; read and checked on the first call. */
export function listedPeople(): readonly ListedPerson[] {
  people ??= loadOfficeHolders();
  return people;
}
