/**
 * The Entente dashboard: a dyad's indicators, dyads compared, voting blocs, and the ACH editor, on the API of
 * `entente serve`. The URL fragment holds the state (see state.ts); the token, if any, is read
 * from `#token=` once and kept in sessionStorage.
 */
import { adoptToken, api, describeError, type Health, type SourceInfo } from "./api.js";
import { h, replace } from "./dom.js";
import { type AppState, formatState, hashParams, parseState, type View } from "./state.js";
import { blocsView } from "./views/blocs.js";
import type { Context, ViewHandle } from "./views/common.js";
import { compareView } from "./views/compare.js";
import { dyadView } from "./views/dyad.js";

const VIEW_NAMES: Record<View, string> = {
  dyad: "Dyad",
  compare: "Compare dyads",
  blocs: "Blocs",
  ach: "ACH editor",
};
type Mount = (root: HTMLElement, ctx: Context, st: AppState) => ViewHandle;

/** A view whose code loads on first use (the ACH editor brings the YAML library). */
function lazy(load: () => Promise<Mount>): Mount {
  return (root, c, st) => {
    let handle: ViewHandle | null = null;
    let latest = st;
    root.append(h("p", { class: "status" }, "Loading…"));
    load().then(
      (mount) => {
        root.replaceChildren();
        handle = mount(root, c, latest);
      },
      (e: unknown) => showBanner(`Could not load this view: ${describeError(e)}`),
    );
    return {
      update(next) {
        latest = next;
        handle?.update(next);
      },
      destroy() {
        handle?.destroy?.();
      },
    };
  };
}

const MOUNT: Record<View, Mount> = {
  dyad: dyadView,
  compare: compareView,
  blocs: blocsView,
  ach: lazy(() => import("./views/ach.js").then((m) => m.achView)),
};

const app = document.getElementById("app") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
const banner = document.getElementById("banner") as HTMLElement;
const server = document.getElementById("server") as HTMLElement;

let state: AppState = { view: "dyad" };
let applied = "";
/** Views stay mounted once opened (hidden when not shown), so unsaved ACH edits survive. */
const views = new Map<View, { root: HTMLElement; handle: ViewHandle }>();

let sourcesPromise: Promise<SourceInfo[]> | null = null;
let healthPromise: Promise<Health> | null = null;
const ctx: Context = {
  navigate(patch, opts = {}) {
    const next = { ...state, ...patch };
    const hash = formatState(next);
    if (opts.replace) history.replaceState(null, "", hash);
    else if (hash !== location.hash) history.pushState(null, "", hash);
    apply(next, hash);
  },
  sources() {
    sourcesPromise ??= api.sources().then((r) => r.sources);
    sourcesPromise.catch(() => {
      sourcesPromise = null;
    });
    return sourcesPromise;
  },
  health() {
    healthPromise ??= api.health();
    return healthPromise;
  },
};

function renderNav(): void {
  replace(
    nav,
    h(
      "ul",
      {},
      ...(Object.keys(VIEW_NAMES) as View[]).map((v) =>
        h(
          "li",
          {},
          h(
            "a",
            {
              href: formatState({ ...state, view: v }),
              "aria-current": v === state.view ? "page" : null,
            },
            VIEW_NAMES[v],
          ),
        ),
      ),
    ),
  );
}

function apply(next: AppState, hash: string): void {
  applied = hash;
  const viewChanged = next.view !== state.view || !views.has(next.view);
  state = next;
  renderNav();
  document.title = `${VIEW_NAMES[state.view]} · Entente`;
  // Show the view before updating it: charts are drawn to the width they are given.
  for (const [name, { root }] of views) root.hidden = name !== state.view;
  const v = views.get(state.view);
  if (!v) {
    const root = h("div", { class: "view-root", "data-view": state.view });
    app.append(root);
    views.set(state.view, { root, handle: MOUNT[state.view](root, ctx, state) });
  } else v.handle.update(state);
  if (viewChanged) window.scrollTo(0, 0);
}

function fromLocation(): void {
  if (location.hash === applied) return;
  const params = hashParams(location.hash);
  apply(parseState(params), location.hash);
}

function showBanner(message: string): void {
  replace(banner, message);
  banner.hidden = false;
}

async function checkServer(): Promise<void> {
  try {
    const hl = await ctx.health();
    replace(server, `entente ${hl.version}`, " · store ", h("code", {}, hl.store ?? "none"));
    banner.hidden = true;
  } catch (e) {
    replace(server, "server not reachable");
    showBanner(describeError(e));
  }
}

function boot(): void {
  const params = hashParams(location.hash);
  const hadToken = params.has("token");
  adoptToken(params);
  const st = parseState(params);
  const hash = formatState(st);
  // The token must not stay in the address bar (nor in links copied from it).
  if (hadToken || location.hash === "" || location.hash === "#") {
    history.replaceState(null, "", hash);
  }
  window.addEventListener("hashchange", fromLocation);
  window.addEventListener("popstate", fromLocation);
  void checkServer();
  apply(st, location.hash);
}

try {
  boot();
} catch (e) {
  showBanner(describeError(e));
}
