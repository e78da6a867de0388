/**
 * Where cases are saved, and read before the bundled ones (`--cases`). Its own module so that
 * the commands can show it in --help without loading the case reader (yaml, zod).
 */
export const DEFAULT_CASES_DIR = "./entente-cases";
