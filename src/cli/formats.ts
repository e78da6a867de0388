/** Output formats of `entente dyad`: its options (--help) and its run both read them. */
export const DYAD_FORMATS = ["table", "json", "csv"] as const;
