/**
 * Static files for a single-page web app: files under `webDir` by path, `index.html` for `/`
 * and for any other path that is not a file (the app routes on the client). A path that
 * decodes to somewhere outside `webDir` (`..`, encoded slashes, NUL) is never served.
 */
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

/** The real path of a regular file inside `root`, or null. */
async function fileInside(root: string, rel: string): Promise<string | null> {
  const candidate = resolve(root, `.${sep}${rel}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    // Resolve symlinks too: a link inside webDir must not lead outside it.
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

async function fileResponse(path: string, method: string): Promise<Response> {
  const st = await stat(path);
  const type = TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
  const headers = {
    "Content-Type": type,
    "Content-Length": String(st.size),
    "Cache-Control": path.endsWith(".html") ? "no-cache" : "public, max-age=300",
  };
  if (method === "HEAD") return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

export class StaticFiles {
  private constructor(private readonly root: string) {}

  /** Null when `webDir` is not a directory. */
  static async open(webDir: string): Promise<StaticFiles | null> {
    try {
      const root = await realpath(webDir);
      return (await stat(root)).isDirectory() ? new StaticFiles(root) : null;
    } catch {
      return null;
    }
  }

  /** The response for a GET or HEAD of `pathname` (still URL-encoded), or null (404). */
  async serve(pathname: string, method: string): Promise<Response | null> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    if (decoded.includes("\0") || decoded.includes("\\")) return null;
    const segments = decoded.split("/").filter((s) => s !== "");
    if (segments.some((s) => s === ".." || s === ".")) return null;
    const rel = join(...(segments.length ? segments : ["."]));
    const file = segments.length ? await fileInside(this.root, rel) : null;
    if (file) return fileResponse(file, method);
    // A missing asset (with an extension) is a 404; other paths are the app's own routes.
    if (segments.length && extname(segments[segments.length - 1] as string) !== "") return null;
    const index = await fileInside(this.root, "index.html");
    return index ? fileResponse(index, method) : null;
  }
}
