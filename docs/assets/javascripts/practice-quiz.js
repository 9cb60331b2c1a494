// A quiz of practice questions: one or several right options ("choose two", check boxes, all or
// nothing, as the exam scores them); each answer feeds the schedule (wrong = Again) and is explained.
import { clear, el, shuffled } from "./practice-dom.js";
import { sourceLinks } from "./practice-flashcards.js";

export function isMulti(card) {
  return card.answers.length > 1;
}

// "Choose two." for a question with two right options; nothing for one.
export function chooseText(card) {
  const words = ["", "one", "two", "three", "four", "five", "six"];
  return isMulti(card) ? "Choose " + (words[card.answers.length] || card.answers.length) + "." : "";
}

// All or nothing: exactly the right options, no more, no fewer.
export function isRight(card, picked) {
  const a = card.answers;
  const p = Array.from(new Set(picked)).sort((x, y) => x - y);
  return p.length === a.length && p.every((x, i) => x === a[i]);
}

export function letters(card, picked) {
  return picked.slice().sort((a, b) => a - b).map((i) => String.fromCharCode(65 + i) + ". " + card.options[i]).join("; ");
}

// The options of a question as buttons (one answer) or check boxes (several); onPick(list of indexes).
export function optionList(card, picked, locked, onPick, name) {
  const multi = isMulti(card);
  const list = el("ol", { class: "kb-p-choices" + (multi ? " kb-p-choices--multi" : ""), type: "A" });
  card.options.forEach((option, i) => {
    const mark = !locked ? "" : card.answers.includes(i) ? " kb-p-choice--right" : picked.includes(i) ? " kb-p-choice--wrong" : "";
    if (multi) {
      const id = name + "-" + i;
      list.appendChild(el("li", {}, [el("label", { class: "kb-p-choice kb-p-choice--check" + mark, for: id }, [
        el("input", { type: "checkbox", id: id, "data-option": i, checked: picked.includes(i), disabled: locked, onchange: (e) => {
          const next = picked.filter((x) => x !== i);
          if (e.target.checked) next.push(i);
          onPick(next, false);
        } }),
        el("span", { text: option }),
      ])]));
    } else {
      list.appendChild(el("li", {}, [el("button", {
        type: "button", class: "kb-p-choice" + mark, "data-option": i, disabled: locked && !onPick.keepOpen,
        "aria-keyshortcuts": String(i + 1), "aria-pressed": String(picked.includes(i)), onclick: () => onPick([i], true),
      }, [el("kbd", { "aria-hidden": "true", text: String(i + 1) }), el("span", { text: option })])]));
    }
  });
  return list;
}

// What the learner needs after answering: right or not, the right options, why, and where it comes from.
export function feedback(deck, card, picked) {
  const right = isRight(card, picked);
  const box = el("div", { class: "kb-p-after" }, [
    el("p", { class: "kb-p-feedback kb-p-feedback--" + (right ? "right" : "wrong"), role: "status" },
      [right ? "Correct." : "Not quite. The answer is: " + letters(card, card.answers)]),
  ]);
  const why = card.explain || (card.back !== card.options[card.answers[0]] ? card.back : "");
  if (why) box.appendChild(el("p", { class: "kb-p-explain", text: why }));
  const links = sourceLinks(deck, card);
  if (links) box.appendChild(links);
  return box;
}

export class QuizSession {
  constructor(host, cards, ctx, length, onGrade) {
    this.host = host;
    this.ctx = ctx;
    this.questions = shuffled(cards).slice(0, length);
    this.pos = 0;
    this.score = 0;
    this.picked = [];
    this.answered = false;
    this.missed = [];
    this.onGrade = onGrade;
    this.render();
  }

  render() {
    const host = clear(this.host);
    const total = this.questions.length;
    if (!total) {
      host.appendChild(el("p", { class: "kb-p-empty", text: "None of the chosen cards has answer options. Choose more sections or topics." }));
      return;
    }
    if (this.pos >= total) return this.renderResult(host, total);
    const card = this.questions[this.pos];
    const label = "Question " + (this.pos + 1) + " of " + total;
    const pick = (list, commit) => {
      const changed = list.filter((x) => !this.picked.includes(x)).concat(this.picked.filter((x) => !list.includes(x)))[0];
      this.picked = list;
      if (commit) return this.check();
      this.render();
      const box = this.host.querySelector('.kb-p-choices input[data-option="' + changed + '"]');
      if (box) box.focus(); // the check box keeps the focus across the redraw
    };
    const box = el("div", { class: "kb-p-card", tabindex: "-1", role: "group", "aria-label": label }, [
      el("p", { class: "kb-p-meta" }, [el("span", { text: label }), el("span", { class: "kb-p-tally", text: "Score " + this.score })]),
      el("p", { class: "kb-p-text kb-p-question", text: card.front }),
      isMulti(card) ? el("p", { class: "kb-p-choose", text: chooseText(card) }) : null,
      card.image ? el("img", { class: "kb-p-image", src: new URL(card.image, this.ctx.deck.root).href, alt: "Figure of the question" }) : null,
      optionList(card, this.picked, this.answered, pick, "kb-p-q" + this.pos),
    ]);
    if (this.answered) box.appendChild(feedback(this.ctx.deck, card, this.picked));
    host.appendChild(box);
    const actions = el("div", { class: "kb-p-actions" });
    if (!this.answered && isMulti(card)) {
      actions.appendChild(el("button", { type: "button", class: "md-button md-button--primary kb-p-check", disabled: !this.picked.length,
        text: "Check answer", onclick: () => this.check() }));
    }
    if (this.answered) {
      actions.appendChild(el("button", { type: "button", class: "md-button md-button--primary kb-p-next", "aria-keyshortcuts": "ArrowRight Enter",
        text: this.pos + 1 < total ? "Next question" : "See your score", onclick: () => this.next() }));
    }
    host.appendChild(actions);
  }

  renderResult(host, total) {
    const pct = Math.round((100 * this.score) / total);
    const kids = [
      el("p", { class: "kb-p-score", text: "You scored " + this.score + " of " + total + " (" + pct + "%)." }),
      el("p", { text: this.missed.length ? "The questions you missed are back in your study queue (graded Again):" : "Every answer right: well done." }),
    ];
    if (this.missed.length) {
      kids.push(el("ol", { class: "kb-p-missed" }, this.missed.map((m) => el("li", {}, [
        el("p", { class: "kb-p-text", text: m.card.front }),
        el("p", { class: "kb-p-yours", text: "Your answer: " + (m.picked.length ? letters(m.card, m.picked) : "none") }),
        feedback(this.ctx.deck, m.card, m.picked),
      ]))));
    }
    kids.push(el("button", { type: "button", class: "md-button md-button--primary kb-p-again", text: "New quiz", onclick: () => this.ctx.restart() }));
    host.appendChild(el("div", { class: "kb-p-card kb-p-result", tabindex: "-1", role: "group", "aria-label": "Quiz result" }, kids));
  }

  focus() {
    const target = this.host.querySelector(".kb-p-card");
    if (target) target.focus({ preventScroll: true });
  }

  check() {
    const card = this.questions[this.pos];
    if (!card || this.answered || !this.picked.length) return;
    this.answered = true;
    const right = isRight(card, this.picked);
    if (right) this.score += 1;
    else this.missed.push({ card: card, picked: this.picked.slice() });
    this.ctx.grade(card, right ? "good" : "again"); // the quiz feeds the schedule
    if (this.onGrade) this.onGrade();
    this.render();
    this.focus();
  }

  next() {
    if (!this.answered) return;
    this.pos += 1;
    this.picked = [];
    this.answered = false;
    this.render();
    this.focus();
  }

  key(e) {
    const card = this.questions[this.pos];
    if (!card) return false;
    const n = "123456789".indexOf(e.key);
    if (n >= 0 && e.key.length === 1 && !this.answered) {
      if (n >= card.options.length) return true;
      if (isMulti(card)) {
        this.picked = this.picked.includes(n) ? this.picked.filter((x) => x !== n) : this.picked.concat([n]);
        this.render();
      } else {
        this.picked = [n];
        this.check();
      }
      return true;
    }
    if (e.key === "Enter" && !this.answered && this.picked.length) {
      this.check();
      return true;
    }
    if ((e.key === "ArrowRight" || e.key === "Enter") && this.answered) {
      this.next();
      return true;
    }
    return false;
  }
}
