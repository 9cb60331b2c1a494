// A study session of flashcards: Anki's daily queue (learning steps, due reviews and new cards
// interleaved within the daily limits), graded with FSRS; the last grade can be undone.
import { clear, el, plural } from "./practice-dom.js";
import { sectionName, topicName } from "./practice-deck.js";
import { interleave, nextLearningDue, pickNext, todayQueue } from "./practice-queue.js";
import { describe, GRADES, isDue, preview, status, STATE } from "./srs.js";

export const GRADE_LABELS = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

export class FlashcardSession {
  // opts: {limits: apply the daily limits (the Practice page), empty: text when there is nothing, onGrade}
  constructor(host, cards, ctx, opts) {
    this.host = host;
    this.cards = cards.filter((c) => !(ctx.progress.cards[c.id] || {}).sus);
    this.ctx = ctx;
    this.opts = opts || {};
    this.done = 0;
    this.early = false; // the learner asked for the learning cards before their step is up
    this.pending = this.plan();
    this.current = null;
    this.shown = false;
    this.next();
  }

  plan() {
    const now = Date.now();
    const p = this.ctx.progress;
    if (this.opts.limits) return todayQueue(this.cards, p, now, p.settings);
    const due = this.cards.filter((c) => p.cards[c.id] && p.cards[c.id].st === STATE.review && isDue(p.cards[c.id], now));
    return interleave(due, this.cards.filter((c) => !p.cards[c.id]));
  }

  next() {
    const p = this.ctx.progress;
    let card = pickNext(this.cards, p, this.pending, Date.now());
    if (!card && this.early) {
      const waiting = this.cards.filter((c) => p.cards[c.id] && (p.cards[c.id].st === STATE.learning || p.cards[c.id].st === STATE.relearning) && !p.cards[c.id].sus);
      waiting.sort((a, b) => p.cards[a.id].due - p.cards[b.id].due);
      card = waiting[0] || null;
    }
    this.current = card;
    this.shown = false;
    this.render();
  }

  left() {
    const p = this.ctx.progress;
    const now = Date.now();
    let fresh = 0;
    let reviews = 0;
    for (const c of this.pending) {
      const st = p.cards[c.id];
      if (!st) fresh += 1;
      else if (st.st === STATE.review && isDue(st, now)) reviews += 1;
    }
    const learning = this.cards.filter((c) => p.cards[c.id] && (p.cards[c.id].st === STATE.learning || p.cards[c.id].st === STATE.relearning) && !p.cards[c.id].sus).length;
    return { fresh, learning, reviews };
  }

  render() {
    const host = clear(this.host);
    const card = this.current;
    const ctx = this.ctx;
    const left = this.left();
    const counts = el("p", { class: "kb-p-counts", "aria-label": "Left in this session" }, [
      el("span", { class: "kb-p-count kb-p-count--new", text: left.fresh + " new" }), " · ",
      el("span", { class: "kb-p-count kb-p-count--learning", text: left.learning + " learning" }), " · ",
      el("span", { class: "kb-p-count kb-p-count--review", text: left.reviews + " to review" }),
    ]);
    host.appendChild(counts);
    if (!card) {
      const first = nextLearningDue(this.cards, ctx.progress);
      const kids = [el("p", { text: this.done ? "Done for now: " + plural(this.done, "card") + " graded." : (this.opts.empty || "No cards to study now.") })];
      if (first) {
        kids.push(el("p", { text: plural(left.learning, "card") + " in learning come" + (left.learning === 1 ? "s" : "") + " back in " + describe(first - Date.now()) + "." }));
        kids.push(el("button", { type: "button", class: "md-button kb-p-early", text: "Study them now", onclick: () => { this.early = true; this.next(); this.focus(); } }));
      }
      if (this.opts.limits && this.cards.some((c) => !ctx.progress.cards[c.id]) && !this.pending.some((c) => !ctx.progress.cards[c.id])) {
        kids.push(el("p", { class: "kb-p-limit", text: "Today's new cards are done (limit " + ctx.progress.settings.newPerDay + " a day; change it in Progress → Settings)." }));
      }
      host.appendChild(el("div", { class: "kb-p-done", tabindex: "-1" }, kids));
      this.renderUndo(host);
      return;
    }
    const deck = ctx.deck;
    const state = ctx.progress.cards[card.id] || null;
    const st = status(state);
    const label = "Flashcard: " + (st === "new" ? "new" : isDue(state) ? "due" : st);
    const meta = [topicName(deck, card.topic) || sectionName(deck, card.section), st === "new" ? "new" : st];
    const front = el("div", { class: "kb-p-front" }, [el("p", { class: "kb-p-text", text: card.front })]);
    if (card.image) front.appendChild(el("img", { class: "kb-p-image", src: new URL(card.image, deck.root).href, alt: "Figure of the question" }));
    if (card.options.length) front.appendChild(el("ol", { class: "kb-p-optlist", type: "A" }, card.options.map((o) => el("li", { text: o }))));
    const back = el("div", { class: "kb-p-back", hidden: !this.shown }, [
      el("p", { class: "kb-p-label", text: "Answer" }),
      el("p", { class: "kb-p-text", text: card.back }),
      card.explain ? el("p", { class: "kb-p-explain", text: card.explain }) : null,
      sourceLinks(deck, card),
    ]);
    host.appendChild(el("div", { class: "kb-p-card", tabindex: "-1", role: "group", "aria-roledescription": "flashcard", "aria-label": label },
      [el("p", { class: "kb-p-meta" }, [el("span", { text: meta[0] }), el("span", { text: meta[1] })]), front, back]));
    const actions = el("div", { class: "kb-p-actions" });
    if (!this.shown) {
      actions.appendChild(el("button", { type: "button", class: "md-button md-button--primary kb-p-show", "aria-keyshortcuts": "Space", onclick: () => this.show() },
        ["Show answer ", el("kbd", { "aria-hidden": "true", text: "Space" })]));
    } else {
      const ivl = preview(state, Date.now(), ctx.progress.settings.retention);
      const grades = el("div", { class: "kb-p-grades", role: "group", "aria-label": "How well did you know it?" });
      GRADES.forEach((g, i) => {
        grades.appendChild(el("button", {
          type: "button", class: "md-button kb-p-grade kb-p-grade--" + g, "data-grade": g, "data-interval": Math.round(ivl[g] / 60000),
          "aria-keyshortcuts": String(i + 1), "aria-label": GRADE_LABELS[g] + ": next in " + describe(ivl[g]), onclick: () => this.grade(g),
        }, [el("kbd", { "aria-hidden": "true", text: String(i + 1) }), el("span", { text: GRADE_LABELS[g] }), el("small", { "aria-hidden": "true", text: describe(ivl[g]) })]));
      });
      actions.appendChild(grades);
    }
    host.appendChild(actions);
    this.renderUndo(host);
  }

  renderUndo(host) {
    if (!this.ctx.undoable) return;
    host.appendChild(el("p", { class: "kb-p-undorow" }, [el("button", {
      type: "button", class: "md-button kb-p-undo", "aria-keyshortcuts": "U", onclick: () => this.undo(),
    }, ["Undo last grade ", el("kbd", { "aria-hidden": "true", text: "U" })])]));
  }

  focus() {
    const target = this.host.querySelector(".kb-p-card, .kb-p-done");
    if (target) target.focus({ preventScroll: true });
  }

  show() {
    if (!this.current || this.shown) return;
    this.shown = true;
    this.render();
    this.focus();
    this.ctx.announce("Answer: " + this.current.back);
  }

  grade(grade) {
    const card = this.current;
    if (!card || !this.shown) return;
    const { state } = this.ctx.grade(card, grade);
    this.done += 1;
    this.ctx.announce(GRADE_LABELS[grade] + ". Next review in " + describe(state.due - Date.now()) + ".");
    if (state.sus) this.cards = this.cards.filter((c) => c.id !== card.id);
    this.next();
    this.focus();
    if (this.opts.onGrade) this.opts.onGrade();
  }

  undo() {
    const id = this.ctx.undo();
    if (!id) return;
    const card = this.ctx.deck.cards.find((c) => c.id === id);
    if (card && !this.cards.includes(card)) this.cards.push(card);
    this.done = Math.max(0, this.done - 1);
    this.current = card || null;
    this.shown = false;
    this.render();
    this.focus();
    this.ctx.announce("Last grade undone.");
    if (this.opts.onGrade) this.opts.onGrade();
  }

  key(e) {
    if (e.key === " " || e.key === "Spacebar") {
      if (!this.current) return false;
      if (!this.shown) this.show();
      return true;
    }
    const n = "1234".indexOf(e.key);
    if (n >= 0 && e.key.length === 1) {
      if (!this.shown) return false;
      this.grade(GRADES[n]);
      return true;
    }
    if ((e.key === "u" || e.key === "U") && this.ctx.undoable) {
      this.undo();
      return true;
    }
    return false;
  }
}

// "Read more: <topic page> · From <note>, line N": where a card's fact comes from.
export function sourceLinks(deck, card) {
  const topic = deck.topicUrl(card);
  const source = deck.sourceUrl(card);
  const line = (card.source.match(/:(\d+)$/) || [])[1];
  const note = card.source.replace(/:\d+$/, "");
  if (!topic && !source && !card.source) return null;
  const kids = [];
  if (topic) kids.push("Read more: ", el("a", { href: topic, class: "kb-p-topiclink", text: topicName(deck, card.topic) }));
  if (card.source) {
    if (kids.length) kids.push(" · ");
    kids.push("From ");
    kids.push(source ? el("a", { href: source, class: "kb-p-sourcelink", text: note }) : note);
    if (line) kids.push(", line " + line);
  }
  return el("p", { class: "kb-p-source" }, kids);
}
