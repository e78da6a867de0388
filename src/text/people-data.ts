/**
 * Office holders known to Entente: heads of state, heads of government, foreign ministers and
 * defence ministers of the United States, Russia (and, for 1991, the Soviet head of state), China
 * (with the party's General Secretary), the United Kingdom, France, Germany, Japan and India, from
 * 1991-01-01 on. Offices that began before 1991 and were still held on 1991-01-01 carry their real
 * start date.
 *
 * Sources: compiled from the governments' official lists and standard references; check dates
 * before citing. Dates are ISO days: `from` is the first day in office, `to` the day the office
 * passed to the next holder or was left (exclusive: the day after the last full day in office),
 * null while in office. Where only the month is known the
 * 1st is used and a comment says so; dates that are not certain to the day are marked "check" and
 * listed, with the known gaps, at the end of this file.
 *
 * Acting holders are listed (title "Acting …") only where they held the office alone for a
 * notable time; a short acting spell by the same person just before confirmation is merged into
 * the term. One person with several offices is ONE entry with several offices.
 *
 * Names: `name` is the usual English form; `aliases` holds other spellings, transliterations,
 * forms with and without diacritics, and surname-first forms (Japanese names get them
 * automatically); `surnames` are the forms used alone ("Lavrov", "Le Drian", "Xi"), also added to
 * the aliases. `commonSurname` marks surnames that are also ordinary words or first names ("May",
 * "Major", "Brown"): the resolver reads them alone only after a title or honorific ("Mrs May").
 */
import type { Office, Person } from "./types.js";

/** The date the list was last checked. */
export const PEOPLE_AS_OF = "2026-11-30";

export type OfficeKind =
  | "head of state"
  | "head of government"
  | "party leader"
  | "foreign minister"
  | "defence minister";

export const OFFICE_KINDS: readonly OfficeKind[] = [
  "head of state",
  "head of government",
  "party leader",
  "foreign minister",
  "defence minister",
];

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

type Post = readonly [state: string, kind: OfficeKind, title: string];

const POSTS = {
  // United States: the President is head of state and of government (recorded as head of state).
  usPres: ["USA", "head of state", "President of the United States"],
  usSec: ["USA", "foreign minister", "United States Secretary of State"],
  usSecActing: ["USA", "foreign minister", "Acting United States Secretary of State"],
  usDef: ["USA", "defence minister", "United States Secretary of Defense"],
  usDefActing: ["USA", "defence minister", "Acting United States Secretary of Defense"],
  // Russia (RSFSR until the renaming of 1991-12-25) and the Soviet Union (state "SUN").
  rsfsrChair: ["RUS", "head of state", "Chairman of the Supreme Soviet of the RSFSR"],
  ruPres: ["RUS", "head of state", "President of Russia"],
  ruPresActing: ["RUS", "head of state", "Acting President of Russia"],
  rsfsrPm: ["RUS", "head of government", "Chairman of the Council of Ministers of the RSFSR"],
  rsfsrPmActing: [
    "RUS",
    "head of government",
    "Acting Chairman of the Council of Ministers of the RSFSR",
  ],
  ruPm: ["RUS", "head of government", "Prime Minister of Russia"],
  ruPmActing: ["RUS", "head of government", "Acting Prime Minister of Russia"],
  ruFm: ["RUS", "foreign minister", "Foreign Minister of Russia"],
  ruDef: ["RUS", "defence minister", "Defence Minister of Russia"],
  suPres: ["SUN", "head of state", "President of the Soviet Union"],
  suGs: ["SUN", "party leader", "General Secretary of the Communist Party of the Soviet Union"],
  // China.
  cnPres: ["CHN", "head of state", "President of China"],
  cnPrem: ["CHN", "head of government", "Premier of China"],
  cnGs: ["CHN", "party leader", "General Secretary of the Chinese Communist Party"],
  cnFm: ["CHN", "foreign minister", "Foreign Minister of China"],
  cnDef: ["CHN", "defence minister", "Defence Minister of China"],
  // United Kingdom.
  ukQueen: ["GBR", "head of state", "Queen of the United Kingdom"],
  ukKing: ["GBR", "head of state", "King of the United Kingdom"],
  ukPm: ["GBR", "head of government", "Prime Minister of the United Kingdom"],
  ukFs: ["GBR", "foreign minister", "Foreign Secretary of the United Kingdom"],
  ukDef: ["GBR", "defence minister", "Defence Secretary of the United Kingdom"],
  // France.
  frPres: ["FRA", "head of state", "President of France"],
  frPm: ["FRA", "head of government", "Prime Minister of France"],
  frFm: ["FRA", "foreign minister", "Foreign Minister of France"],
  frDef: ["FRA", "defence minister", "Defence Minister of France"],
  frArm: ["FRA", "defence minister", "Minister of the Armed Forces of France"],
  // Germany.
  dePres: ["DEU", "head of state", "President of Germany"],
  deChan: ["DEU", "head of government", "Chancellor of Germany"],
  deFm: ["DEU", "foreign minister", "Foreign Minister of Germany"],
  deDef: ["DEU", "defence minister", "Defence Minister of Germany"],
  // Japan (the Japan Defense Agency became the Ministry of Defense on 2007-01-09).
  jpPm: ["JPN", "head of government", "Prime Minister of Japan"],
  jpFm: ["JPN", "foreign minister", "Foreign Minister of Japan"],
  jpFmActing: ["JPN", "foreign minister", "Acting Foreign Minister of Japan"],
  jpJda: ["JPN", "defence minister", "Director General of the Japan Defense Agency"],
  jpDef: ["JPN", "defence minister", "Defence Minister of Japan"],
  jpDefActing: ["JPN", "defence minister", "Acting Defence Minister of Japan"],
  // India.
  inPres: ["IND", "head of state", "President of India"],
  inPm: ["IND", "head of government", "Prime Minister of India"],
  inEam: ["IND", "foreign minister", "External Affairs Minister of India"],
  inDef: ["IND", "defence minister", "Defence Minister of India"],
} as const satisfies Record<string, Post>;

type PostKey = keyof typeof POSTS;
type Term = readonly [post: PostKey, from: string, to: string | null];

interface Names {
  /** Forms used alone ("Lavrov"); multi-word ones too ("Le Drian", "de Villepin"). */
  readonly surnames: readonly string[];
  readonly aliases?: readonly string[];
  readonly commonSurname?: boolean;
  readonly familyFirst?: boolean;
  /** Japanese: add the family-name-first forms of the name and of the given aliases. */
  readonly japanese?: boolean;
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

/** "Shinzo Abe" → "Abe Shinzo", with the surname given. */
function familyFirstForm(full: string, surname: string): string | null {
  if (!full.endsWith(` ${surname}`)) return null;
  return `${surname} ${full.slice(0, -surname.length - 1)}`;
}

function person(name: string, names: Names, terms: readonly Term[]): ListedPerson {
  const aliases: string[] = [...(names.aliases ?? [])];
  if (names.japanese) {
    for (const full of [name, ...(names.aliases ?? [])]) {
      for (const s of names.surnames) {
        const ff = familyFirstForm(full, s);
        if (ff) aliases.push(ff);
      }
    }
  }
  aliases.push(...names.surnames);
  const offices: Office[] = terms.map(([post, from, to]) => {
    const [state, kind, title] = POSTS[post];
    return { kind, title, state, from, to };
  });
  return {
    id: slugOf(name),
    name,
    aliases: [...new Set(aliases)].filter((a) => a !== name),
    offices,
    surnames: names.surnames,
    commonSurname: names.commonSurname ?? false,
    familyFirst: (names.familyFirst ?? false) || (names.japanese ?? false),
  };
}

// ---------------------------------------------------------------------------------------------
// United States

const USA: readonly ListedPerson[] = [
  person(
    "George H. W. Bush",
    {
      surnames: ["Bush"],
      aliases: ["George H.W. Bush", "George Herbert Walker Bush", "George Bush", "George Bush Sr."],
    },
    [["usPres", "1989-01-20", "1993-01-20"]],
  ),
  person(
    "Bill Clinton",
    {
      surnames: ["Clinton"],
      aliases: ["William Jefferson Clinton", "William J. Clinton", "William Clinton"],
    },
    [["usPres", "1993-01-20", "2001-01-20"]],
  ),
  person("George W. Bush", { surnames: ["Bush"], aliases: ["George Walker Bush", "George Bush"] }, [
    ["usPres", "2001-01-20", "2009-01-20"],
  ]),
  person(
    "Barack Obama",
    { surnames: ["Obama"], aliases: ["Barack Hussein Obama", "Barack H. Obama"] },
    [["usPres", "2009-01-20", "2017-01-20"]],
  ),
  person(
    "Donald Trump",
    { surnames: ["Trump"], aliases: ["Donald J. Trump", "Donald John Trump"] },
    [
      ["usPres", "2017-01-20", "2021-01-20"],
      ["usPres", "2025-01-20", null],
    ],
  ),
  person(
    "Joe Biden",
    {
      surnames: ["Biden"],
      aliases: ["Joseph Biden", "Joseph R. Biden", "Joseph R. Biden Jr.", "Joseph Robinette Biden"],
    },
    [["usPres", "2021-01-20", "2025-01-20"]],
  ),
  // Secretaries of State.
  person(
    "James Baker",
    {
      surnames: ["Baker"],
      aliases: ["James A. Baker", "James A. Baker III", "James Baker III", "James Addison Baker"],
      commonSurname: true,
    },
    [["usSec", "1989-01-25", "1992-08-23"]],
  ),
  person(
    "Lawrence Eagleburger",
    { surnames: ["Eagleburger"], aliases: ["Larry Eagleburger", "Lawrence S. Eagleburger"] },
    [
      ["usSecActing", "1992-08-23", "1992-12-08"],
      ["usSec", "1992-12-08", "1993-01-20"],
    ],
  ),
  person(
    "Warren Christopher",
    { surnames: ["Christopher"], aliases: ["Warren M. Christopher"], commonSurname: true },
    [["usSec", "1993-01-20", "1997-01-18"]],
  ),
  person(
    "Madeleine Albright",
    { surnames: ["Albright"], aliases: ["Madeleine K. Albright", "Madeleine Korbel Albright"] },
    [["usSec", "1997-01-23", "2001-01-20"]],
  ),
  person(
    "Colin Powell",
    { surnames: ["Powell"], aliases: ["Colin L. Powell", "Colin Luther Powell"] },
    [["usSec", "2001-01-20", "2005-01-26"]],
  ),
  person("Condoleezza Rice", { surnames: ["Rice"], aliases: ["Condi Rice"], commonSurname: true }, [
    ["usSec", "2005-01-26", "2009-01-20"],
  ]),
  person(
    "Hillary Clinton",
    { surnames: ["Clinton"], aliases: ["Hillary Rodham Clinton", "Hillary R. Clinton"] },
    [["usSec", "2009-01-21", "2013-02-01"]],
  ),
  person("John Kerry", { surnames: ["Kerry"], aliases: ["John F. Kerry", "John Forbes Kerry"] }, [
    ["usSec", "2013-02-01", "2017-01-20"],
  ]),
  person("Rex Tillerson", { surnames: ["Tillerson"], aliases: ["Rex W. Tillerson"] }, [
    ["usSec", "2017-02-01", "2018-04-01"],
  ]),
  person(
    "Mike Pompeo",
    { surnames: ["Pompeo"], aliases: ["Michael Pompeo", "Michael R. Pompeo"] },
    [["usSec", "2018-04-26", "2021-01-20"]],
  ),
  person(
    "Antony Blinken",
    { surnames: ["Blinken"], aliases: ["Tony Blinken", "Antony J. Blinken"] },
    [["usSec", "2021-01-26", "2025-01-20"]],
  ),
  person("Marco Rubio", { surnames: ["Rubio"], aliases: ["Marco Antonio Rubio"] }, [
    ["usSec", "2025-01-21", null],
  ]),
  // Secretaries of Defense.
  person(
    "Dick Cheney",
    { surnames: ["Cheney"], aliases: ["Richard Cheney", "Richard B. Cheney"] },
    [["usDef", "1989-03-21", "1993-01-20"]],
  ),
  person("Les Aspin", { surnames: ["Aspin"], aliases: ["Leslie Aspin"] }, [
    ["usDef", "1993-01-20", "1994-02-03"],
  ]),
  person(
    "William Perry",
    { surnames: ["Perry"], aliases: ["William J. Perry", "Bill Perry"], commonSurname: true },
    [["usDef", "1994-02-03", "1997-01-24"]],
  ),
  person(
    "William Cohen",
    { surnames: ["Cohen"], aliases: ["William S. Cohen", "Bill Cohen"], commonSurname: true },
    [["usDef", "1997-01-24", "2001-01-20"]],
  ),
  person("Donald Rumsfeld", { surnames: ["Rumsfeld"], aliases: ["Donald H. Rumsfeld"] }, [
    ["usDef", "2001-01-20", "2006-12-18"],
  ]),
  person(
    "Robert Gates",
    { surnames: ["Gates"], aliases: ["Robert M. Gates", "Bob Gates"], commonSurname: true },
    [["usDef", "2006-12-18", "2011-07-01"]],
  ),
  person("Leon Panetta", { surnames: ["Panetta"], aliases: ["Leon E. Panetta"] }, [
    ["usDef", "2011-07-01", "2013-02-27"],
  ]),
  person("Chuck Hagel", { surnames: ["Hagel"], aliases: ["Charles Hagel", "Charles T. Hagel"] }, [
    ["usDef", "2013-02-27", "2015-02-17"],
  ]),
  person(
    "Ash Carter",
    { surnames: ["Carter"], aliases: ["Ashton Carter", "Ashton B. Carter"], commonSurname: true },
    [["usDef", "2015-02-17", "2017-01-20"]],
  ),
  person("Jim Mattis", { surnames: ["Mattis"], aliases: ["James Mattis", "James N. Mattis"] }, [
    ["usDef", "2017-01-20", "2019-01-01"],
  ]),
  person(
    "Patrick Shanahan",
    { surnames: ["Shanahan"], aliases: ["Patrick M. Shanahan", "Pat Shanahan"] },
    [["usDefActing", "2019-01-01", "2019-06-24"]],
  ),
  person("Mark Esper", { surnames: ["Esper"], aliases: ["Mark T. Esper"] }, [
    ["usDefActing", "2019-06-24", "2019-07-15"],
    ["usDef", "2019-07-23", "2020-11-09"],
  ]),
  person(
    "Christopher Miller",
    {
      surnames: ["Miller"],
      aliases: ["Christopher C. Miller", "Chris Miller"],
      commonSurname: true,
    },
    [["usDefActing", "2020-11-09", "2021-01-20"]],
  ),
  person(
    "Lloyd Austin",
    {
      surnames: ["Austin"],
      aliases: ["Lloyd J. Austin", "Lloyd J. Austin III", "Lloyd Austin III"],
      commonSurname: true,
    },
    [["usDef", "2021-01-22", "2025-01-20"]],
  ),
  // Since 2025-09-05 "Secretary of War" is an authorised secondary title of the same office.
  person(
    "Pete Hegseth",
    { surnames: ["Hegseth"], aliases: ["Peter Hegseth", "Peter B. Hegseth"] },
    [["usDef", "2025-01-25", null]],
  ),
];

// ---------------------------------------------------------------------------------------------
// Russia (and the Soviet head of state in 1991)

const RUSSIA: readonly ListedPerson[] = [
  person(
    "Mikhail Gorbachev",
    {
      surnames: ["Gorbachev"],
      aliases: ["Mikhail Sergeyevich Gorbachev", "Mikhail S. Gorbachev", "Michail Gorbatschow"],
    },
    [
      ["suGs", "1985-03-11", "1991-08-24"],
      ["suPres", "1990-03-15", "1991-12-25"],
    ],
  ),
  person(
    "Boris Yeltsin",
    {
      surnames: ["Yeltsin"],
      aliases: ["Boris Nikolayevich Yeltsin", "Boris N. Yeltsin", "Boris Jelzin", "Boris Eltsine"],
    },
    [
      ["rsfsrChair", "1990-05-29", "1991-07-10"],
      // President of the RSFSR until the state was renamed on 1991-12-25: one office.
      ["ruPres", "1991-07-10", "1999-12-31"],
      // Yeltsin led the government himself (decree of 1991-11-06) until Gaidar became acting PM.
      ["ruPm", "1991-11-06", "1992-06-15"],
    ],
  ),
  person(
    "Vladimir Putin",
    {
      surnames: ["Putin"],
      aliases: [
        "Vladimir Vladimirovich Putin",
        "Vladimir V. Putin",
        "Wladimir Putin",
        "Vladimir Poutine",
        "Wladimir Wladimirowitsch Putin",
      ],
    },
    [
      // Acting PM from 1999-08-09, confirmed by the Duma on 1999-08-16.
      ["ruPm", "1999-08-09", "2000-05-07"],
      ["ruPresActing", "1999-12-31", "2000-05-07"],
      ["ruPres", "2000-05-07", "2008-05-07"],
      ["ruPm", "2008-05-08", "2012-05-07"],
      ["ruPres", "2012-05-07", null],
    ],
  ),
  person(
    "Dmitry Medvedev",
    {
      surnames: ["Medvedev"],
      aliases: [
        "Dmitri Medvedev",
        "Dmitriy Medvedev",
        "Dmitry Anatolyevich Medvedev",
        "Dmitry A. Medvedev",
        "Dmitri A. Medvedev",
      ],
    },
    [
      ["ruPres", "2008-05-07", "2012-05-07"],
      // The government resigned on 2020-01-15; Mishustin was appointed on 2020-01-16.
      ["ruPm", "2012-05-08", "2020-01-16"],
    ],
  ),
  // Heads of government.
  person("Ivan Silayev", { surnames: ["Silayev", "Silaev"], aliases: ["Ivan Silaev"] }, [
    ["rsfsrPm", "1990-06-15", "1991-09-26"],
  ]),
  person("Oleg Lobov", { surnames: ["Lobov"] }, [["rsfsrPmActing", "1991-09-26", "1991-11-06"]]),
  person(
    "Yegor Gaidar",
    {
      surnames: ["Gaidar", "Gaydar"],
      aliases: ["Yegor Gaydar", "Egor Gaidar", "Yegor Timurovich Gaidar"],
    },
    [["ruPmActing", "1992-06-15", "1992-12-14"]],
  ),
  person(
    "Viktor Chernomyrdin",
    {
      surnames: ["Chernomyrdin"],
      aliases: ["Victor Chernomyrdin", "Viktor Stepanovich Chernomyrdin"],
    },
    [
      ["ruPm", "1992-12-14", "1998-03-23"],
      // Acting again after Kiriyenko's dismissal; the Duma twice refused to confirm him.
      ["ruPmActing", "1998-08-23", "1998-09-11"],
    ],
  ),
  person(
    "Sergei Kiriyenko",
    {
      surnames: ["Kiriyenko", "Kirienko"],
      aliases: ["Sergey Kiriyenko", "Sergei Kirienko", "Sergey Kirienko"],
    },
    // Acting from 1998-03-23, confirmed on 1998-04-24.
    [["ruPm", "1998-03-23", "1998-08-23"]],
  ),
  person(
    "Yevgeny Primakov",
    {
      surnames: ["Primakov"],
      aliases: ["Evgeny Primakov", "Yevgeni Primakov", "Yevgeniy Primakov", "Evgeniy Primakov"],
    },
    [
      ["ruFm", "1996-01-09", "1998-09-11"],
      ["ruPm", "1998-09-11", "1999-05-12"],
    ],
  ),
  // Acting from 1999-05-12, confirmed on 1999-05-19.
  person("Sergei Stepashin", { surnames: ["Stepashin"], aliases: ["Sergey Stepashin"] }, [
    ["ruPm", "1999-05-12", "1999-08-09"],
  ]),
  // Acting from 2000-05-07, confirmed on 2000-05-17.
  person(
    "Mikhail Kasyanov",
    { surnames: ["Kasyanov", "Kasianov"], aliases: ["Mikhail Kasianov"] },
    [["ruPm", "2000-05-07", "2004-02-24"]],
  ),
  person("Viktor Khristenko", { surnames: ["Khristenko"], aliases: ["Victor Khristenko"] }, [
    ["ruPmActing", "2004-02-24", "2004-03-05"],
  ]),
  // Dismissed on 2007-09-12, acting until Zubkov's appointment on 2007-09-14.
  person("Mikhail Fradkov", { surnames: ["Fradkov"] }, [["ruPm", "2004-03-05", "2007-09-14"]]),
  person("Viktor Zubkov", { surnames: ["Zubkov"], aliases: ["Victor Zubkov"] }, [
    ["ruPm", "2007-09-14", "2008-05-07"],
  ]),
  person(
    "Mikhail Mishustin",
    { surnames: ["Mishustin"], aliases: ["Mikhail Vladimirovich Mishustin"] },
    [["ruPm", "2020-01-16", null]],
  ),
  // Foreign ministers.
  person(
    "Andrei Kozyrev",
    { surnames: ["Kozyrev"], aliases: ["Andrey Kozyrev", "Andrei Vladimirovich Kozyrev"] },
    [
      // Foreign Minister of the RSFSR from 1990-10-11; resigned on 1996-01-05.
      ["ruFm", "1990-10-11", "1996-01-05"],
    ],
  ),
  person(
    "Igor Ivanov",
    { surnames: ["Ivanov"], aliases: ["Igor Sergeyevich Ivanov", "Igor S. Ivanov"] },
    [["ruFm", "1998-09-11", "2004-03-09"]],
  ),
  person(
    "Sergei Lavrov",
    {
      surnames: ["Lavrov"],
      aliases: [
        "Sergey Lavrov",
        "Sergei Viktorovich Lavrov",
        "Sergey Viktorovich Lavrov",
        "Sergei V. Lavrov",
        "Sergey V. Lavrov",
        "Sergej Lawrow",
        "Sergueï Lavrov",
      ],
    },
    [["ruFm", "2004-03-09", null]],
  ),
  // Defence ministers (the Russian Ministry of Defence was created in March 1992).
  person("Pavel Grachev", { surnames: ["Grachev"], aliases: ["Pavel Grachyov"] }, [
    ["ruDef", "1992-05-18", "1996-06-18"],
  ]),
  person("Igor Rodionov", { surnames: ["Rodionov"] }, [["ruDef", "1996-07-17", "1997-05-22"]]),
  person("Igor Sergeyev", { surnames: ["Sergeyev", "Sergeev"], aliases: ["Igor Sergeev"] }, [
    ["ruDef", "1997-05-22", "2001-03-28"],
  ]),
  person(
    "Sergei Ivanov",
    {
      surnames: ["Ivanov"],
      aliases: ["Sergey Ivanov", "Sergei Borisovich Ivanov", "Sergei B. Ivanov"],
    },
    [["ruDef", "2001-03-28", "2007-02-15"]],
  ),
  person(
    "Anatoly Serdyukov",
    { surnames: ["Serdyukov"], aliases: ["Anatoliy Serdyukov", "Anatoli Serdyukov"] },
    [["ruDef", "2007-02-15", "2012-11-06"]],
  ),
  person(
    "Sergei Shoigu",
    {
      surnames: ["Shoigu", "Shoygu"],
      aliases: [
        "Sergey Shoigu",
        "Sergei Shoygu",
        "Sergey Shoygu",
        "Sergei Kuzhugetovich Shoigu",
        "Sergueï Choïgou",
      ],
    },
    // Relieved on 2024-05-12 (appointed Secretary of the Security Council).
    [["ruDef", "2012-11-06", "2024-05-12"]],
  ),
  person(
    "Andrei Belousov",
    { surnames: ["Belousov"], aliases: ["Andrey Belousov", "Andrei Removich Belousov"] },
    [["ruDef", "2024-05-14", null]],
  ),
];

// ---------------------------------------------------------------------------------------------
// China (names are family name first)

const cn = (surname: string, aliases: readonly string[] = []): Names => ({
  surnames: [surname],
  aliases,
  familyFirst: true,
});

const CHINA: readonly ListedPerson[] = [
  person("Yang Shangkun", cn("Yang"), [["cnPres", "1988-04-08", "1993-03-27"]]),
  person("Jiang Zemin", cn("Jiang"), [
    ["cnGs", "1989-06-24", "2002-11-15"],
    ["cnPres", "1993-03-27", "2003-03-15"],
  ]),
  person("Hu Jintao", cn("Hu"), [
    ["cnGs", "2002-11-15", "2012-11-15"],
    ["cnPres", "2003-03-15", "2013-03-14"],
  ]),
  person("Xi Jinping", cn("Xi"), [
    ["cnGs", "2012-11-15", null],
    ["cnPres", "2013-03-14", null],
  ]),
  // Acting premier from 1987-11-24; appointed by the NPC on 1988-04-09.
  person("Li Peng", cn("Li"), [["cnPrem", "1988-04-09", "1998-03-17"]]),
  person("Zhu Rongji", cn("Zhu"), [["cnPrem", "1998-03-17", "2003-03-16"]]),
  person("Wen Jiabao", cn("Wen"), [["cnPrem", "2003-03-16", "2013-03-15"]]),
  person("Li Keqiang", cn("Li"), [["cnPrem", "2013-03-15", "2023-03-11"]]),
  person("Li Qiang", cn("Li"), [["cnPrem", "2023-03-11", null]]),
  // Foreign ministers.
  person("Qian Qichen", cn("Qian"), [["cnFm", "1988-04-12", "1998-03-18"]]), // from: check
  person("Tang Jiaxuan", cn("Tang"), [["cnFm", "1998-03-18", "2003-03-17"]]), // from: check
  person("Li Zhaoxing", cn("Li"), [["cnFm", "2003-03-17", "2007-04-27"]]),
  person("Yang Jiechi", cn("Yang"), [["cnFm", "2007-04-27", "2013-03-16"]]),
  person("Wang Yi", cn("Wang"), [
    ["cnFm", "2013-03-16", "2022-12-30"],
    // Reappointed when Qin Gang was removed.
    ["cnFm", "2023-07-25", null],
  ]),
  person("Qin Gang", cn("Qin"), [["cnFm", "2022-12-30", "2023-07-25"]]),
  // Defence ministers.
  person("Qin Jiwei", cn("Qin"), [["cnDef", "1988-04-12", "1993-03-29"]]), // dates: check
  person("Chi Haotian", cn("Chi"), [["cnDef", "1993-03-29", "2003-03-17"]]), // from: check
  person("Cao Gangchuan", cn("Cao"), [["cnDef", "2003-03-17", "2008-03-17"]]),
  person("Liang Guanglie", cn("Liang"), [["cnDef", "2008-03-17", "2013-03-16"]]),
  person("Chang Wanquan", cn("Chang"), [["cnDef", "2013-03-16", "2018-03-19"]]),
  person("Wei Fenghe", cn("Wei"), [["cnDef", "2018-03-19", "2023-03-12"]]),
  // Removed by the NPC Standing Committee on 2023-10-24; the post was vacant until Dong Jun.
  person("Li Shangfu", cn("Li"), [["cnDef", "2023-03-12", "2023-10-24"]]),
  person("Dong Jun", cn("Dong"), [["cnDef", "2023-12-29", null]]),
];

// ---------------------------------------------------------------------------------------------
// United Kingdom

const UK: readonly ListedPerson[] = [
  person("Elizabeth II", { surnames: [], aliases: ["Queen Elizabeth II", "Queen Elizabeth"] }, [
    ["ukQueen", "1952-02-06", "2022-09-08"],
  ]),
  person(
    "Charles III",
    { surnames: [], aliases: ["King Charles III", "King Charles", "Prince Charles"] },
    [["ukKing", "2022-09-08", null]],
  ),
  // Prime ministers.
  person("John Major", { surnames: ["Major"], aliases: ["Sir John Major"], commonSurname: true }, [
    ["ukPm", "1990-11-28", "1997-05-02"],
  ]),
  person(
    "Tony Blair",
    { surnames: ["Blair"], aliases: ["Anthony Blair", "Anthony Charles Lynton Blair"] },
    [["ukPm", "1997-05-02", "2007-06-27"]],
  ),
  person(
    "Gordon Brown",
    { surnames: ["Brown"], aliases: ["James Gordon Brown"], commonSurname: true },
    [["ukPm", "2007-06-27", "2010-05-11"]],
  ),
  person(
    "David Cameron",
    { surnames: ["Cameron"], aliases: ["Lord Cameron", "Lord Cameron of Chipping Norton"] },
    [
      ["ukPm", "2010-05-11", "2016-07-13"],
      ["ukFs", "2023-11-13", "2024-07-05"],
    ],
  ),
  person("Theresa May", { surnames: ["May"], aliases: ["Theresa Mary May"], commonSurname: true }, [
    ["ukPm", "2016-07-13", "2019-07-24"],
  ]),
  person(
    "Boris Johnson",
    { surnames: ["Johnson"], aliases: ["Alexander Boris de Pfeffel Johnson"], commonSurname: true },
    [
      ["ukFs", "2016-07-13", "2018-07-09"],
      ["ukPm", "2019-07-24", "2022-09-06"],
    ],
  ),
  person(
    "Liz Truss",
    { surnames: ["Truss"], aliases: ["Elizabeth Truss", "Mary Elizabeth Truss"] },
    [
      ["ukFs", "2021-09-15", "2022-09-06"],
      ["ukPm", "2022-09-06", "2022-10-25"],
    ],
  ),
  person("Rishi Sunak", { surnames: ["Sunak"] }, [["ukPm", "2022-10-25", "2024-07-05"]]),
  person(
    "Keir Starmer",
    { surnames: ["Starmer"], aliases: ["Sir Keir Starmer", "Keir Rodney Starmer"] },
    [["ukPm", "2024-07-05", null]],
  ),
  // Foreign secretaries.
  person("Douglas Hurd", { surnames: ["Hurd"] }, [["ukFs", "1989-10-26", "1995-07-05"]]),
  person("Malcolm Rifkind", { surnames: ["Rifkind"], aliases: ["Sir Malcolm Rifkind"] }, [
    ["ukDef", "1992-04-10", "1995-07-05"],
    ["ukFs", "1995-07-05", "1997-05-02"],
  ]),
  person("Robin Cook", { surnames: ["Cook"], commonSurname: true }, [
    ["ukFs", "1997-05-02", "2001-06-08"],
  ]),
  person("Jack Straw", { surnames: ["Straw"], commonSurname: true }, [
    ["ukFs", "2001-06-08", "2006-05-05"],
  ]),
  person("Margaret Beckett", { surnames: ["Beckett"] }, [["ukFs", "2006-05-05", "2007-06-28"]]),
  person("David Miliband", { surnames: ["Miliband"] }, [["ukFs", "2007-06-28", "2010-05-12"]]),
  person("William Hague", { surnames: ["Hague"], aliases: ["Lord Hague"], commonSurname: true }, [
    ["ukFs", "2010-05-12", "2014-07-15"],
  ]),
  person("Philip Hammond", { surnames: ["Hammond"] }, [
    ["ukDef", "2011-10-14", "2014-07-15"],
    ["ukFs", "2014-07-15", "2016-07-13"],
  ]),
  person("Jeremy Hunt", { surnames: ["Hunt"], commonSurname: true }, [
    ["ukFs", "2018-07-09", "2019-07-24"],
  ]),
  person("Dominic Raab", { surnames: ["Raab"] }, [["ukFs", "2019-07-24", "2021-09-15"]]),
  person("James Cleverly", { surnames: ["Cleverly"], commonSurname: true }, [
    ["ukFs", "2022-09-06", "2023-11-13"],
  ]),
  person("David Lammy", { surnames: ["Lammy"] }, [["ukFs", "2024-07-05", "2025-09-05"]]),
  person("Yvette Cooper", { surnames: ["Cooper"], commonSurname: true }, [
    ["ukFs", "2025-09-05", null],
  ]),
  // Defence secretaries.
  person("Tom King", { surnames: ["King"], commonSurname: true }, [
    ["ukDef", "1989-07-24", "1992-04-10"],
  ]),
  person("Michael Portillo", { surnames: ["Portillo"] }, [["ukDef", "1995-07-05", "1997-05-02"]]),
  person(
    "George Robertson",
    { surnames: ["Robertson"], aliases: ["Lord Robertson"], commonSurname: true },
    [["ukDef", "1997-05-02", "1999-10-11"]], // from: check (2 or 3 May)
  ),
  person("Geoff Hoon", { surnames: ["Hoon"], aliases: ["Geoffrey Hoon"] }, [
    ["ukDef", "1999-10-11", "2005-05-06"],
  ]),
  person("John Reid", { surnames: ["Reid"], commonSurname: true }, [
    ["ukDef", "2005-05-06", "2006-05-05"],
  ]),
  person("Des Browne", { surnames: ["Browne"], aliases: ["Desmond Browne"], commonSurname: true }, [
    ["ukDef", "2006-05-05", "2008-10-03"],
  ]),
  person("John Hutton", { surnames: ["Hutton"], commonSurname: true }, [
    ["ukDef", "2008-10-03", "2009-06-05"],
  ]),
  person("Bob Ainsworth", { surnames: ["Ainsworth"], aliases: ["Robert Ainsworth"] }, [
    ["ukDef", "2009-06-05", "2010-05-12"],
  ]),
  person("Liam Fox", { surnames: ["Fox"], commonSurname: true }, [
    ["ukDef", "2010-05-12", "2011-10-14"],
  ]),
  person("Michael Fallon", { surnames: ["Fallon"] }, [["ukDef", "2014-07-15", "2017-11-02"]]),
  person("Gavin Williamson", { surnames: ["Williamson"] }, [["ukDef", "2017-11-02", "2019-05-01"]]),
  person("Penny Mordaunt", { surnames: ["Mordaunt"], aliases: ["Penelope Mordaunt"] }, [
    ["ukDef", "2019-05-01", "2019-07-24"],
  ]),
  person("Ben Wallace", { surnames: ["Wallace"], commonSurname: true }, [
    ["ukDef", "2019-07-24", "2023-08-31"],
  ]),
  person("Grant Shapps", { surnames: ["Shapps"] }, [["ukDef", "2023-08-31", "2024-07-05"]]),
  person("John Healey", { surnames: ["Healey"] }, [["ukDef", "2024-07-05", null]]),
];

// ---------------------------------------------------------------------------------------------
// France

const FRANCE: readonly ListedPerson[] = [
  person("François Mitterrand", { surnames: ["Mitterrand"], aliases: ["Francois Mitterrand"] }, [
    ["frPres", "1981-05-21", "1995-05-17"],
  ]),
  person("Jacques Chirac", { surnames: ["Chirac"] }, [["frPres", "1995-05-17", "2007-05-16"]]),
  person("Nicolas Sarkozy", { surnames: ["Sarkozy"] }, [["frPres", "2007-05-16", "2012-05-15"]]),
  person("François Hollande", { surnames: ["Hollande"], aliases: ["Francois Hollande"] }, [
    ["frPres", "2012-05-15", "2017-05-14"],
  ]),
  person("Emmanuel Macron", { surnames: ["Macron"] }, [["frPres", "2017-05-14", null]]),
  // Prime ministers.
  person("Michel Rocard", { surnames: ["Rocard"] }, [["frPm", "1988-05-10", "1991-05-15"]]),
  person("Édith Cresson", { surnames: ["Cresson"], aliases: ["Edith Cresson"] }, [
    ["frPm", "1991-05-15", "1992-04-02"],
  ]),
  person(
    "Pierre Bérégovoy",
    { surnames: ["Bérégovoy", "Beregovoy"], aliases: ["Pierre Beregovoy"] },
    [["frPm", "1992-04-02", "1993-03-29"]],
  ),
  person("Édouard Balladur", { surnames: ["Balladur"], aliases: ["Edouard Balladur"] }, [
    ["frPm", "1993-03-29", "1995-05-17"],
  ]),
  person("Alain Juppé", { surnames: ["Juppé", "Juppe"], aliases: ["Alain Juppe"] }, [
    ["frFm", "1993-03-30", "1995-05-17"], // from: check (29 or 30 March)
    ["frPm", "1995-05-17", "1997-06-02"],
    ["frDef", "2010-11-14", "2011-02-27"],
    ["frFm", "2011-02-27", "2012-05-16"],
  ]),
  person("Lionel Jospin", { surnames: ["Jospin"] }, [["frPm", "1997-06-02", "2002-05-06"]]),
  person("Jean-Pierre Raffarin", { surnames: ["Raffarin"] }, [
    ["frPm", "2002-05-06", "2005-05-31"],
  ]),
  person(
    "Dominique de Villepin",
    {
      surnames: ["de Villepin", "Villepin"],
      aliases: ["Dominique Galouzeau de Villepin"],
    },
    [
      ["frFm", "2002-05-07", "2004-03-31"],
      ["frPm", "2005-05-31", "2007-05-17"],
    ],
  ),
  person("François Fillon", { surnames: ["Fillon"], aliases: ["Francois Fillon"] }, [
    ["frPm", "2007-05-17", "2012-05-15"],
  ]),
  person("Jean-Marc Ayrault", { surnames: ["Ayrault"] }, [
    ["frPm", "2012-05-15", "2014-03-31"],
    ["frFm", "2016-02-11", "2017-05-17"],
  ]),
  person("Manuel Valls", { surnames: ["Valls"] }, [["frPm", "2014-03-31", "2016-12-06"]]),
  person("Bernard Cazeneuve", { surnames: ["Cazeneuve"] }, [["frPm", "2016-12-06", "2017-05-15"]]),
  person(
    "Édouard Philippe",
    { surnames: ["Philippe"], aliases: ["Edouard Philippe"], commonSurname: true },
    [["frPm", "2017-05-15", "2020-07-03"]],
  ),
  person("Jean Castex", { surnames: ["Castex"] }, [["frPm", "2020-07-03", "2022-05-16"]]),
  person(
    "Élisabeth Borne",
    { surnames: ["Borne"], aliases: ["Elisabeth Borne"], commonSurname: true },
    [["frPm", "2022-05-16", "2024-01-09"]],
  ),
  person("Gabriel Attal", { surnames: ["Attal"] }, [["frPm", "2024-01-09", "2024-09-05"]]),
  person("Michel Barnier", { surnames: ["Barnier"] }, [
    ["frFm", "2004-03-31", "2005-06-02"],
    ["frPm", "2024-09-05", "2024-12-13"],
  ]),
  person("François Bayrou", { surnames: ["Bayrou"], aliases: ["Francois Bayrou"] }, [
    ["frPm", "2024-12-13", "2025-09-09"],
  ]),
  person("Sébastien Lecornu", { surnames: ["Lecornu"], aliases: ["Sebastien Lecornu"] }, [
    ["frArm", "2022-05-20", "2025-10-05"], // caretaker from 2025-09-09, while also Prime Minister
    // Resigned on 2025-10-06 and was reappointed on 2025-10-10: one continuous term.
    ["frPm", "2025-09-09", null],
  ]),
  // Foreign ministers.
  person("Roland Dumas", { surnames: ["Dumas"] }, [["frFm", "1988-05-12", "1993-03-29"]]),
  person(
    "Hervé de Charette",
    { surnames: ["de Charette", "Charette"], aliases: ["Herve de Charette"] },
    [["frFm", "1995-05-18", "1997-06-04"]],
  ),
  person("Hubert Védrine", { surnames: ["Védrine", "Vedrine"], aliases: ["Hubert Vedrine"] }, [
    ["frFm", "1997-06-04", "2002-05-07"],
  ]),
  person("Philippe Douste-Blazy", { surnames: ["Douste-Blazy"] }, [
    ["frFm", "2005-06-02", "2007-05-18"],
  ]),
  person("Bernard Kouchner", { surnames: ["Kouchner"] }, [["frFm", "2007-05-18", "2010-11-14"]]),
  person(
    "Michèle Alliot-Marie",
    { surnames: ["Alliot-Marie"], aliases: ["Michele Alliot-Marie"] },
    [
      ["frDef", "2002-05-07", "2007-05-18"],
      ["frFm", "2010-11-14", "2011-02-27"],
    ],
  ),
  person("Laurent Fabius", { surnames: ["Fabius"] }, [["frFm", "2012-05-16", "2016-02-11"]]),
  person(
    "Jean-Yves Le Drian",
    { surnames: ["Le Drian"], aliases: ["Jean-Yves Le Drián", "Jean Yves Le Drian"] },
    [
      ["frDef", "2012-05-16", "2017-05-17"],
      ["frFm", "2017-05-17", "2022-05-20"],
    ],
  ),
  person("Catherine Colonna", { surnames: ["Colonna"] }, [["frFm", "2022-05-20", "2024-01-11"]]),
  person(
    "Stéphane Séjourné",
    { surnames: ["Séjourné", "Sejourne"], aliases: ["Stephane Sejourne"] },
    [["frFm", "2024-01-11", "2024-09-21"]],
  ),
  person("Jean-Noël Barrot", { surnames: ["Barrot"], aliases: ["Jean-Noel Barrot"] }, [
    ["frFm", "2024-09-21", null],
  ]),
  // Defence ministers (Minister of the Armed Forces from 2017-05-17).
  person(
    "Jean-Pierre Chevènement",
    { surnames: ["Chevènement", "Chevenement"], aliases: ["Jean-Pierre Chevenement"] },
    [["frDef", "1988-05-12", "1991-01-29"]],
  ),
  person("Pierre Joxe", { surnames: ["Joxe"] }, [["frDef", "1991-01-29", "1993-03-09"]]),
  person("François Léotard", { surnames: ["Léotard", "Leotard"], aliases: ["Francois Leotard"] }, [
    ["frDef", "1993-03-30", "1995-05-18"], // from: check (29 or 30 March)
  ]),
  person("Charles Millon", { surnames: ["Millon"] }, [["frDef", "1995-05-18", "1997-06-04"]]),
  person("Alain Richard", { surnames: ["Richard"], commonSurname: true }, [
    ["frDef", "1997-06-04", "2002-05-07"],
  ]),
  person("Hervé Morin", { surnames: ["Morin"], aliases: ["Herve Morin"] }, [
    ["frDef", "2007-05-18", "2010-11-14"],
  ]),
  person("Gérard Longuet", { surnames: ["Longuet"], aliases: ["Gerard Longuet"] }, [
    ["frDef", "2011-02-27", "2012-05-16"],
  ]),
  person("Sylvie Goulard", { surnames: ["Goulard"] }, [["frArm", "2017-05-17", "2017-06-21"]]),
  person("Florence Parly", { surnames: ["Parly"] }, [["frArm", "2017-06-21", "2022-05-20"]]),
  person("Catherine Vautrin", { surnames: ["Vautrin"] }, [["frArm", "2025-10-12", null]]),
];

// ---------------------------------------------------------------------------------------------
// Germany

const GERMANY: readonly ListedPerson[] = [
  person(
    "Richard von Weizsäcker",
    {
      surnames: ["von Weizsäcker", "Weizsäcker", "von Weizsaecker", "Weizsaecker"],
      aliases: ["Richard von Weizsaecker"],
    },
    [["dePres", "1984-07-01", "1994-07-01"]],
  ),
  person("Roman Herzog", { surnames: ["Herzog"], commonSurname: true }, [
    ["dePres", "1994-07-01", "1999-07-01"],
  ]),
  person("Johannes Rau", { surnames: ["Rau"] }, [["dePres", "1999-07-01", "2004-07-01"]]),
  // Resigned with immediate effect on 2010-05-31.
  person("Horst Köhler", { surnames: ["Köhler", "Koehler"], aliases: ["Horst Koehler"] }, [
    ["dePres", "2004-07-01", "2010-05-31"],
  ]),
  person("Christian Wulff", { surnames: ["Wulff"] }, [["dePres", "2010-06-30", "2012-02-17"]]),
  person("Joachim Gauck", { surnames: ["Gauck"] }, [["dePres", "2012-03-18", "2017-03-19"]]),
  person(
    "Frank-Walter Steinmeier",
    { surnames: ["Steinmeier"], aliases: ["Frank Walter Steinmeier"] },
    [
      ["deFm", "2005-11-22", "2009-10-28"],
      ["deFm", "2013-12-17", "2017-01-27"],
      ["dePres", "2017-03-19", null],
    ],
  ),
  // Chancellors.
  person("Helmut Kohl", { surnames: ["Kohl"] }, [["deChan", "1982-10-01", "1998-10-27"]]),
  person(
    "Gerhard Schröder",
    { surnames: ["Schröder", "Schroeder"], aliases: ["Gerhard Schroeder"] },
    [["deChan", "1998-10-27", "2005-11-22"]],
  ),
  person("Angela Merkel", { surnames: ["Merkel"], aliases: ["Angela Dorothea Merkel"] }, [
    ["deChan", "2005-11-22", "2021-12-08"],
  ]),
  person("Olaf Scholz", { surnames: ["Scholz"] }, [["deChan", "2021-12-08", "2025-05-06"]]),
  person("Friedrich Merz", { surnames: ["Merz"] }, [["deChan", "2025-05-06", null]]),
  // Foreign ministers.
  person(
    "Hans-Dietrich Genscher",
    { surnames: ["Genscher"], aliases: ["Hans Dietrich Genscher"] },
    [["deFm", "1982-10-04", "1992-05-18"]],
  ),
  person("Klaus Kinkel", { surnames: ["Kinkel"] }, [["deFm", "1992-05-18", "1998-10-27"]]),
  person("Joschka Fischer", { surnames: ["Fischer"], aliases: ["Joseph Fischer"] }, [
    ["deFm", "1998-10-27", "2005-11-22"],
  ]),
  person("Guido Westerwelle", { surnames: ["Westerwelle"] }, [
    ["deFm", "2009-10-28", "2013-12-17"],
  ]),
  person("Sigmar Gabriel", { surnames: ["Gabriel"], commonSurname: true }, [
    ["deFm", "2017-01-27", "2018-03-14"],
  ]),
  person("Heiko Maas", { surnames: ["Maas"], commonSurname: true }, [
    ["deFm", "2018-03-14", "2021-12-08"],
  ]),
  person("Annalena Baerbock", { surnames: ["Baerbock"] }, [["deFm", "2021-12-08", "2025-05-06"]]),
  person("Johann Wadephul", { surnames: ["Wadephul"] }, [["deFm", "2025-05-06", null]]),
  // Defence ministers.
  person("Gerhard Stoltenberg", { surnames: ["Stoltenberg"] }, [
    ["deDef", "1989-04-21", "1992-04-01"],
  ]),
  person("Volker Rühe", { surnames: ["Rühe", "Ruehe"], aliases: ["Volker Ruehe"] }, [
    ["deDef", "1992-04-01", "1998-10-27"],
  ]),
  person("Rudolf Scharping", { surnames: ["Scharping"] }, [["deDef", "1998-10-27", "2002-07-19"]]),
  person("Peter Struck", { surnames: ["Struck"], commonSurname: true }, [
    ["deDef", "2002-07-19", "2005-11-22"],
  ]),
  person(
    "Franz Josef Jung",
    { surnames: ["Jung"], aliases: ["Franz-Josef Jung"], commonSurname: true },
    [["deDef", "2005-11-22", "2009-10-28"]],
  ),
  person(
    "Karl-Theodor zu Guttenberg",
    {
      surnames: ["zu Guttenberg", "Guttenberg"],
      aliases: ["Karl Theodor zu Guttenberg", "Karl-Theodor Freiherr von und zu Guttenberg"],
    },
    [["deDef", "2009-10-28", "2011-03-03"]],
  ),
  person(
    "Thomas de Maizière",
    {
      surnames: ["de Maizière", "Maizière", "de Maiziere", "Maiziere"],
      aliases: ["Thomas de Maiziere"],
    },
    [["deDef", "2011-03-03", "2013-12-17"]],
  ),
  person("Ursula von der Leyen", { surnames: ["von der Leyen"] }, [
    ["deDef", "2013-12-17", "2019-07-17"],
  ]),
  person("Annegret Kramp-Karrenbauer", { surnames: ["Kramp-Karrenbauer", "AKK"] }, [
    ["deDef", "2019-07-17", "2021-12-08"],
  ]),
  person("Christine Lambrecht", { surnames: ["Lambrecht"] }, [
    ["deDef", "2021-12-08", "2023-01-19"],
  ]),
  person("Boris Pistorius", { surnames: ["Pistorius"] }, [["deDef", "2023-01-19", null]]),
];

// ---------------------------------------------------------------------------------------------
// Japan (cabinets change often; dates are those of cabinet formations and reshuffles)

const jp = (
  surname: string,
  aliases: readonly string[] = [],
  extra: Partial<Names> = {},
): Names => ({
  surnames: [surname],
  aliases,
  japanese: true,
  ...extra,
});

const JAPAN: readonly ListedPerson[] = [
  // Prime ministers.
  person("Toshiki Kaifu", jp("Kaifu"), [["jpPm", "1989-08-10", "1991-11-05"]]),
  person("Kiichi Miyazawa", jp("Miyazawa"), [["jpPm", "1991-11-05", "1993-08-09"]]),
  person("Morihiro Hosokawa", jp("Hosokawa"), [["jpPm", "1993-08-09", "1994-04-28"]]),
  person("Tsutomu Hata", jp("Hata"), [
    ["jpFm", "1993-08-09", "1994-04-28"],
    ["jpPm", "1994-04-28", "1994-06-30"],
  ]),
  person("Tomiichi Murayama", jp("Murayama"), [["jpPm", "1994-06-30", "1996-01-11"]]),
  person("Ryutaro Hashimoto", jp("Hashimoto", ["Ryūtarō Hashimoto"]), [
    ["jpPm", "1996-01-11", "1998-07-30"],
  ]),
  person("Keizo Obuchi", jp("Obuchi", ["Keizō Obuchi"]), [
    ["jpFm", "1997-09-11", "1998-07-30"],
    // Incapacitated by a stroke on 2000-04-02 (Mikio Aoki acting); Mori took office 2000-04-05.
    ["jpPm", "1998-07-30", "2000-04-05"],
  ]),
  person("Yoshiro Mori", jp("Mori", ["Yoshirō Mori"]), [["jpPm", "2000-04-05", "2001-04-26"]]),
  person("Junichiro Koizumi", jp("Koizumi", ["Jun'ichirō Koizumi", "Junichirō Koizumi"]), [
    ["jpPm", "2001-04-26", "2006-09-26"],
  ]),
  person("Shinzo Abe", jp("Abe", ["Shinzō Abe"]), [
    ["jpPm", "2006-09-26", "2007-09-26"],
    ["jpPm", "2012-12-26", "2020-09-16"],
  ]),
  person("Yasuo Fukuda", jp("Fukuda"), [["jpPm", "2007-09-26", "2008-09-24"]]),
  person("Taro Aso", jp("Aso", ["Tarō Asō", "Taro Asō"]), [
    ["jpFm", "2005-10-31", "2007-08-27"],
    ["jpPm", "2008-09-24", "2009-09-16"],
  ]),
  person("Yukio Hatoyama", jp("Hatoyama"), [["jpPm", "2009-09-16", "2010-06-08"]]),
  person("Naoto Kan", jp("Kan"), [["jpPm", "2010-06-08", "2011-09-02"]]),
  person("Yoshihiko Noda", jp("Noda"), [["jpPm", "2011-09-02", "2012-12-26"]]),
  person("Yoshihide Suga", jp("Suga"), [["jpPm", "2020-09-16", "2021-10-04"]]),
  person("Fumio Kishida", jp("Kishida"), [
    ["jpFm", "2012-12-26", "2017-08-03"],
    // Acting Defence Minister after Inada's resignation, while Foreign Minister.
    ["jpDefActing", "2017-07-28", "2017-08-03"],
    ["jpPm", "2021-10-04", "2024-10-01"],
    // Foreign Minister concurrently as Prime Minister after Motegi became LDP Secretary-General.
    ["jpFmActing", "2021-11-04", "2021-11-10"],
  ]),
  person("Shigeru Ishiba", jp("Ishiba"), [
    ["jpJda", "2002-09-30", "2004-09-27"],
    ["jpDef", "2007-09-26", "2008-08-02"],
    ["jpPm", "2024-10-01", "2025-10-21"],
  ]),
  person("Sanae Takaichi", jp("Takaichi"), [["jpPm", "2025-10-21", null]]),
  // Foreign ministers.
  person("Taro Nakayama", jp("Nakayama", ["Tarō Nakayama"]), [
    ["jpFm", "1989-08-10", "1991-11-05"],
  ]),
  // Resigned through illness in April 1993.
  person("Michio Watanabe", jp("Watanabe"), [["jpFm", "1991-11-05", "1993-04-07"]]), // to: check
  person("Kabun Muto", jp("Muto", ["Kabun Mutō"]), [["jpFm", "1993-04-07", "1993-08-09"]]), // from: check
  person("Koji Kakizawa", jp("Kakizawa", ["Kōji Kakizawa"]), [
    ["jpFm", "1994-04-28", "1994-06-30"],
  ]),
  person("Yohei Kono", jp("Kono", ["Yōhei Kōno", "Yohei Kohno"]), [
    ["jpFm", "1994-06-30", "1996-01-11"],
    ["jpFm", "1999-10-05", "2001-04-26"],
  ]),
  person("Yukihiko Ikeda", jp("Ikeda"), [
    ["jpJda", "1990-12-29", "1991-11-05"], // from: check
    ["jpFm", "1996-01-11", "1997-09-11"],
  ]),
  person("Masahiko Komura", jp("Komura", ["Masahiko Kōmura", "Masahiko Koumura"]), [
    ["jpFm", "1998-07-30", "1999-10-05"],
    ["jpDef", "2007-08-27", "2007-09-26"],
    ["jpFm", "2007-09-26", "2008-09-24"],
  ]),
  // Dismissed on 2002-01-30; Koizumi held the post until Kawaguchi's appointment on 2002-02-01.
  person("Makiko Tanaka", jp("Tanaka"), [["jpFm", "2001-04-26", "2002-01-30"]]),
  person("Yoriko Kawaguchi", jp("Kawaguchi"), [["jpFm", "2002-02-01", "2004-09-27"]]),
  person("Nobutaka Machimura", jp("Machimura"), [
    ["jpFm", "2004-09-27", "2005-10-31"],
    ["jpFm", "2007-08-27", "2007-09-26"],
  ]),
  person("Hirofumi Nakasone", jp("Nakasone"), [["jpFm", "2008-09-24", "2009-09-16"]]),
  person("Katsuya Okada", jp("Okada"), [["jpFm", "2009-09-16", "2010-09-17"]]),
  // Resigned in March 2011 over a foreign donation (Yukio Edano acting until Matsumoto).
  person("Seiji Maehara", jp("Maehara"), [["jpFm", "2010-09-17", "2011-03-07"]]), // to: check
  person("Takeaki Matsumoto", jp("Matsumoto"), [["jpFm", "2011-03-09", "2011-09-02"]]),
  person(
    "Koichiro Gemba",
    jp("Gemba", ["Kōichirō Genba", "Koichiro Genba"], { surnames: ["Gemba", "Genba"] }),
    [["jpFm", "2011-09-02", "2012-12-26"]],
  ),
  person("Taro Kono", jp("Kono", ["Tarō Kōno", "Taro Kohno"]), [
    ["jpFm", "2017-08-03", "2019-09-11"],
    ["jpDef", "2019-09-11", "2020-09-16"],
  ]),
  person("Toshimitsu Motegi", jp("Motegi"), [
    ["jpFm", "2019-09-11", "2021-11-04"],
    ["jpFm", "2025-10-21", null],
  ]),
  person("Yoshimasa Hayashi", jp("Hayashi"), [
    ["jpDef", "2008-08-02", "2008-09-24"], // from: check (1 or 2 August)
    ["jpFm", "2021-11-10", "2023-09-13"],
  ]),
  person("Yoko Kamikawa", jp("Kamikawa", ["Yōko Kamikawa"]), [
    ["jpFm", "2023-09-13", "2024-10-01"],
  ]),
  person("Takeshi Iwaya", jp("Iwaya"), [
    ["jpDef", "2018-10-02", "2019-09-11"],
    ["jpFm", "2024-10-01", "2025-10-21"],
  ]),
  // Directors General of the Japan Defense Agency, then Defence Ministers.
  person("Sohei Miyashita", jp("Miyashita", ["Sōhei Miyashita"]), [
    ["jpJda", "1991-11-05", "1992-12-12"],
  ]),
  person("Toshio Nakayama", jp("Nakayama"), [["jpJda", "1992-12-12", "1993-08-09"]]),
  person("Keisuke Nakanishi", jp("Nakanishi"), [["jpJda", "1993-08-09", "1993-12-02"]]), // to: check
  person("Kazuo Aichi", jp("Aichi", [], { commonSurname: true }), [
    ["jpJda", "1993-12-02", "1994-04-28"], // from: check
  ]),
  person("Atsushi Kanda", jp("Kanda", [], { commonSurname: true }), [
    ["jpJda", "1994-04-28", "1994-06-30"],
  ]),
  person("Tokuichiro Tamazawa", jp("Tamazawa", ["Tokuichirō Tamazawa"]), [
    ["jpJda", "1994-06-30", "1995-08-08"],
  ]),
  person("Seishiro Eto", jp("Eto", ["Seishirō Etō"]), [["jpJda", "1995-08-08", "1996-01-11"]]),
  person("Hideo Usui", jp("Usui"), [["jpJda", "1996-01-11", "1996-11-07"]]),
  person("Fumio Kyuma", jp("Kyuma", ["Fumio Kyūma"]), [
    ["jpJda", "1996-11-07", "1998-07-30"],
    ["jpJda", "2006-09-26", "2007-01-09"],
    // First Minister of Defense when the agency became a ministry; resigned 2007-07-03.
    ["jpDef", "2007-01-09", "2007-07-04"],
  ]),
  person("Fukushiro Nukaga", jp("Nukaga", ["Fukushirō Nukaga"]), [
    ["jpJda", "1998-07-30", "1998-11-20"], // to: check
    ["jpJda", "2005-10-31", "2006-09-26"],
  ]),
  person("Hosei Norota", jp("Norota", ["Hōsei Norota"]), [
    ["jpJda", "1998-11-20", "1999-10-05"], // from: check
  ]),
  person("Tsutomu Kawara", jp("Kawara"), [["jpJda", "1999-10-05", "2000-07-04"]]),
  person("Kazuo Torashima", jp("Torashima"), [["jpJda", "2000-07-04", "2000-12-05"]]),
  person("Toshitsugu Saito", jp("Saito", ["Toshitsugu Saitō"]), [
    ["jpJda", "2000-12-05", "2001-04-26"],
  ]),
  person("Gen Nakatani", jp("Nakatani"), [
    ["jpJda", "2001-04-26", "2002-09-30"],
    ["jpDef", "2014-12-24", "2016-08-03"],
    ["jpDef", "2024-10-01", "2025-10-21"],
  ]),
  person(
    "Yoshinori Ohno",
    jp("Ohno", ["Yoshinori Ōno", "Yoshinori Ono"], { surnames: ["Ohno", "Ono"] }),
    [["jpJda", "2004-09-27", "2005-10-31"]],
  ),
  person("Yuriko Koike", jp("Koike"), [["jpDef", "2007-07-04", "2007-08-27"]]),
  person("Yasukazu Hamada", jp("Hamada"), [
    ["jpDef", "2008-09-24", "2009-09-16"],
    ["jpDef", "2022-08-10", "2023-09-13"],
  ]),
  person("Toshimi Kitazawa", jp("Kitazawa"), [["jpDef", "2009-09-16", "2011-09-02"]]),
  person("Yasuo Ichikawa", jp("Ichikawa"), [["jpDef", "2011-09-02", "2012-01-13"]]),
  person("Naoki Tanaka", jp("Tanaka"), [["jpDef", "2012-01-13", "2012-06-04"]]),
  person("Satoshi Morimoto", jp("Morimoto"), [["jpDef", "2012-06-04", "2012-12-26"]]),
  person("Itsunori Onodera", jp("Onodera"), [
    ["jpDef", "2012-12-26", "2014-09-03"],
    ["jpDef", "2017-08-03", "2018-10-02"],
  ]),
  person("Akinori Eto", jp("Eto", ["Akinori Etō"]), [["jpDef", "2014-09-03", "2014-12-24"]]),
  person("Tomomi Inada", jp("Inada"), [["jpDef", "2016-08-03", "2017-07-28"]]),
  person("Nobuo Kishi", jp("Kishi"), [["jpDef", "2020-09-16", "2022-08-10"]]),
  person("Minoru Kihara", jp("Kihara"), [["jpDef", "2023-09-13", "2024-10-01"]]),
  person("Shinjiro Koizumi", jp("Koizumi", ["Shinjirō Koizumi"]), [["jpDef", "2025-10-21", null]]),
];

// ---------------------------------------------------------------------------------------------
// India

const INDIA: readonly ListedPerson[] = [
  // Presidents (five-year terms from 25 July).
  person("R. Venkataraman", { surnames: ["Venkataraman"], aliases: ["Ramaswamy Venkataraman"] }, [
    ["inPres", "1987-07-25", "1992-07-25"],
  ]),
  person("Shankar Dayal Sharma", { surnames: ["Sharma"], commonSurname: true }, [
    ["inPres", "1992-07-25", "1997-07-25"],
  ]),
  person("K. R. Narayanan", { surnames: ["Narayanan"], aliases: ["Kocheril Raman Narayanan"] }, [
    ["inPres", "1997-07-25", "2002-07-25"],
  ]),
  person(
    "A. P. J. Abdul Kalam",
    {
      surnames: ["Kalam", "Abdul Kalam"],
      aliases: ["Avul Pakir Jainulabdeen Abdul Kalam", "APJ Abdul Kalam"],
    },
    [["inPres", "2002-07-25", "2007-07-25"]],
  ),
  person(
    "Pratibha Patil",
    { surnames: ["Patil"], aliases: ["Pratibha Devisingh Patil"], commonSurname: true },
    [["inPres", "2007-07-25", "2012-07-25"]],
  ),
  person(
    "Pranab Mukherjee",
    { surnames: ["Mukherjee", "Pranab"], aliases: ["Pranab Kumar Mukherjee"] },
    [
      ["inEam", "1995-02-10", "1996-05-16"], // from: check
      ["inDef", "2004-05-22", "2006-10-24"],
      ["inEam", "2006-10-24", "2009-05-22"],
      ["inPres", "2012-07-25", "2017-07-25"],
    ],
  ),
  person("Ram Nath Kovind", { surnames: ["Kovind"] }, [["inPres", "2017-07-25", "2022-07-25"]]),
  person("Droupadi Murmu", { surnames: ["Murmu"], aliases: ["Draupadi Murmu"] }, [
    ["inPres", "2022-07-25", null],
  ]),
  // Prime ministers.
  person(
    "Chandra Shekhar",
    { surnames: [], aliases: ["Chandra Shekhar Singh", "Chandrashekhar"] },
    [["inPm", "1990-11-10", "1991-06-21"]],
  ),
  person(
    "P. V. Narasimha Rao",
    {
      surnames: ["Rao", "Narasimha Rao"],
      aliases: ["Pamulaparthi Venkata Narasimha Rao", "P.V. Narasimha Rao"],
    },
    [
      ["inPm", "1991-06-21", "1996-05-16"],
      ["inEam", "1992-03-31", "1993-01-18"], // dates: check
      ["inDef", "1993-03-06", "1996-05-16"],
    ],
  ),
  person(
    "Atal Bihari Vajpayee",
    { surnames: ["Vajpayee"], aliases: ["A. B. Vajpayee", "Atal Behari Vajpayee"] },
    [
      ["inPm", "1996-05-16", "1996-06-01"],
      ["inPm", "1998-03-19", "2004-05-22"],
      ["inEam", "1998-03-19", "1998-12-05"],
    ],
  ),
  person(
    "H. D. Deve Gowda",
    { surnames: ["Gowda", "Deve Gowda"], aliases: ["Haradanahalli Doddegowda Deve Gowda"] },
    [["inPm", "1996-06-01", "1997-04-21"]],
  ),
  person("I. K. Gujral", { surnames: ["Gujral"], aliases: ["Inder Kumar Gujral"] }, [
    ["inEam", "1996-06-01", "1998-03-19"], // concurrently Prime Minister from 1997-04-21
    ["inPm", "1997-04-21", "1998-03-19"],
  ]),
  person("Manmohan Singh", { surnames: ["Singh", "Manmohan"] }, [
    ["inPm", "2004-05-22", "2014-05-26"],
    ["inEam", "2005-11-06", "2006-10-24"], // from: check (6 or 7 November)
  ]),
  person("Narendra Modi", { surnames: ["Modi"], aliases: ["Narendra Damodardas Modi"] }, [
    ["inPm", "2014-05-26", null],
  ]),
  // External affairs ministers.
  person("Madhavsinh Solanki", { surnames: ["Solanki"], aliases: ["Madhav Singh Solanki"] }, [
    ["inEam", "1991-06-21", "1992-03-31"], // to: check
  ]),
  person("Dinesh Singh", { surnames: ["Singh"] }, [["inEam", "1993-01-18", "1995-02-10"]]), // dates: check
  person("Sikander Bakht", { surnames: ["Bakht"] }, [["inEam", "1996-05-21", "1996-06-01"]]), // from: check
  person("Jaswant Singh", { surnames: ["Singh", "Jaswant"] }, [
    ["inEam", "1998-12-05", "2002-07-01"],
    // Additional charge of Defence after Fernandes resigned over the Tehelka affair.
    ["inDef", "2001-03-16", "2001-10-21"], // dates: check
  ]),
  person("Yashwant Sinha", { surnames: ["Sinha"] }, [["inEam", "2002-07-01", "2004-05-22"]]),
  person(
    "Natwar Singh",
    { surnames: ["Singh", "Natwar"], aliases: ["K. Natwar Singh", "Kunwar Natwar Singh"] },
    [
      ["inEam", "2004-05-22", "2005-11-06"], // to: check (6 or 7 November)
    ],
  ),
  person(
    "S. M. Krishna",
    { surnames: ["Krishna"], aliases: ["Somanahalli Mallaiah Krishna"], commonSurname: true },
    [
      ["inEam", "2009-05-22", "2012-10-28"], // to: check (resigned 26 October)
    ],
  ),
  person("Salman Khurshid", { surnames: ["Khurshid"] }, [["inEam", "2012-10-28", "2014-05-26"]]),
  person("Sushma Swaraj", { surnames: ["Swaraj"] }, [["inEam", "2014-05-26", "2019-05-30"]]),
  // Sworn in on 2019-05-30; portfolios allocated on 2019-05-31.
  person("Subrahmanyam Jaishankar", { surnames: ["Jaishankar"], aliases: ["S. Jaishankar"] }, [
    ["inEam", "2019-05-30", null],
  ]),
  // Defence ministers.
  person("Sharad Pawar", { surnames: ["Pawar"] }, [["inDef", "1991-06-26", "1993-03-06"]]), // from: check
  person("Pramod Mahajan", { surnames: ["Mahajan"] }, [["inDef", "1996-05-21", "1996-06-01"]]), // from: check
  person("Mulayam Singh Yadav", { surnames: ["Yadav", "Mulayam"], aliases: ["Mulayam Singh"] }, [
    ["inDef", "1996-06-01", "1998-03-19"],
  ]),
  person("George Fernandes", { surnames: ["Fernandes"] }, [
    ["inDef", "1998-03-19", "2001-03-16"], // to: check
    ["inDef", "2001-10-21", "2004-05-22"], // from: check
  ]),
  person(
    "A. K. Antony",
    { surnames: ["Antony"], aliases: ["Arackaparambil Kurian Antony"], commonSurname: true },
    [
      ["inDef", "2006-10-24", "2014-05-26"], // from: check (24–26 October)
    ],
  ),
  person("Arun Jaitley", { surnames: ["Jaitley"] }, [
    ["inDef", "2014-05-26", "2014-11-09"],
    ["inDef", "2017-03-13", "2017-09-03"], // from: check
  ]),
  person("Manohar Parrikar", { surnames: ["Parrikar"] }, [
    ["inDef", "2014-11-09", "2017-03-13"], // dates: check (to within a day)
  ]),
  person("Nirmala Sitharaman", { surnames: ["Sitharaman"] }, [
    ["inDef", "2017-09-03", "2019-05-30"],
  ]),
  person("Rajnath Singh", { surnames: ["Singh", "Rajnath"] }, [["inDef", "2019-05-30", null]]),
];

/** Every listed person. */
export const PEOPLE: readonly ListedPerson[] = [
  ...USA,
  ...RUSSIA,
  ...CHINA,
  ...UK,
  ...FRANCE,
  ...GERMANY,
  ...JAPAN,
  ...INDIA,
];

/*
 * GAPS AND UNCERTAINTIES (check before citing)
 *
 * Not listed (the office has no listed holder for these spans):
 * - Soviet Union, 1991: only Gorbachev (President; CPSU General Secretary until 1991-08-24). The
 *   union-level premiers (Pavlov, then the interim committee), foreign ministers (Bessmertnykh,
 *   Pankin, Shevardnadze) and defence ministers (Yazov, Shaposhnikov) are not listed.
 * - Russia: no defence minister before Grachev (1992-05-18): Yeltsin himself held the new ministry
 *   from March 1992. Acting defence minister Mikhail Kolesnikov (1996-06-18 to 1996-07-17) and
 *   Viktor Zubkov's one day as acting PM (2012-05-07) are not listed.
 * - United States: short acting secretaries (Tom Shannon 2017-01-20/02-01 and John Sullivan
 *   2018-03-31/04-26 at State; Richard Spencer 2019-07-15/07-23 and David Norquist
 *   2021-01-20/01-22 at Defense; Daniel Smith 2021-01-20/01-26) are not listed.
 * - France: defence 1993-03-09 to 1993-03-30 (interim after Joxe) not listed; Bruno Le Maire, named
 *   Minister of the Armed Forces in the government of 2025-10-05 that resigned the next day
 *   (caretaker until 2025-10-12), is not listed.
 * - Germany: the acting presidents (Bundesrat presidents Jens Böhrnsen 2010-05-31/06-30 and Horst
 *   Seehofer 2012-02-17/03-18) are not listed.
 * - Japan: Koizumi as acting Foreign Minister (2002-01-30/02-01), Yukio Edano as acting Foreign
 *   Minister (2011-03-07/03-09) and Mikio Aoki as acting PM (2000-04-03/04-05) are not listed. The
 *   Japan Defense Agency head before 1990-12-29 (Yozo Ishikawa) is not listed.
 * - India: the External Affairs and Defence ministers of Chandra Shekhar's government (to
 *   1991-06-21) are not listed; Defence 1991-06-21 to 1991-06-26 (before Pawar) not listed.
 * - China: Defence Minister vacant 2023-10-24 to 2023-12-29 (a real vacancy, not a gap).
 *
 * Dates not certain to the day (marked "check" above):
 * - China: Qian Qichen and Qin Jiwei from 1988-04-12; Chi Haotian from 1993-03-29 (the NPC session
 *   of 15–31 March 1993); Tang Jiaxuan from 1998-03-18.
 * - UK: George Robertson from 1997-05-02 (possibly 3 May); Hammond at the Foreign Office from
 *   2014-07-15 (Hague's last day 14 July).
 * - Russia: Kozyrev to 1996-01-05 (the day he resigned; possibly his last day, then 01-06).
 * - France: Juppé (Foreign) and Léotard (Defence) from 1993-03-30 (possibly 29 March).
 * - Japan: Michio Watanabe to / Kabun Muto from 1993-04-07; Keisuke Nakanishi to / Kazuo Aichi
 *   from 1993-12-02; Fukushiro Nukaga to / Hosei Norota from 1998-11-20; Yukihiko Ikeda at the
 *   Defense Agency from 1990-12-29; Seiji Maehara to 2011-03-07 (resigned 6 March); Yoshimasa
 *   Hayashi from 2008-08-02 (Fukuda reshuffle of 1–2 August).
 * - India: Solanki to 1992-03-31, Narasimha Rao (External Affairs) 1992-03-31 to 1993-01-18,
 *   Dinesh Singh 1993-01-18 to 1995-02-10, Pranab Mukherjee from 1995-02-10; Sikander Bakht and
 *   Pramod Mahajan from 1996-05-21; Natwar Singh to / Manmohan Singh from 2005-11-06 (6 or 7
 *   November); S. M. Krishna to 2012-10-28 (resigned 26 October); Sharad Pawar from 1991-06-26;
 *   Fernandes/Jaswant Singh 2001-03-16 and 2001-10-21; A. K. Antony from 2006-10-24 (24–26
 *   October); Parrikar 2014-11-09 to 2017-03-13 and Jaitley from 2017-03-13 (within a day);
 *   Modi-government ministers of 2019 from the swearing-in (2019-05-30), portfolios 2019-05-31.
 * - Recent changes (2025): Lecornu's defence term end (2025-10-05) and Vautrin from 2025-10-12;
 *   Takaichi, Motegi and Shinjiro Koizumi from 2025-10-21; Cooper from 2025-09-05. Changes after
 *   late 2025 could not be verified by the compiler: holders with `to: null` must be checked
 *   against the official lists as of PEOPLE_AS_OF.
 */
