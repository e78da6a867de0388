/**
 * The sync sources by name, in the order `entente sync` lists them: the command shows them in its
 * --help without loading the registry (its URLs, list parsers and the ingest source table).
 * registry.ts holds one entry per name, in this order (a test checks).
 */
export const SYNC_SOURCE_NAMES = [
  "atop",
  "cow-alliance",
  "undl-votes",
  "unvotes",
  "cow-trade",
  "cow-trade-national",
  "imf-imts",
  "cow-nmc",
  "worldbank-gdp",
  "worldbank-gdp-pcap",
  "pwt",
  "mme",
  "sipri-arms",
  "gdelt2",
  "gdelt1",
  "icews",
] as const;
