/** Extensions `entente text` reads (others are skipped in a directory, refused when named). */
export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set([
  ".txt",
  ".md",
  ".markdown",
  ".html",
  ".htm",
]);
