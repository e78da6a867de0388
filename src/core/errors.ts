/**
 * Typed errors. Each carries a stable code, a hint naming the fix, and knows how it renders
 * for the CLI (exit code, one line) and for HTTP (status, JSON body).
 */
export class EntenteError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly exitCode: number;
  readonly httpStatus: number;

  constructor(
    code: string,
    message: string,
    opts: { hint?: string; exitCode?: number; httpStatus?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = opts.hint;
    this.exitCode = opts.exitCode ?? 1;
    this.httpStatus = opts.httpStatus ?? 500;
  }

  /** One line for a terminal: the message, then the fix. */
  toCliLine(): string {
    return this.hint ? `${this.message}. ${this.hint}` : this.message;
  }

  toJSON(): { error: { code: string; message: string; hint?: string } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.hint ? { hint: this.hint } : {}),
      },
    };
  }
}

/** Input the user can fix: a file, an option, a name. Exit code 2, HTTP 400. */
export class BadInputError extends EntenteError {
  constructor(code: string, message: string, opts: { hint?: string; cause?: unknown } = {}) {
    super(code, message, { ...opts, exitCode: 2, httpStatus: 400 });
  }
}

/** A file whose structure no adapter accepts, or that breaks while being read. */
export class BadFileError extends BadInputError {
  readonly path: string;
  readonly line: number | undefined;
  constructor(path: string, message: string, opts: { hint?: string; line?: number } = {}) {
    const where = opts.line === undefined ? path : `${path}:${opts.line}`;
    super("bad_file", `${where}: ${message}`, opts.hint === undefined ? {} : { hint: opts.hint });
    this.path = path;
    this.line = opts.line;
  }
}

/**
 * A data file shipped with Entente (data/*.csv: the crosswalk, the office holders) that does not
 * match its schema: the package is damaged or the file was edited by hand. Never user input.
 */
export class DataFileError extends EntenteError {
  readonly path: string;
  readonly line: number | undefined;
  constructor(path: string, message: string, line?: number) {
    const where = line === undefined ? path : `${path}:${line}`;
    super("bad_data_file", `${where}: ${message}`, {
      hint: "Fix the row as data/README.md describes its columns, or reinstall Entente",
      exitCode: 1,
    });
    this.path = path;
    this.line = line;
  }
}

/** A country name or code that the crosswalk cannot resolve. */
export class UnknownCountryError extends BadInputError {
  readonly input: string;
  readonly suggestions: string[];
  constructor(input: string, suggestions: string[], detail?: string) {
    const hint = suggestions.length
      ? `Closest matches: ${suggestions.join(", ")}`
      : "Use a COW code, ISO alpha-2/alpha-3 code or a state name";
    super("unknown_country", detail ?? `Unknown country "${input}"`, { hint });
    this.input = input;
    this.suggestions = suggestions;
  }
}

/** The store is missing, locked, or at a schema version this build does not know. */
export class StoreError extends EntenteError {
  constructor(code: string, message: string, opts: { hint?: string; cause?: unknown } = {}) {
    super(code, message, { ...opts, exitCode: 1, httpStatus: 503 });
  }
}

/** A load whose accounting does not balance: never committed. */
export class AccountingError extends EntenteError {
  constructor(message: string) {
    super("accounting_mismatch", message, {
      hint: "The load was rolled back; report this file as a bug",
      exitCode: 1,
    });
  }
}

export function isEntenteError(e: unknown): e is EntenteError {
  return e instanceof EntenteError;
}
