// The Practice page: choose sections or a topic, then Study (flashcards), Quiz, or Progress.
import { clear, el, plural, uid } from "./practice-dom.js";
import { sectionName, topicName } from "./practice-deck.js";
import { context } from "./practice-context.js";
import { FlashcardSession } from "./practice-flashcards.js";
import { QuizSession } from "./practice-quiz.js";
import { renderProgress } from "./practice-dashboard.js";
import { counts } from "./practice-queue.js";

const MODES = [["flashcards", "Study"], ["quiz", "Quiz"], ["progress", "Progress"]];

export class PracticeApp {
  constructor(root, deck) {
    this.root = root;
    this.deck = deck;
    this.ctx = context(root, deck);
    const params = new URLSearchParams(window.location.search);
    const topic = params.get("topic") || "";
    this.topic = deck.topics[topic] || deck.cards.some((c) => c.topic === topic) ? topic : "";
    this.sections = {};
    for (const k of this.sectionKeys()) this.sections[k] = true;
    const mode = params.get("mode") === "due" ? "flashcards" : params.get("mode");
    this.mode = MODES.some((m) => m[0] === mode) ? mode : "flashcards";
    this.quizLength = 10;
    this.build();
  }

  sectionKeys() {
    const keys = Object.keys(this.deck.sections);
    for (const c of this.deck.cards) if (!keys.includes(c.section)) keys.push(c.section);
    return keys.filter((k) => this.deck.cards.some((c) => c.section === k));
  }

  chosen() {
    return this.deck.cards.filter((c) => (this.topic ? c.topic === this.topic : this.sections[c.section]));
  }

  build() {
    const deck = this.deck;
    const id = uid("kb-p");
    const boxes = el("fieldset", { class: "kb-p-sections" }, [el("legend", { text: "Sections" })]);
    for (const k of this.sectionKeys()) {
      const n = deck.cards.filter((c) => c.section === k).length;
      const boxId = id + "-s-" + (k || "other");
      boxes.appendChild(el("span", { class: "kb-p-check" }, [
        el("input", { type: "checkbox", id: boxId, "data-section": k, checked: this.sections[k], onchange: (e) => { this.sections[k] = e.target.checked; this.refresh(); } }),
        el("label", { for: boxId, text: sectionName(deck, k) + " (" + n + ")" }),
      ]));
    }
    const select = el("select", { id: id + "-topic", class: "kb-p-topic", onchange: (e) => { this.topic = e.target.value; this.refresh(); } },
      [el("option", { value: "", text: "All topics in the chosen sections" })]);
    for (const k of this.sectionKeys()) {
      const slugs = [];
      for (const c of deck.cards) if (c.section === k && c.topic && !slugs.includes(c.topic)) slugs.push(c.topic);
      if (!slugs.length) continue;
      slugs.sort((a, b) => topicName(deck, a).localeCompare(topicName(deck, b)));
      select.appendChild(el("optgroup", { label: sectionName(deck, k) }, slugs.map((s) => el("option", {
        value: s, selected: s === this.topic, text: topicName(deck, s) + " (" + deck.cards.filter((c) => c.topic === s).length + ")",
      }))));
    }
    this.summary = el("p", { class: "kb-p-summary", "aria-live": "polite" });
    const filter = el("details", { class: "kb-p-filter" }, [
      el("summary", { text: "Which cards" }),
      boxes,
      el("p", { class: "kb-p-topicrow" }, [el("label", { for: id + "-topic", text: "Topic " }), select]),
    ]);
    if (this.topic) filter.open = true;
    this.modeButtons = {};
    const modes = el("div", { class: "kb-p-modes", role: "group", "aria-label": "Mode" });
    for (const [m, name] of MODES) {
      const b = el("button", { type: "button", class: "md-button kb-p-mode", "data-mode": m, "aria-pressed": String(this.mode === m),
        "aria-controls": id + "-panel", text: name, onclick: () => this.setMode(m) });
      this.modeButtons[m] = b;
      modes.appendChild(b);
    }
    const exam = this.root.getAttribute("data-exam");
    if (exam) modes.appendChild(el("a", { class: "md-button kb-p-mode kb-p-mode--exam", href: exam, text: "Mock exam" }));
    this.panel = el("div", { class: "kb-p-panel", id: id + "-panel" });
    this.root.appendChild(filter);
    this.root.appendChild(this.summary);
    this.root.appendChild(modes);
    this.root.appendChild(this.panel);
    this.refresh();
  }

  setMode(mode) {
    this.mode = mode;
    for (const m of Object.keys(this.modeButtons)) this.modeButtons[m].setAttribute("aria-pressed", String(m === mode));
    this.refresh();
    if (this.session && this.session.focus) this.session.focus();
  }

  updateSummary() {
    const c = counts(this.chosen(), this.ctx.progress, Date.now());
    this.summary.textContent = plural(c.total, "card") + " chosen: " + c.new + " new, " + c.learning + " learning, " +
      c.mastered + " mastered" + (c.suspended ? ", " + c.suspended + " suspended" : "") + "; " + c.due + " due today.";
  }

  refresh() {
    const ctx = this.ctx;
    const cards = this.chosen();
    this.updateSummary();
    const panel = clear(this.panel);
    this.session = null;
    ctx.restart = () => { this.refresh(); if (this.session) this.session.focus(); };
    if (this.mode === "flashcards") {
      this.session = new FlashcardSession(el("div", { class: "kb-p-session" }), cards, ctx, {
        limits: !this.topic, empty: "Nothing to study now in the chosen cards.", onGrade: () => this.updateSummary(),
      });
    } else if (this.mode === "quiz") {
      const choice = cards.filter((x) => x.options.length >= 2);
      const lengthId = uid("kb-p-qlen");
      const length = el("select", { id: lengthId, class: "kb-p-qlen", onchange: (e) => { this.quizLength = parseInt(e.target.value, 10) || 10; this.refresh(); } },
        [5, 10, 20, 50].map((n) => el("option", { value: n, selected: n === this.quizLength, text: String(n) })));
      panel.appendChild(el("p", { class: "kb-p-quizbar" }, [el("label", { for: lengthId, text: "Questions per quiz " }), length,
        el("span", { text: " · " + plural(choice.length, "question") + " available" })]));
      this.session = new QuizSession(el("div", { class: "kb-p-session" }), choice, ctx, this.quizLength, () => this.updateSummary());
    } else {
      renderProgress(panel, this);
      return;
    }
    panel.appendChild(this.session.host);
  }

  key(e) {
    return this.session && this.session.key ? this.session.key(e) : false;
  }
}

// The "Test yourself" block on a topic page: the topic's due and new cards, no daily limit.
export class TopicWidget {
  constructor(root, deck) {
    this.root = root;
    const slug = root.getAttribute("data-topic") || "";
    const cards = deck.cards.filter((c) => c.topic === slug);
    this.ctx = context(root, deck);
    const c = counts(cards, this.ctx.progress, Date.now());
    root.appendChild(el("p", { class: "kb-p-summary", text: plural(cards.length, "card") + " on this topic: " + c.new + " new, " +
      c.learning + " learning, " + c.mastered + " mastered; " + c.due + " due today." }));
    this.session = new FlashcardSession(el("div", { class: "kb-p-session" }), cards, this.ctx, { empty: "Nothing on this topic is due now." });
    root.appendChild(this.session.host);
    const practice = root.getAttribute("data-practice");
    if (practice) root.appendChild(el("p", { class: "kb-p-more" }, [el("a", { href: practice, text: "Quiz and review this topic on the Practice page" })]));
  }

  key(e) {
    return this.session.key(e);
  }
}
