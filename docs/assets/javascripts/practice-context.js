// What every practice widget shares: the deck, the progress, saving, grading with undo, the message line.
import { el } from "./practice-dom.js";
import { exportDue, persist, readProgress, writeProgress } from "./practice-store.js";
import { countReview } from "./practice-queue.js";
import { review } from "./srs.js";

export function context(root, deck) {
  const loaded = readProgress();
  const status = el("p", { class: "kb-p-message", role: "status", "aria-live": "polite", hidden: !loaded.message, text: loaded.message });
  const live = el("p", { class: "kb-p-sr", "aria-live": "polite" });
  root.appendChild(status);
  root.appendChild(live);
  const ctx = {
    deck: deck,
    progress: loaded.progress,
    undoable: null, // {id, before, day, counts}: the last grade, until undone or replaced
    save() {
      if (!writeProgress(ctx.progress) && loaded.saved) ctx.message("Progress could not be saved in this browser (storage is full or blocked).", "warn");
    },
    message(text, kind) {
      status.textContent = text;
      status.hidden = !text;
      status.className = "kb-p-message" + (kind ? " kb-p-message--" + kind : "");
    },
    announce(text) {
      live.textContent = text;
    },
    reload() {
      const again = readProgress();
      ctx.progress = again.progress;
      if (again.message) ctx.message(again.message);
    },
    // Grade a card now: the schedule moves, the day's counts grow, a leech is suspended with a notice.
    grade(card, grade, now = Date.now()) {
      const p = ctx.progress;
      const before = p.cards[card.id] || null;
      const day = Object.keys(p.days || {});
      ctx.undoable = { id: card.id, before: before, days: JSON.stringify(p.days || {}), started: p.started, dayKeys: day.length };
      const result = review(before, grade, now, p.settings.retention);
      p.cards[card.id] = result.state;
      countReview(p, before, now);
      if (!p.started) p.started = now;
      ctx.save();
      persist();
      if (result.leech) {
        ctx.message("You have forgotten this card " + result.state.l + " times, so it is suspended as a leech: " +
          "rewrite it in your notes or study its topic page. The Progress view lists suspended cards and can bring them back.", "warn");
      }
      return result;
    },
    // Undo the last grade: the card's state and the day's counts as they were.
    undo() {
      const u = ctx.undoable;
      if (!u) return null;
      if (u.before) ctx.progress.cards[u.id] = u.before;
      else delete ctx.progress.cards[u.id];
      ctx.progress.days = JSON.parse(u.days);
      ctx.progress.started = u.started;
      ctx.undoable = null;
      ctx.save();
      return u.id;
    },
  };
  if (loaded.reset) status.className = "kb-p-message kb-p-message--warn";
  if (!loaded.message && exportDue(ctx.progress)) {
    ctx.message("Your progress has not been exported for two weeks or more. Browsers may delete a site's data: " +
      "export a copy from the Progress view.", "warn");
    status.classList.add("kb-p-remind");
  }
  return ctx;
}
