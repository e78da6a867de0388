/**
 * The layers of src/, lowest first (docs/architecture.md): a module may import from its own
 * layer and the ones below, never from a higher one, and no module may take part in a cycle.
 * Type-only imports count: a layer that needs a higher layer's type is in the wrong place.
 * `npm test` runs `npm run layers`; there is no list of exceptions.
 */
const LAYERS = [
  ["core"],
  ["store"],
  ["sources"],
  ["ingest"],
  ["trends", "idealpoints", "indicators", "frames"],
  ["validation", "blocs"],
  ["assess"],
  ["text", "sync"],
  ["report"],
  ["server"],
  ["cli"],
];

const folder = (names) => `^src/(${names.join("|")})/`;

const forbidden = [
  {
    name: "no-cycles",
    severity: "error",
    comment: "Import cycles make modules load half-initialised and blur the layers.",
    from: {},
    to: { circular: true },
  },
  ...LAYERS.slice(0, -1).map((layer, i) => ({
    name: `layer-${layer.join("-")}`,
    severity: "error",
    comment: `${layer.join(", ")} may import only from ${LAYERS.slice(0, i + 1)
      .flat()
      .join(", ")}`,
    from: { path: folder(layer) },
    to: { path: folder(LAYERS.slice(i + 1).flat()) },
  })),
];

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
