// Practice widgets: FSRS flashcards, quizzes, mock exams, the learner's dashboard.
// Mount points are <div data-kb-practice="app|topic|exam|home" data-cards="…/data/cards.json">, written
// by the build; each kind has one mount function. practice-start.js imports this module and calls
// mountAll on every page view (Material's document$). Card text is data: only ever set with textContent.
import { clear, el } from "./practice-dom.js";
import { loadDeck } from "./practice-deck.js";
import { context } from "./practice-context.js";
import { PracticeApp, TopicWidget } from "./practice-app.js";
import { ExamApp } from "./practice-exam.js";
import { mountHome } from "./practice-dashboard.js";
import { STORE_KEY } from "./practice-store.js";

let widgets = []; // mounted widgets, for the keyboard and for progress changed in another tab

const MOUNTS = {
  app: (root, deck) => new PracticeApp(root, deck),
  topic: (root, deck) => new TopicWidget(root, deck),
  exam: (root, deck) => new ExamApp(root, deck),
  home: (root, deck) => {
    const ctx = context(root, deck);
    mountHome(root, deck, ctx);
    return { root: root, ctx: ctx, key: () => false };
  },
};

function mount(root) {
  if (root.getAttribute("data-kb-mounted")) return;
  const kind = root.getAttribute("data-kb-practice");
  if (!MOUNTS[kind]) return;
  root.setAttribute("data-kb-mounted", "1");
  const url = new URL(root.getAttribute("data-cards") || "data/cards.json", window.location.href).href;
  loadDeck(url).then((deck) => {
    clear(root);
    widgets.push(MOUNTS[kind](root, deck));
    root.setAttribute("data-kb-ready", "1");
  }).catch((err) => {
    clear(root).appendChild(el("p", { class: "kb-p-message kb-p-message--warn", role: "alert",
      text: "The cards could not be loaded (" + (err && err.message ? err.message : "unknown error") + "). Reload the page to try again." }));
    root.removeAttribute("data-kb-mounted");
  });
}

export function mountAll() {
  widgets.forEach((w) => { if (!w.root.isConnected && w.stop) w.stop(); });
  widgets = widgets.filter((w) => w.root.isConnected);
  document.querySelectorAll("[data-kb-practice]").forEach(mount);
}

// The widget a key press is for: the one holding the focus, else the page's main one.
function widgetFor(target) {
  const live = widgets.filter((w) => w.root.isConnected);
  for (const w of live) if (w.root.contains(target)) return w;
  if (target === document.body || target === document.documentElement || !target) {
    return live.find((w) => w instanceof PracticeApp || w instanceof ExamApp) || null;
  }
  return null;
}

function onKey(e) {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t && t.closest && t.closest("input, select, textarea, [contenteditable], .md-search")) return;
  const w = widgetFor(t);
  if (!w) return;
  const tag = t && t.tagName;
  if ((e.key === " " || e.key === "Enter") && (tag === "BUTTON" || tag === "A" || tag === "SUMMARY" || tag === "LABEL")) return;
  if (w.key(e)) e.preventDefault();
}

function onStorage(e) {
  if (e.key !== STORE_KEY) return;
  for (const w of widgets) if (w.ctx) w.ctx.reload();
}

document.addEventListener("keydown", onKey);
window.addEventListener("storage", onStorage);
