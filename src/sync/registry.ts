/**
 * The sync registry: which files each open dataset has and where it is officially published.
 * `entente sync` downloads the files list() names (through ENTENTE_MIRROR when set, see
 * mirrorUrl) and ingests them; sources without a stable direct URL carry `manual` instructions.
 *
 * Every URL below is the publisher's own. Each entry says how sure we are of it; a URL we were
 * not sure of is not here (the entry is manual instead), because a wrong URL is worse than
 * instructions.
 */
import { defined } from "../core/defined.js";
import { BadInputError } from "../core/errors.js";
import { GDELT1, GDELT2, ICEWS } from "../sources/events/layouts.js";
import { sourceByName } from "../sources/index.js";
import { UNGA_HOMEPAGE } from "../sources/unga-voeten.js";
import { type DataverseFileRule, dataverseFiles, latestVersionUrl } from "./dataverse.js";
import type { RemoteFile } from "./download.js";
import {
  GDELT1_BASE_URL,
  GDELT1_FILESIZES_URL,
  GDELT1_MD5SUMS_URL,
  GDELT2_MASTER_URL,
  gdelt1Span,
  parseFileSizes,
  parseMasterFileList,
  parseMd5Sums,
} from "./gdelt-lists.js";
import { imtsQueries } from "./imf-imts.js";
import { newestGaVoting, UNDL_FILES_API } from "./undl-files.js";

export type { RemoteFile } from "./download.js";

export interface ListContext {
  /** GDELT selection by file timestamp (inclusive). */
  readonly from: Date | null;
  /** Inclusive; a date at exactly 00:00:00.000 UTC means that whole day (a --to without time). */
  readonly to: Date | null;
  /** Fetches a list file (already mirror-aware), given the OFFICIAL url. */
  readonly fetchText: (url: string) => Promise<string>;
  /** Pairs of states (ISO alpha-3) to fetch bilateral data for (`--pairs`); null: all. */
  readonly pairs?: ReadonlyArray<readonly [string, string]> | null;
  /** Monthly data too where a source otherwise fetches annual data only (`--monthly`). */
  readonly monthly?: boolean;
  /** Today (UTC), for sources whose release is the day they were fetched. */
  readonly now?: Date;
}

export interface SyncSource {
  readonly name: string;
  /** The adapter (src/sources) that reads the files, by name; its metadata describe the entry. */
  readonly adapter?: string;
  readonly title: string;
  readonly homepage: string;
  readonly license: string;
  readonly citation: string;
  /** Part of the core set `entente demo` syncs (the non-event sources with a URL). */
  readonly core: boolean;
  /** When there is no stable direct URL: how to download it by hand, then `entente ingest <file>`. */
  readonly manual: string | null;
  /** The files to download; [] for manual-only sources. */
  list(ctx: ListContext): Promise<RemoteFile[]>;
  /** For zip downloads holding several members: the member to extract for ingest. */
  readonly extract?: RegExp;
  /** Zips inside the download to look into for `extract` (NMC ships its CSVs in inner zips). */
  readonly nested?: RegExp;
}

/** The cache path of an official URL: its pathname without the leading "/". */
export function remotePath(url: string): string {
  return new URL(url).pathname.replace(/^\/+/, "");
}

const remote = (url: string): RemoteFile => ({ url, path: remotePath(url) });

/**
 * The URL to fetch an official URL from: with a mirror (http://HOST:PORT, https://…, or
 * file:///DIR, optionally with a path prefix), the official scheme and host are replaced by the
 * mirror's and the official path (and query) is kept after the mirror's own path.
 */
export function mirrorUrl(
  url: string,
  mirror: string | undefined = process.env.ENTENTE_MIRROR,
): string {
  if (mirror === undefined || mirror.trim() === "") return url;
  const bad = (why: string): BadInputError =>
    new BadInputError("bad_mirror", `ENTENTE_MIRROR="${mirror}" is not a usable mirror: ${why}`, {
      hint: "Set ENTENTE_MIRROR to http://HOST:PORT, https://HOST/PREFIX or file:///DIR, or unset it",
    });
  let m: URL;
  try {
    m = new URL(mirror.trim());
  } catch {
    throw bad("not a URL");
  }
  if (m.protocol !== "http:" && m.protocol !== "https:" && m.protocol !== "file:") {
    throw bad(`scheme ${m.protocol} is not http:, https: or file:`);
  }
  if (m.protocol !== "file:" && m.hostname === "") throw bad("no host");
  if (m.search !== "" || m.hash !== "") throw bad("a mirror takes no query or fragment");
  if (m.username !== "" || m.password !== "")
    throw bad("credentials do not belong in a mirror URL");
  const official = new URL(url);
  const prefix = m.pathname.replace(/\/+$/, "");
  return `${m.protocol}//${m.host}${prefix}${official.pathname}${official.search}`;
}

const DAY_MS = 86_400_000;

/** The [from, to] of a GDELT selection, both inclusive; a midnight `to` becomes the end of that day. */
export function gdeltRange(
  ctx: ListContext,
  title: string,
  count: string,
): { from: Date; to: Date } {
  const { from, to } = ctx;
  if (from === null || to === null) {
    throw new BadInputError("range_required", `${title} needs --from and --to`, {
      hint: `It has ${count} files; choose dates, e.g. --from 2019-10-01 --to 2019-10-31`,
    });
  }
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new BadInputError("bad_range", `${title}: --from or --to is not a valid date`);
  }
  const wholeDay = to.getTime() % DAY_MS === 0;
  const end = wholeDay ? new Date(to.getTime() + DAY_MS - 1) : to;
  if (from.getTime() > end.getTime()) {
    throw new BadInputError(
      "bad_range",
      `${title}: --from ${from.toISOString()} is after --to ${to.toISOString()}`,
    );
  }
  return { from, to: end };
}

/** A source published as fixed files at stable URLs. */
function fixedFiles(...urls: string[]): (ctx: ListContext) => Promise<RemoteFile[]> {
  const files = urls.map(remote);
  return async () => files.map((f) => ({ ...f }));
}

const manualOnly = async (): Promise<RemoteFile[]> => [];

const info = (adapter: string) => {
  const s = sourceByName(adapter);
  return { adapter, homepage: s.homepage, license: s.license, citation: s.citation };
};

/** The latest published version of a Harvard Dataverse dataset, by DOI, and its files. */
const fromDataverse =
  (doi: string, rules: readonly DataverseFileRule[]) =>
  async (ctx: ListContext): Promise<RemoteFile[]> =>
    dataverseFiles(await ctx.fetchText(latestVersionUrl(doi)), doi, rules);

// --- GDELT ----------------------------------------------------------------------------------

// Sure: the master file list and its `SIZE MD5 URL` format are documented on gdeltproject.org
// (data.html, GDELT 2.0 "raw data files") and used by every GDELT 2.0 downloader.
const gdelt2: SyncSource = {
  name: "gdelt2",
  title: "GDELT 2.0 event exports (15-minute files)",
  homepage: GDELT2.homepage,
  license: GDELT2.license,
  citation: GDELT2.citation,
  core: false,
  manual: null,
  async list(ctx) {
    const range = gdeltRange(ctx, "GDELT 2.0", "hundreds of thousands of 15-minute");
    const { files } = parseMasterFileList(await ctx.fetchText(GDELT2_MASTER_URL));
    const lo = range.from.getTime();
    const hi = range.to.getTime();
    return files
      .filter((f) => f.time.getTime() >= lo && f.time.getTime() <= hi)
      .map(({ url, path, size, md5 }) => ({ url, path, size, md5 }));
  },
};

// Sure: http://data.gdeltproject.org/events/index.html lists the files and links `md5sums` and
// `filesizes` next to them; the yearly/monthly/daily naming is from the GDELT 1.0 documentation.
const gdelt1: SyncSource = {
  name: "gdelt1",
  title: "GDELT 1.0 events (yearly, monthly and daily files)",
  homepage: GDELT1.homepage,
  license: GDELT1.license,
  citation: GDELT1.citation,
  core: false,
  manual: null,
  async list(ctx) {
    const range = gdeltRange(ctx, "GDELT 1.0", "thousands of daily");
    const [md5Text, sizeText] = await Promise.all([
      ctx.fetchText(GDELT1_MD5SUMS_URL),
      ctx.fetchText(GDELT1_FILESIZES_URL),
    ]);
    const md5s = parseMd5Sums(md5Text).entries;
    const sizes = parseFileSizes(sizeText).entries;
    const names = [...new Set([...md5s.keys(), ...sizes.keys()])];
    const lo = range.from.getTime();
    const hi = range.to.getTime();
    const picked = names
      .map((name) => ({ name, span: gdelt1Span(name) }))
      .filter(
        (x): x is { name: string; span: NonNullable<typeof x.span> } =>
          x.span !== null && x.span.start.getTime() <= hi && x.span.end.getTime() > lo,
      )
      .sort((a, b) => a.span.start.getTime() - b.span.start.getTime());
    return picked.map(({ name }) => {
      const url = `${GDELT1_BASE_URL}${name}`;
      const size = sizes.get(name);
      const md5 = md5s.get(name);
      return {
        url,
        path: remotePath(url),
        ...defined({ size, md5 }),
      };
    });
  },
};

// Manual: ICEWS is published on Harvard Dataverse as many yearly files whose file ids change
// with each update, and Dataverse asks users to accept the dataset's terms.
const icews: SyncSource = {
  name: "icews",
  title: "ICEWS coded event data (Harvard Dataverse)",
  homepage: ICEWS.homepage,
  license: ICEWS.license,
  citation: ICEWS.citation,
  core: false,
  manual:
    "Open https://doi.org/10.7910/DVN/28075 (ICEWS Coded Event Data, Harvard Dataverse; later years are in doi:10.7910/DVN/QI2T9A). " +
    'In the Files tab download the yearly event files you need ("events.YYYY.<timestamp>.tab", often zipped), accepting the dataset terms when asked. ' +
    "Then run `entente ingest <file>` on each (a .tab or its .zip).",
  list: manualOnly,
};

// --- Alliances ------------------------------------------------------------------------------

// Fairly sure: the "ATOP 5.1 (.csv)" link on atopdata.org/data.html; the same URL is used by
// several published replication scripts. The zip holds the alliance, member and dyad-year
// files; atop5_1ddyr.csv is the directed dyad-year file (adapter atop-ddyr).
const ATOP_URL = "http://www.atopdata.org/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip";
const atop: SyncSource = {
  name: "atop",
  title: "ATOP 5.1 alliance data (directed dyad-year)",
  ...info("atop-ddyr"),
  core: true,
  manual: null,
  list: fixedFiles(ATOP_URL),
  extract: /(^|\/)atop5_1ddyr\.csv$/,
};

// Fairly sure: the COW Formal Alliances v4.1 CSV zip (correlatesofwar.org/data-sets/formal-
// alliances, "version4.1_csv.zip"), members under version4.1_csv/. The directed yearly file is
// the official layout the cow-alliance-yearly adapter reads.
const COW_ALLIANCE_URL = "https://correlatesofwar.org/wp-content/uploads/version4.1_csv.zip";
const cowAlliance: SyncSource = {
  name: "cow-alliance",
  title: "COW Formal Alliances v4.1 (directed dyad-year by treaty)",
  ...info("cow-alliance-yearly"),
  core: true,
  manual: null,
  list: fixedFiles(COW_ALLIANCE_URL),
  extract: /(^|\/)alliance_v4\.1_by_directed_yearly\.csv$/,
};

// --- Trade, capabilities --------------------------------------------------------------------

// Fairly sure: COW Trade 4.0 (correlatesofwar.org/data-sets/bilateral-trade), one zip with
// COW_Trade_4.0/Dyadic_COW_4.0.csv and National_COW_4.0.csv. Two entries share the download
// (same path, so the second is a cache hit) and extract one member each.
const COW_TRADE_URL = "https://correlatesofwar.org/wp-content/uploads/COW_Trade_4.0.zip";
const cowTrade: SyncSource = {
  name: "cow-trade",
  title: "COW Trade 4.0 dyadic flows",
  ...info("cow-trade-dyadic"),
  core: true,
  manual: null,
  list: fixedFiles(COW_TRADE_URL),
  extract: /(^|\/)Dyadic_COW_4\.0\.csv$/,
};
const cowTradeNational: SyncSource = {
  name: "cow-trade-national",
  title: "COW Trade 4.0 national totals",
  ...info("cow-trade-national"),
  core: true,
  manual: null,
  list: fixedFiles(COW_TRADE_URL),
  extract: /(^|\/)National_COW_4\.0\.csv$/,
};

// Fairly sure of the URL (correlatesofwar.org/data-sets/national-material-capabilities, "NMC
// v7.0"), less of the inner names: NMCv7.zip holds the documentation and further zips, the
// abridged data (NMC-70-abridged.csv) among them; the extraction looks into inner zips whose name
// says "abridged" and takes the abridged CSV wherever it sits.
const COW_NMC_URL = "https://correlatesofwar.org/wp-content/uploads/NMCv7.zip";
const cowNmc: SyncSource = {
  name: "cow-nmc",
  title: "COW National Material Capabilities v7.0 (abridged)",
  ...info("cow-nmc"),
  core: true,
  manual: null,
  list: fixedFiles(COW_NMC_URL),
  extract: /^NMC[-_ ]?v?\d+[-_ ]?abridged\.csv$/i,
  nested: /abridged.*\.zip$/i,
};

// --- UN votes ---

// Fairly sure: the UN Digital Library (a TIND installation) lists a record's files at
// /api/v1/file?recid=…, and the voting files are named after their day (src/sync/undl-files.ts).
const undlVotes: SyncSource = {
  name: "undl-votes",
  title: "UN General Assembly voting data (UN Digital Library, record 4060887), newest file",
  ...info("undl-ga-votes"),
  core: true,
  manual: null,
  async list(ctx) {
    return [newestGaVoting(await ctx.fetchText(UNDL_FILES_API))];
  },
};

// Sure of the DOI (doi:10.7910/DVN/LEJUQZ, = hdl:1902.1/12379) and of the Dataverse API; the
// file names are matched loosely because every release renames them: the raw votes ("Raw
// Voting data", rcid/session/ccode/vote) and the roll-call descriptions.
export const VOETEN_DOI = "doi:10.7910/DVN/LEJUQZ";
const unvotes: SyncSource = {
  name: "unvotes",
  title:
    "UN General Assembly roll-call votes (Voeten, Strezhnev & Bailey), latest Dataverse version",
  ...info("unga-voeten-votes"),
  homepage: UNGA_HOMEPAGE,
  core: false,
  manual: null,
  list: fromDataverse(VOETEN_DOI, [
    {
      match: /raw ?voting ?data|^un ?votes/i,
      not: /agreement|ideal|description/i,
      dataset: "unga-voeten-votes",
    },
    { match: /description/i, dataset: "unga-voeten-rollcalls" },
  ]),
};

// Fairly sure of the API (api.imf.org/external/sdmx/3.0, dataflow IMF.STA:IMTS, the key order
// COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY and the indicators XG_FOB_USD/MG_CIF_USD, as
// public clients use them); the world code G001 and paging by offset/limit follow the IMF's other
// flows and the SDMX REST specification, not a test against the live API (docs/sync.md).
const imfImts: SyncSource = {
  name: "imf-imts",
  title: "IMF International Trade in Goods by partner (IMTS), SDMX 3.0 API",
  ...info("imf-imts"),
  core: true,
  manual: null,
  async list(ctx) {
    const day = (ctx.now ?? new Date()).toISOString().slice(0, 10);
    return imtsQueries(ctx.pairs ?? null, ctx.monthly === true, day);
  },
};

// --- GDP, population ------------------------------------------------------------------------

// Sure: the World Bank API bulk download (the "CSV" link of data.worldbank.org/indicator/…).
// The zip holds API_<indicator>_DS2_en_csv_v2_<n>.csv plus two Metadata_*.csv files.
const worldBank = (name: string, indicator: string, what: string): SyncSource => {
  const escaped = indicator.replace(/\./g, "\\.");
  return {
    name,
    title: `World Bank WDI ${indicator} (${what})`,
    ...info("wb-indicator"),
    homepage: `https://data.worldbank.org/indicator/${indicator}`,
    core: true,
    manual: null,
    // The World Bank updates the file at this address (new data, revisions) and publishes no size
    // or checksum: a copy older than 30 days is fetched again; the edition number in the file's
    // name is its release (src/sources/worldbank.ts), so a new edition replaces the old rows.
    list: async () => [
      {
        ...remote(`https://api.worldbank.org/v2/en/indicator/${indicator}?downloadformat=csv`),
        maxAgeDays: 30,
      },
    ],
    extract: new RegExp(`^API_${escaped}_DS2.*\\.csv$`),
  };
};

// Manual: PWT is published as Excel/Stata (pwt1001.xlsx, pwt1001.dta), which `entente ingest`
// does not read; the sheet must be saved as CSV first. (rug.nl/ggdc/docs/pwt1001.xlsx is fairly
// sure, DataverseNL doi:10.34894/QT5BCC sure.)
const pwt: SyncSource = {
  name: "pwt",
  title: "Penn World Table 10.01",
  ...info("pwt"),
  core: false,
  manual:
    "Open https://www.rug.nl/ggdc/productivity/pwt/ (or DataverseNL, https://doi.org/10.34894/QT5BCC) and download PWT 10.01 in Excel (pwt1001.xlsx). " +
    'Open the "Data" sheet, save it as CSV (UTF-8, comma-separated), and run `entente ingest <file>.csv`.',
  list: manualOnly,
};

// --- Military exercises ---------------------------------------------------------------------

// Sure of the DOI (doi:10.7910/DVN/KHFODX); the exercise file is matched by name.
const mme: SyncSource = {
  name: "mme",
  title: "Multinational Military Exercises, 1980-2010 (v7), latest Dataverse version",
  ...info("mme"),
  core: false,
  manual: null,
  list: fromDataverse("doi:10.7910/DVN/KHFODX", [
    { match: /mme|multinational/i, not: /codebook|readme|\.pdf$|\.docx?$/i },
  ]),
};

// --- Arms transfers ------------------------------------------------------------------------

// Manual: SIPRI publishes no file at a stable URL. The trade register is generated on request by
// the Arms Transfers Database portal, whose backend (atbackend.sipri.org) is undocumented and may
// change without notice; we do not depend on it.
const sipriArms: SyncSource = {
  name: "sipri-arms",
  title: "SIPRI Arms Transfers Database, trade register",
  ...info("sipri-arms"),
  core: false,
  manual:
    "SIPRI has no stable download URL: the trade register is generated on request at https://armstransfers.sipri.org. " +
    "There, open the trade registers, choose all countries (or the states you need) as suppliers and as recipients, " +
    "and the years (for example 1950 to the latest year), generate the register and download it as CSV: the file starts " +
    "with a preamble ('Transfers of major conventional arms from …', 'Data generated: …') followed by the header " +
    "'SIPRI AT Database ID,Supplier,Recipient,…'. Then run `entente ingest <file>.csv` (the preamble is expected).",
  list: manualOnly,
};

export const SYNC_SOURCES: readonly SyncSource[] = [
  atop,
  cowAlliance,
  undlVotes,
  unvotes,
  cowTrade,
  cowTradeNational,
  imfImts,
  cowNmc,
  worldBank("worldbank-gdp", "NY.GDP.MKTP.CD", "GDP, current US$"),
  worldBank("worldbank-gdp-pcap", "NY.GDP.PCAP.CD", "GDP per capita, current US$"),
  pwt,
  mme,
  sipriArms,
  gdelt2,
  gdelt1,
  icews,
];

export function syncSource(name: string): SyncSource {
  const s = SYNC_SOURCES.find((x) => x.name === name);
  if (!s) {
    throw new BadInputError("unknown_sync_source", `Unknown sync source "${name}"`, {
      hint: `Known sources: ${SYNC_SOURCES.map((x) => x.name).join(", ")}`,
    });
  }
  return s;
}
