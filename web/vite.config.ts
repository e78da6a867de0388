// The dashboard served by `entente serve` at `/`: vanilla TypeScript, built to web/dist.
// `npx vite build --config web/vite.config.ts`; `npx vite --config web/vite.config.ts` serves it
// for development, passing /api to a running `entente serve` on the default port.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "./",
  publicDir: false,
  build: {
    outDir: here("./dist"),
    emptyOutDir: true,
    target: "es2022",
    // The server's CSP allows data: images but nothing else inline: keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8787" },
  },
});
