/**
 * The regular expressions of the quote extractor (quotes.ts): speaker surfaces ("Sergei Lavrov",
 * "the Russian foreign minister", "Kremlin spokesman Dmitry Peskov", "he"), cue verbs, and the
 * cue patterns before and after a quotation. Sources are built from word lists; the expressions
 * are compiled on first use (the CLI imports the text modules for every command).
 */
import { cueList, speakerNounList } from "./cue-verbs.js";
import { TITLE_ABBREVIATIONS } from "./sentences.js";

/** Builds `[Ww]ord` so a word matches with or without a capital. */
const ci = (w: string): string => `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}`;
/** A comma-separated list of words or phrases. */
export const list = (s: string): string[] =>
  s
    .split(",")
    .map((w) => w.trim())
    .filter((w) => w !== "");
const alt = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).join("|");

/** Adverbs between the speaker and the verb: "once told", "later said", "reportedly said". */
const ADV =
  "(?:(?:also|later|once|then|again|earlier|previously|separately|recently|further|most|first|has|have|had|will|would|\\p{Ll}+ly)\\s+)";

const PRONOUN = "(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)(?![\\p{L}’'])";

/** Capitalised words that open sentences but never a name. */
const NOT_NAME = list(`
  The, A, An, This, That, These, Those, It, Its, In, On, At, As, But, And, Or, If, When,
  While, After, Before, Asked, Speaking, However, Meanwhile, Later, Earlier, Still, Yet,
  So, Some, Many, Both, Neither, He, She, They, We, I, His, Her, Their, Our, My, Your,
  There, Here, What, Why, How, Who, Not, No, Yes, According, For, With, From, By, To, Of
`);
/** One word of a name: "Lavrov", "Jean-Yves", "Gonçalves", "al-Assad", "Mr.", "S.". */
const NAME_WORD = `(?:(?:${TITLE_ABBREVIATIONS.join("|")})\\.|(?:\\p{Lu}\\.){2,3}|\\p{Lu}\\.(?=\\s+\\p{Lu})|(?:al-|el-)?\\p{Lu}[\\p{L}\\p{M}-]*[\\p{L}\\p{M}])`;
const PARTICLE = "(?:de|du|des|da|di|do|dos|van|von|der|den|ter|bin|ibn|al|y|of)";
/** A sequence of capitalised words, with particles ("Laurent de Saint-Aubin"), titles included. */
const NAME = `(?!(?:${alt(NOT_NAME)})(?![\\p{L}\\p{M}.-]))${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+){0,2}${NAME_WORD}){0,5}(?:\\s*\\([A-Z][^()\\n]{0,30}\\))?`;

const LOWER_DET = `(?:${["the", "a", "an", "his", "her", "its", "their", "our"].map(ci).join("|")})(?![\\p{L}])`;
const DET = `(?:${LOWER_DET}|\\p{Lu}\\p{L}+['’]s(?![\\p{L}]))`;
const NOT_MODIFIER = list(`
  that, which, who, whom, whose, of, in, on, to, and, or, with, for, by, at, from, between,
  about, was, were, is, are, has, had, have, as, than, not, said, told
`);
const MODIFIER = `(?:(?!(?:${alt(NOT_MODIFIER)})(?![\\p{L}]))[\\p{L}\\p{M}-]+\\s+)`;
/** A lower-case word of a description ("presumptive", "pollster"), not a function word. */
const DESC_WORD = `(?!(?:${alt([...NOT_MODIFIER, "he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "when", "while", "after", "before", "but", "if", "so", "the", "a", "an"])})(?![\\p{L}]))[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N}'’-]*`;
/** "one of those advisers", "another official", "several aides". */
const QUANT = `(?:(?:one|some|many|several|two|three|four|each|most)\\s+of\\s+(?:the|those|these|his|her|their|its|our)|another|several|some)`;
/**
 * A description ending right before a cue verb: "the party's likely presidential nominee
 * told", "one of those advisers said". (Before the verb the verb itself ends it.)
 */
const DESCRIPTION = `(?:${LOWER_DET}|${QUANT})\\s+(?:${DESC_WORD}\\s+){0,5}${DESC_WORD}`;

/** Words before a title noun that name no one: "political scientist", "senior adviser". */
const TITLE_MODIFIERS = list(`
  political, senior, former, chief, deputy, national, top, longtime, conservative, liberal,
  democratic, republican, veteran, campaign, presidential, prominent, influential, retired,
  leading, independent, progressive, evangelical, foreign, defence, defense, press, state,
  federal, local, county, city, party, civil, rights, acting, interim, executive
`);

/**
 * Speakers, with the title nouns of data/text/speaker-nouns.csv ("spokesman", "pollster",
 * "nominee"): `subject` is who can be named as a sentence's subject, `speaker` adds descriptions
 * that only a cue verb next to them makes a speaker ("the Republican said").
 */
function speakerSources(): { subject: string; speaker: string } {
  const titleNoun = `(?:${alt(speakerNounList().map((n) => ci(n.noun)))})(?![\\p{L}])`;
  /** "the Russian foreign minister", "a senior State Department official", "China's defence minister". */
  const titlePhrase = `${DET}\\s+${MODIFIER}{0,4}?${titleNoun}`;
  const notName = `(?!(?:${alt(NOT_NAME)})(?![\\p{L}\\p{M}.-]))`;
  /** A name behind a title in lower case: "Kremlin spokesman Dmitry Peskov", "political scientist Karen Olsen". */
  const titledName = `(?:${notName}${NAME_WORD}\\s+){0,3}(?:(?:${alt(TITLE_MODIFIERS)})\\s+){0,2}(?:${titleNoun}\\s+){1,2}${NAME}`;
  const subject = `(?:${titlePhrase}(?:\\s+${NAME})?|${titledName}|${PRONOUN}|${NAME})`;
  return { subject, speaker: `(?:${subject}|${DESCRIPTION})` };
}

/** Lower-case words before a title that stay out of the surface: "retired Colonel Mark Hendry". */
const PRE = "(?:(?:retired|former|acting)\\s+)?";
/** ", who accompanied Putin," between a speaker and the verb. */
const APPOS = '(?:\\s*,\\s*(?<ap>[^,;:"“”«»_\\n]{1,120}?)\\s*,)';
/** A trailing apposition after an inverted cue: said X, "an energy analyst …". */
const TRAIL_APPOS = `(?:\\s*,\\s*(?<tap>${DET}[^,;:."“”«»_\\n]{1,120}))?`;

const re = (source: string, flags = ""): RegExp => new RegExp(source, `du${flags}`);

/**
 * The cue words that attribute quotations (data/text/cue-verbs.csv), longest first; `capital`:
 * also with a capital first letter ("Stated Moreau:").
 */
function verbSource(capital = false): string {
  const words = cueList()
    .filter((c) => c.quotes && c.cue !== "according to" && !/ing$/.test(c.cue))
    .map((c) => (capital ? ci(c.cue) : c.cue).replace(/ /g, "\\s+"));
  return `(?:${alt(words)})(?![\\p{L}])`;
}

/** Cues of indirect attributions: seen 10 times or more in train, not participles. */
function attributionVerbSource(): string {
  const words = cueList()
    .filter(
      (c) =>
        (c.trainCues >= 10 || c.source === "hand") &&
        c.cue !== "according to" &&
        !/ing$/.test(c.cue),
    )
    .map((c) => c.cue.replace(/ /g, "\\s+"));
  return `(?:${alt(words)})(?![\\p{L}])`;
}

/** Participles among the quotation cues ("saying", "adding", "noting"), longest first. */
function participleSource(): string {
  const words = cueList()
    .filter((c) => c.quotes && /ing$/.test(c.cue))
    .map((c) => c.cue);
  return `(?:${alt(words)})(?![\\p{L}])`;
}

function buildPatterns() {
  const { subject: SUBJECT_SPEAKER, speaker: SPEAKER } = speakerSources();
  const PARTICIPLE = participleSource();
  // A cue verb, or a participle after "is" / "was" ("is telling supporters that …").
  const VERB = `(?:${verbSource()}|(?:is|are|was|were)\\s+${PARTICIPLE})`;
  const ATTR_VERB = attributionVerbSource();
  /** The subject opening a sentence, after a leading clause ("Asked about X, Lavrov …"). */
  const lead = `(?:(?:Asked|In|At|On|After|Before|Speaking|Later|Earlier|Meanwhile|Separately|When|While|For|With|During)(?![\\p{L}])[^,;:"“«_\\n]{0,100},\\s+)?`;
  return {
    /** Cue right after the closing mark: "…," said X. */
    afterInverted: re(`^[\\s,—–-]*(?<verb>${VERB})\\s+${PRE}(?<sp>${SPEAKER})${TRAIL_APPOS}`),
    /** "…," X said. */
    afterSv: re(`^[\\s,—–-]*(?<sp>${SPEAKER})${APPOS}?\\s+${ADV}?(?<verb>${VERB})`),
    /** "…", according to X. */
    afterAccording: re(`^[\\s,—–-]*(?<verb>according\\s+to)\\s+(?<sp>${SPEAKER})${TRAIL_APPOS}`),
    /** Cue before the opening mark, within its sentence: According to X, "…". */
    beforeAccording: re(
      `(?<verb>[Aa]ccording\\s+to)\\s+(?<sp>${SPEAKER})(?:\\s*,\\s*(?<ap>[^,;:"“”«»_\\n]{1,120}?))?\\s*[,:]`,
      "g",
    ),
    /** X said: "…". */
    beforeSv: re(`${PRE}(?<sp>${SPEAKER})${APPOS}?\\s+${ADV}{0,2}(?<verb>${VERB})`, "g"),
    /** An inverted cue opening the sentence: Said Maria Ortega, who …, "…" / Stated Moreau: "…". */
    beforeInverted: re(
      `^\\s*(?<verb>${verbSource(true)})\\s+${PRE}(?<sp>${SPEAKER})(?:\\s*,\\s*[^,;:"“”«»_\\n]{1,120}?)?\\s*[,:]\\s*$`,
    ),
    /** Any verb right before a colon: the retired teacher retorted: "…". */
    colonVerb: re(
      `${PRE}(?<sp>${SPEAKER})${APPOS}?\\s+${ADV}?(?<verb>\\p{Ll}[\\p{L}-]*(?:\\s+(?:out|back|up|on|in))?)\\s*:\\s*$`,
    ),
    /**
     * What introduces a block quote (a paragraph without marks): a named speaker, a speech verb
     * and a colon ending the paragraph ("Putin most recently stated that:", "Stated Moreau:").
     */
    blockIntro: re(
      `(?:${PRE}(?<sp>${SUBJECT_SPEAKER})${APPOS}?\\s+${ADV}{0,2}(?<verb>${VERB})|^\\s*(?<verb2>${verbSource(true)})\\s+(?<sp2>${SUBJECT_SPEAKER}))(?:\\s+(?:that|as\\s+follows|the\\s+following|this))?\\s*:\\s*$`,
    ),
    /** A name or a title right before a colon: pollster Dana Whitfield: "…". */
    colonName: re(`(?<![\\p{L}\\p{M}'’-])(?<sp>${SUBJECT_SPEAKER})\\s*:\\s*$`),
    /** A cue verb coordinated with the subject's first verb: "… and says …". */
    coordinated: re(`(?<![\\p{L}])(?:and|but)\\s+${ADV}{0,2}(?<verb>${VERB})`, "g"),
    /** A participle cue after a comma or a dash, or opening the sentence: ", saying …", "Adding, …". */
    participle: re(`(?:^\\s*|[,;—–(]\\s*|\\sby\\s+)(?:${ADV})?(?<verb>${PARTICIPLE})`, "gi"),
    subject: re(`^\\s*${lead}${PRE}(?<sp>${SUBJECT_SPEAKER})${APPOS}?\\s+${ADV}?(?=[\\p{Ll}])`),
    /** "Those were Xi's words", "These were the remarks of the minister". */
    following: re(
      `^\\s*(?:Those|These|That|This|Such)\\s+(?:were|was|are|is)\\s+(?:(?<sp>${NAME})['’]s\\s+(?:words|remarks|comments|message)|the\\s+(?:words|remarks|comments)\\s+of\\s+(?<sp2>${SPEAKER}))`,
    ),
    /** A transcript turn: "LAVROV: …", "Q (from the audience): …". */
    turn: re("^(?<label>\\p{Lu}[\\p{Lu}\\p{M}.'’ -]*\\p{Lu}\\.?|\\p{Lu})(?:\\s*\\([^)]*\\))?:\\s+"),
    /** A whole string that is a name. */
    fullName: re(`^${NAME}$`),
    // Indirect attributions (indirect.ts): what follows or precedes the cue is the content.
    /** "X said (that) …" anywhere in a sentence; the content starts where the match ends. */
    indirectSv: re(
      `(?<![\\p{L}\\p{M}'’-])${PRE}(?<sp>${SPEAKER})${APPOS}?\\s+${ADV}{0,2}(?<verb>${ATTR_VERB})(?:\\s+that)?\\s+(?=\\S)`,
      "g",
    ),
    /** "…, X said." / "…, said X." ending the sentence; the content is what comes before. */
    indirectTrailing: re(
      `,\\s*(?:${PRE}(?<sp>${SPEAKER})\\s+${ADV}?(?<verb>${ATTR_VERB})|(?<verb2>${ATTR_VERB})\\s+${PRE}(?<sp2>${SPEAKER}))(?:\\s+[^,.;:!?"“”]{0,60})?[.!?]?\\s*$`,
    ),
    /** "According to X, …". */
    accordingLead: re(
      `^\\s*(?<verb>[Aa]ccording\\s+to)\\s+(?<sp>${SPEAKER})(?:\\s*,[^,]{1,80}?)?\\s*,\\s*`,
    ),
    /** "…, according to X." */
    accordingTrail: re(`,\\s*(?<verb>according\\s+to)\\s+(?<sp>${SPEAKER})[^.!?]*[.!?]?\\s*$`),
  };
}

let patterns: ReturnType<typeof buildPatterns> | undefined;

/** The cue patterns, compiled once. */
export function quotePatterns(): ReturnType<typeof buildPatterns> {
  patterns ??= buildPatterns();
  return patterns;
}

/** All-capital lines that are not speakers. */
export const NOT_TURN_LABELS: ReadonlySet<string> = new Set(
  list(`
  NOTE, UPDATE, UPDATED, EDITOR'S NOTE, EDITOR’S NOTE, CORRECTION, PHOTO, FILE, RELATED,
  READ MORE, WATCH, SOURCE, SOURCES, BACKGROUND, ANALYSIS, URGENT
`),
);
export const QUESTION_LABELS: ReadonlySet<string> = new Set(
  list(`
  Q, QUESTION, INTERVIEWER, JOURNALIST, REPORTER, MODERATOR, HOST
`),
);
