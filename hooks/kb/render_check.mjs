// Parse diagrams with Mermaid and formulas with KaTeX, the same pinned packages the pages load,
// and say which of them would fail in the browser. Run by render_check.py, once per build.
//
//   node render_check.mjs NODE_MODULES < {"diagrams": [source, ...], "formulas": [[tex, display], ...]}
//   → {"diagrams": [null | "error", ...], "formulas": [null | "error", ...]}
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const modules = process.argv[2];
const load = (rel) => import(pathToFileURL(join(modules, rel)).href);

// Parsing sanitises nothing; with no DOM, DOMPurify lacks the hooks Mermaid registers at render time.
const DOMPurify = (await load("dompurify/dist/purify.es.mjs")).default;
for (const name of ["addHook", "removeHook", "removeHooks", "removeAllHooks"]) DOMPurify[name] ||= () => {};
DOMPurify.sanitize = (text) => String(text);
const mermaid = (await load("mermaid/dist/mermaid.core.mjs")).default;
const katex = (await load("katex/dist/katex.mjs")).default;
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

function firstLines(error) {
  const lines = String((error && error.message) || error).split("\n").map((x) => x.trim()).filter(Boolean);
  const parse = /^Parse error on line (\d+):$/.exec(lines[0] || "");
  if (parse) {
    // Mermaid's context and caret lines mean nothing once joined: keep where, and what it expected.
    const expecting = lines.find((x) => x.startsWith("Expecting")) || lines[lines.length - 1];
    return `Parse error on line ${parse[1]} of the diagram: ${expecting}`.slice(0, 300);
  }
  return lines.slice(0, 3).join(" ").slice(0, 300);
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { diagrams = [], formulas = [] } = JSON.parse(input || "{}");
const out = { diagrams: [], formulas: [] };
for (const source of diagrams) {
  try {
    await mermaid.parse(source);
    out.diagrams.push(null);
  } catch (error) {
    out.diagrams.push(firstLines(error));
  }
}
for (const [tex, display] of formulas) {
  try {
    katex.renderToString(tex, { displayMode: Boolean(display), throwOnError: true, trust: false, strict: "ignore" });
    out.formulas.push(null);
  } catch (error) {
    out.formulas.push(firstLines(error));
  }
}
process.stdout.write(JSON.stringify(out));
