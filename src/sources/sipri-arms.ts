import { cite } from "../core/bibliography.js";
import {
  FieldError,
  isMissing,
  parseInteger,
  parseNumber,
  parseText,
  parseYear,
  requireInteger,
} from "../core/fields.js";
import { makeResolver } from "./resolve.js";
import type { Emitter } from "./source.js";
import { tabularSource } from "./tabular.js";

export const SIPRI_LICENSE =
  '"(c) SIPRI" as printed in the file; the distributing repository states no licence and does not restate SIPRI\'s terms of use';

/**
 * SIPRI's Yes/No columns. The preamble's "A '?' indicates uncertain data" is written as the
 * "… is estimate" Yes/No columns in this export; a literal "?" is rejected, not guessed.
 */
function parseFlag(raw: string | undefined, column: string): boolean | null {
  if (isMissing(raw)) return null;
  const s = (raw as string).trim();
  if (s === "Yes") return true;
  if (s === "No") return false;
  throw new FieldError(`${column}: "${raw}" is not Yes or No`);
}

/**
 * Names SIPRI marks with a trailing * (non-state actors: "Hezbollah (Lebanon)*", "Libya HoR*")
 * or ** (organisations: "NATO**", "United Nations**") are never states: they are listed as
 * unresolved without a crosswalk lookup, so no alias can turn them into one.
 */
function makeActorResolver() {
  const byName = makeResolver("name");
  return (name: string | null, year: number, out: Emitter): number | null => {
    if (name === null) return null;
    if (name.endsWith("*")) {
      out.unresolved(name);
      return null;
    }
    return byName(name, year, out);
  };
}

const COLUMNS = [
  "SIPRI AT Database ID",
  "Supplier",
  "Recipient",
  "Designation",
  "Description",
  "Armament category",
  "Order date",
  "Order date is estimate",
  "Numbers delivered",
  "Numbers delivered is estimate",
  "Delivery year",
  "Delivery year is estimate",
  "Status",
  "SIPRI estimate",
  "TIV deal unit",
  "TIV delivery values",
  "Local production",
] as const;

/**
 * SIPRI Arms Transfers Database trade-register export (CSV "download" of the 2023+ database
 * interface): a preamble of notes, then one row per deal and delivery year.
 */
export const sipriArms = tabularSource({
  name: "sipri-arms",
  title: "SIPRI Arms Transfers Database, trade register export",
  version: "export generated 2025-01-03 (deliveries 2000-2023)",
  citation: `${cite("sipri-arms")} Trade register export, data generated 3 January 2025.`,
  homepage: "https://www.sipri.org/databases/armstransfers",
  license: SIPRI_LICENSE,
  unit: "deal_delivery_year",
  table: "arms_transfers",
  yearColumn: "delivery_year",
  caveats: [
    "TIV values are SIPRI trend-indicator values in millions: a volume measure of military capability transferred, not the financial value of deals; compare TIV only with TIV.",
    "tiv_delivered is the TIV of the deliveries in that delivery year; a 0 means between 0 and 0.5 million TIV (SIPRI's rounding), not nothing.",
    'sipri_estimate ("SIPRI estimate") is the unit TIV of the weapon when new; tiv_unit ("TIV deal unit") applies SIPRI\'s discount for second-hand (about 40%) or second-hand modernised (about 66%) weapons.',
    'Names are resolved by name with the delivery year. Non-state actors (marked * by SIPRI), organisations (**: NATO, African Union, United Nations) and "unknown supplier(s)"/"unknown recipient(s)" keep a null code and are listed as unresolved.',
    "Only deals with deliveries or orders in the export's year range are in the file; numbers delivered and TIV refer to the delivery year of the row only.",
    "Some estimate flags are empty in the source; they are stored as null.",
  ],
  required: [...COLUMNS],
  maxPreamble: 20,
  mapper: (col) => {
    const i = COLUMNS.map(col) as number[];
    const at = (f: readonly string[], k: number): string | undefined => f[i[k] as number];
    const actor = makeActorResolver();
    return (f, _line, out) => {
      const dealId = requireInteger(at(f, 0), "SIPRI AT Database ID");
      const deliveryYear = parseYear(at(f, 10), "Delivery year");
      const supplier = parseText(at(f, 1));
      const recipient = parseText(at(f, 2));
      if (supplier === null) throw new FieldError("Supplier is missing");
      if (recipient === null) throw new FieldError("Recipient is missing");
      const orderRaw = at(f, 6);
      out.row([
        dealId,
        supplier,
        actor(supplier, deliveryYear, out),
        recipient,
        actor(recipient, deliveryYear, out),
        parseText(at(f, 3)),
        parseText(at(f, 4)),
        parseText(at(f, 5)),
        isMissing(orderRaw) ? null : parseYear(orderRaw, "Order date"),
        parseFlag(at(f, 7), "Order date is estimate"),
        parseInteger(at(f, 8), "Numbers delivered"),
        parseFlag(at(f, 9), "Numbers delivered is estimate"),
        deliveryYear,
        parseFlag(at(f, 11), "Delivery year is estimate"),
        parseText(at(f, 12)),
        parseNumber(at(f, 13), "SIPRI estimate"),
        parseNumber(at(f, 14), "TIV deal unit"),
        parseNumber(at(f, 15), "TIV delivery values"),
        parseFlag(at(f, 16), "Local production"),
      ]);
    };
  },
});
