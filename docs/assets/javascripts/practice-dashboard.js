// The learner's dashboard: due today, the next 14 days, a calendar of past reviews, mastery per
// section and per exam domain, settings, suspended cards, and progress export/import/reset.
import { el, plural, uid } from "./practice-dom.js";
import { sectionName } from "./practice-deck.js";
import { counts, dayCounts, forecast } from "./practice-queue.js";
import { addAttempt, emptyProgress, exportData, exportDue, importText } from "./practice-store.js";
import { dayNumber, dayStart } from "./srs.js";

const WEEKS = 26; // the calendar shows half a year

function table(caption, heads, rows, foot, cls) {
  return el("div", { class: "md-typeset__scrollwrap " + (cls || "") }, [el("div", { class: "md-typeset__table" }, [
    el("table", {}, [ // no class: Material styles only tables without one
      el("caption", { text: caption }),
      el("thead", {}, [el("tr", {}, heads.map((h) => el("th", { scope: "col", text: h })))]),
      el("tbody", {}, rows),
      foot ? el("tfoot", {}, [foot]) : null,
    ]),
  ])]);
}

function countRow(key, name, c) {
  return el("tr", { "data-section": key }, [el("th", { scope: "row", text: name }),
    ...[c.new, c.learning, c.mastered, c.due, c.total].map((n) => el("td", { text: String(n) })),
    el("td", {}, [el("meter", { min: 0, max: c.total || 1, value: c.mastered, "aria-label": name + ": " + c.mastered + " of " + c.total + " mastered" })])]);
}

// A bar per day of the next 14: the reviews due (today includes the overdue).
export function forecastChart(cards, progress, now) {
  const f = forecast(cards, progress, now, 14);
  const max = Math.max(1, ...f);
  const today = dayNumber(now);
  const bars = f.map((n, k) => {
    const date = new Date(dayStart(today + k));
    const name = k === 0 ? "Today" : date.toLocaleDateString(undefined, { weekday: "short", day: "numeric" });
    return el("li", { class: "kb-p-bar", title: name + ": " + plural(n, "review") }, [
      el("span", { class: "kb-p-bar__fill", style: "height:" + Math.round((100 * n) / max) + "%" }),
      el("span", { class: "kb-p-bar__n", text: String(n) }),
      el("span", { class: "kb-p-bar__day", text: name }),
    ]);
  });
  return el("figure", { class: "kb-p-forecast" }, [
    el("figcaption", { text: "Reviews due in the next 14 days: " + f.reduce((a, b) => a + b, 0) }),
    el("ol", { class: "kb-p-bars", "aria-label": "Reviews due per day" }, bars),
  ]);
}

// A calendar heat map of past reviews: one square per day, darker for more reviews.
export function heatmap(progress, now) {
  const today = dayNumber(now);
  const weekday = new Date(now).getDay();
  const first = today - weekday - (WEEKS - 1) * 7; // a Sunday, WEEKS weeks ago
  const cells = [];
  let total = 0;
  let active = 0;
  for (let d = first; d <= today; d++) {
    const n = dayCounts(progress, d).r || 0;
    total += n;
    if (n) active += 1;
    const level = n === 0 ? 0 : n < 10 ? 1 : n < 30 ? 2 : n < 60 ? 3 : 4;
    const date = new Date(dayStart(d)).toLocaleDateString();
    cells.push(el("span", { class: "kb-p-day kb-p-day--" + level, "data-day": d, "data-reviews": n, title: date + ": " + plural(n, "review") }));
  }
  return el("figure", { class: "kb-p-heatmap" }, [
    el("figcaption", { text: "Reviews in the last " + WEEKS + " weeks: " + total + " on " + plural(active, "day") }),
    el("div", { class: "kb-p-days", role: "img", "aria-label": total + " reviews on " + active + " days in the last " + WEEKS + " weeks" }, cells),
  ]);
}

function domainTable(deck, progress, now, exam) {
  const rows = exam.domains.map((d) => {
    const cards = deck.cards.filter((c) => c.domain[exam.code] === d.id);
    return countRow(d.id, d.id + ". " + d.name + " (" + d.weight + "%)", counts(cards, progress, now));
  });
  const labelled = deck.cards.filter((c) => c.domain[exam.code]).length;
  const heads = ["Domain", "New", "Learning", "Mastered", "Due today", "Total", "Mastery"];
  return [table("Your cards by " + exam.code + " domain", heads, rows, null, "kb-p-domains"),
    labelled ? null : el("p", { class: "kb-p-legend", text: "No card is labelled with an " + exam.code + " domain yet." })];
}

function trend(progress) {
  const attempts = progress.exams || [];
  if (!attempts.length) return el("p", { class: "kb-p-trend-none", text: "No mock exam taken yet." });
  return el("ol", { class: "kb-p-trend", "aria-label": "Mock exam scores, oldest first" }, attempts.slice(-10).map((a) =>
    el("li", { class: "kb-p-trend__item" + (a.passed ? " kb-p-trend__item--pass" : ""), title: a.code + ", " + new Date(a.at).toLocaleString() }, [
      el("span", { class: "kb-p-trend__bar", style: "width:" + Math.round(a.score / 10) + "%" }),
      el("span", { class: "kb-p-trend__text", text: a.code + " · " + new Date(a.at).toLocaleDateString() + " · " + a.score + " / 1000 · " + a.correct + " of " + a.total + (a.passed ? " · pass" : "") }),
    ])));
}
export { trend as examTrend, addAttempt };

export function renderProgress(panel, app) {
  const deck = app.deck;
  const ctx = app.ctx;
  const p = ctx.progress;
  const now = Date.now();
  const all = counts(deck.cards, p, now);
  const today = dayCounts(p, dayNumber(now));
  panel.appendChild(el("ul", { class: "kb-p-stats" }, [
    el("li", {}, [el("strong", { text: String(all.due) }), " due today"]),
    el("li", {}, [el("strong", { text: String(Math.max(0, p.settings.newPerDay - (today.n || 0))) }), " new cards left today"]),
    el("li", {}, [el("strong", { text: String(today.r || 0) }), " reviews done today"]),
    el("li", {}, [el("strong", { text: String(all.mastered) }), " of " + all.total + " mastered"]),
  ]));
  panel.appendChild(forecastChart(deck.cards, p, now));
  panel.appendChild(heatmap(p, now));
  const rows = app.sectionKeys().map((k) => countRow(k, sectionName(deck, k), counts(deck.cards.filter((x) => x.section === k), p, now)));
  panel.appendChild(table("Your cards by section", ["Section", "New", "Learning", "Mastered", "Due today", "Total", "Mastery"], rows,
    countRow("*", "All", all), "kb-p-progress"));
  const exam = deck.exams.exams.find((e) => e.code === deck.exams.default) || deck.exams.exams[0];
  for (const node of domainTable(deck, p, now, exam)) if (node) panel.appendChild(node);
  panel.appendChild(el("p", { class: "kb-p-legend", text: "New: never graded. Learning: in its learning steps, or next review less than three weeks away. " +
    "Mastered: next review three weeks or more away. Due today: the schedule says review it now." }));
  panel.appendChild(el("h3", { text: "Mock exams" }));
  panel.appendChild(trend(p));
  panel.appendChild(settingsForm(app));
  panel.appendChild(suspendedList(app));
  panel.appendChild(tools(app));
}

function numberField(id, label, value, attrs, onchange) {
  return el("p", { class: "kb-p-setting" }, [el("label", { for: id, text: label + " " }),
    el("input", Object.assign({ id: id, type: "number", value: String(value), onchange: onchange }, attrs))]);
}

function settingsForm(app) {
  const s = app.ctx.progress.settings;
  const save = (key, parse) => (e) => {
    const v = parse(e.target.value);
    if (!Number.isFinite(v)) return;
    app.ctx.progress.settings[key] = v;
    app.ctx.save();
    app.ctx.message("Settings saved.");
  };
  return el("details", { class: "kb-p-settings" }, [
    el("summary", { text: "Settings" }),
    numberField(uid("kb-p-ret"), "Desired retention (how likely you are to recall a card when it comes back, 0.70–0.99)", s.retention,
      { min: "0.7", max: "0.99", step: "0.01", class: "kb-p-retention" }, save("retention", (x) => Math.min(0.99, Math.max(0.7, parseFloat(x))))),
    numberField(uid("kb-p-new"), "New cards a day", s.newPerDay, { min: "0", max: "9999", step: "1", class: "kb-p-newlimit" },
      save("newPerDay", (x) => Math.max(0, parseInt(x, 10)))),
    numberField(uid("kb-p-rev"), "Reviews a day", s.reviewsPerDay, { min: "0", max: "99999", step: "1", class: "kb-p-revlimit" },
      save("reviewsPerDay", (x) => Math.max(0, parseInt(x, 10)))),
    el("p", { class: "kb-p-legend", text: "The schedule is FSRS, Anki's default: a higher retention brings cards back sooner." }),
  ]);
}

function suspendedList(app) {
  const p = app.ctx.progress;
  const cards = app.deck.cards.filter((c) => p.cards[c.id] && p.cards[c.id].sus);
  if (!cards.length) return el("p", { class: "kb-p-legend", text: "No card is suspended (a card forgotten 8 times is suspended as a leech)." });
  return el("details", { class: "kb-p-suspended", open: true }, [
    el("summary", { text: plural(cards.length, "suspended card") + " (leeches)" }),
    el("ul", {}, cards.map((c) => el("li", {}, [el("span", { text: c.front + " " }), el("button", { type: "button", class: "md-button kb-p-unsuspend", text: "Study again", onclick: () => {
      delete p.cards[c.id].sus;
      app.ctx.save();
      app.refresh();
      app.ctx.message("The card is back in your study queue.");
    } })]))),
  ]);
}

function tools(app) {
  const ctx = app.ctx;
  const fileId = uid("kb-p-import");
  const input = el("input", { type: "file", id: fileId, class: "kb-p-file", accept: ".json,application/json", onchange: (e) => {
    const file = e.target.files && e.target.files[0];
    if (file) importFile(app, file);
    e.target.value = "";
  } });
  const confirmRow = el("p", { class: "kb-p-confirm", hidden: true }, [
    el("span", { text: "Delete all practice progress kept in this browser? " }),
    el("button", { type: "button", class: "md-button kb-p-reset-yes", text: "Yes, reset", onclick: () => reset(app) }), " ",
    el("button", { type: "button", class: "md-button kb-p-reset-no", text: "Cancel", onclick: () => { confirmRow.hidden = true; resetButton.focus(); } }),
  ]);
  const resetButton = el("button", { type: "button", class: "md-button kb-p-reset", text: "Reset progress…", onclick: () => {
    confirmRow.hidden = false;
    confirmRow.querySelector(".kb-p-reset-no").focus();
  } });
  const last = ctx.progress.exported;
  return el("div", { class: "kb-p-tools" }, [
    el("p", { text: "Progress is kept in this browser only. Export it to a file to keep a copy or to move it to another browser. " +
      (last ? "Last exported " + new Date(last).toLocaleDateString() + "." : "Not exported yet.") }),
    exportDue(ctx.progress) ? el("p", { class: "kb-p-message kb-p-message--warn kb-p-remind", text: "Time to export: the last copy is two weeks old or more (or there is none)." }) : null,
    el("p", { class: "kb-p-buttons" }, [
      el("button", { type: "button", class: "md-button kb-p-export", text: "Export progress", onclick: () => exportFile(app) }), " ",
      el("label", { for: fileId, class: "md-button kb-p-import" }, ["Import progress…", input]), " ",
      resetButton,
    ]),
    confirmRow,
  ]);
}

function exportFile(app) {
  const now = Date.now();
  app.ctx.progress.exported = now;
  app.ctx.save();
  const data = exportData(app.ctx.progress, now);
  const blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: "kb-practice-progress-" + new Date(now).toISOString().slice(0, 10) + ".json", hidden: true });
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(url); a.remove(); }, 1000);
  app.refresh();
  app.ctx.message("Progress exported for " + plural(Object.keys(data.cards).length, "card") + ".");
}

function importFile(app, file) {
  file.text().then((text) => {
    const progress = importText(text);
    if (!progress) {
      app.ctx.message("That file is not a progress export of this site, so nothing was changed.", "warn");
      return;
    }
    app.ctx.progress = progress;
    app.ctx.save();
    app.refresh();
    app.ctx.message("Imported progress for " + plural(Object.keys(progress.cards).length, "card") + ".");
  }, () => app.ctx.message("The file could not be read, so nothing was changed.", "warn"));
}

function reset(app) {
  const kept = app.ctx.progress.settings;
  app.ctx.progress = emptyProgress();
  app.ctx.progress.settings = kept;
  app.ctx.undoable = null;
  app.ctx.save();
  app.refresh();
  app.ctx.message("Progress reset: every card is new again.");
  const button = app.panel.querySelector(".kb-p-reset");
  if (button) button.focus();
}

// The home page's box: cards due today and a button to start.
export function mountHome(root, deck, ctx) {
  const now = Date.now();
  const c = counts(deck.cards, ctx.progress, now);
  const newLeft = Math.min(c.new, Math.max(0, ctx.progress.settings.newPerDay - (dayCounts(ctx.progress, dayNumber(now)).n || 0)));
  const practice = root.getAttribute("data-practice") || "practice/";
  root.appendChild(el("p", { class: "kb-p-home" }, [
    el("span", {}, [el("strong", { class: "kb-p-home__due", text: plural(c.due, "card") + " due today" }),
      ", " + plural(newLeft, "new card") + " to learn."]),
    el("a", { class: "md-button md-button--primary kb-p-start", href: practice + "?mode=flashcards", text: c.due || newLeft ? "Start review" : "Open practice" }),
    el("a", { class: "md-button", href: practice + "?mode=progress", text: "Your progress" }),
  ]));
}
