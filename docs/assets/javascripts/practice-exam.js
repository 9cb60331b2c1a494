// The mock exam: questions drawn by the blueprint's domain weights, a countdown, flags, a navigator,
// a warning on unanswered questions, a scaled score with a per-domain breakdown, a review of every
// question, and past attempts as a trend. A running exam survives a reload (localStorage).
import { clear, el, plural, shuffled, uid } from "./practice-dom.js";
import { context } from "./practice-context.js";
import { addAttempt, examTrend } from "./practice-dashboard.js";
import { chooseText, feedback, isMulti, isRight, letters, optionList } from "./practice-quiz.js";

const RUN_KEY = "kb-practice-exam-run";
const SIZES = [10, 20, 30]; // short exams besides the full length
const OTHER = "?"; // the domain of questions that carry no domain for this exam

// How many questions each domain gets: its weight's share of `n`, by largest remainder.
export function allocate(domains, n) {
  const total = domains.reduce((a, d) => a + d.weight, 0) || 1;
  const raw = domains.map((d) => (n * d.weight) / total);
  const out = raw.map(Math.floor);
  let left = n - out.reduce((a, b) => a + b, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]] += 1;
  return out;
}

// The exam's questions: per domain by weight; a domain short of questions is filled from the rest.
export function drawQuestions(cards, exam, n, random = Math.random) {
  const pool = shuffled(cards.filter((c) => c.options.length >= 2), random);
  const want = allocate(exam.domains, Math.min(n, pool.length));
  const picked = [];
  exam.domains.forEach((d, i) => {
    picked.push(...pool.filter((c) => c.domain[exam.code] === d.id && !picked.includes(c)).slice(0, want[i]));
  });
  for (const c of pool) {
    if (picked.length >= Math.min(n, pool.length)) break;
    if (!picked.includes(c)) picked.push(c);
  }
  return shuffled(picked, random);
}

// AWS reports a scaled score from 100 to 1000; here the share of right answers on that scale.
export function scaledScore(correct, total) {
  return total ? Math.round(100 + (900 * correct) / total) : 100;
}

export function domainOf(card, exam) {
  const id = card.domain[exam.code];
  return exam.domains.some((d) => d.id === id) ? id : OTHER;
}

function clock(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x) => String(x).padStart(2, "0");
  return (h ? h + ":" + pad(m) : String(m)) + ":" + pad(s % 60);
}

function readRun() {
  try {
    const run = JSON.parse(window.localStorage.getItem(RUN_KEY) || "null");
    return run && Array.isArray(run.ids) && typeof run.deadline === "number" ? run : null;
  } catch (e) {
    return null;
  }
}

function writeRun(run) {
  try {
    if (run) window.localStorage.setItem(RUN_KEY, JSON.stringify(run));
    else window.localStorage.removeItem(RUN_KEY);
  } catch (e) { /* the exam still runs, it just won't survive a reload */ }
}

export class ExamApp {
  constructor(root, deck) {
    this.root = root;
    this.deck = deck;
    this.ctx = context(root, deck);
    this.body = el("div", { class: "kb-x" });
    root.appendChild(this.body);
    this.timer = null;
    const run = readRun();
    const byId = new Map(deck.cards.map((c) => [c.id, c]));
    if (run && run.ids.every((id) => byId.has(id)) && this.examByCode(run.code)) {
      this.run = run;
      this.questions = run.ids.map((id) => byId.get(id));
      if (run.submitted) this.renderResult();
      else this.renderQuestion();
    } else {
      writeRun(null);
      this.renderSetup();
    }
  }

  examByCode(code) {
    return this.deck.exams.exams.find((e) => e.code === code) || null;
  }

  get exam() {
    return this.examByCode(this.run.code);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  // -- before: which exam, how long ---------------------------------------------
  renderSetup() {
    this.stop();
    const body = clear(this.body);
    const exams = this.deck.exams.exams;
    const pool = this.deck.cards.filter((c) => c.options.length >= 2);
    const examId = uid("kb-x-exam");
    const sizeId = uid("kb-x-size");
    let code = this.deck.exams.default;
    const select = el("select", { id: examId, class: "kb-x-exam" }, exams.map((e) => el("option", {
      value: e.code, selected: e.code === code, text: e.code + ": " + (e.name || e.code) + (e.status === "retired" ? " (retired)" : ""),
    })));
    const sizes = el("select", { id: sizeId, class: "kb-x-size" });
    const about = el("p", { class: "kb-x-about" });
    const fill = () => {
      code = select.value;
      const e = this.examByCode(code);
      clear(sizes);
      const full = e.questions;
      for (const n of [...SIZES.filter((x) => x < full), full]) {
        const minutes = Math.max(1, Math.round((e.minutes * n) / full));
        sizes.appendChild(el("option", { value: n, selected: n === SIZES[0], text: plural(n, "question") + ", " + minutes + " min" + (n === full ? " (full length)" : "") }));
      }
      about.textContent = "The real " + e.code + " exam: " + e.questions + " questions in " + e.minutes + " minutes; " +
        (e.passing ? "a scaled score of " + e.passing + " of 1000 passes. " : "") + "Domains: " +
        e.domains.map((d) => d.name + " " + d.weight + "%").join(", ") + ". " + plural(pool.length, "practice question") + " to draw from.";
    };
    select.addEventListener("change", fill);
    fill();
    body.appendChild(el("div", { class: "kb-p-card kb-x-setup", role: "group", "aria-label": "Mock exam setup" }, [
      el("p", { class: "kb-p-setting" }, [el("label", { for: examId, text: "Exam " }), select]),
      el("p", { class: "kb-p-setting" }, [el("label", { for: sizeId, text: "Length " }), sizes]),
      about,
      el("p", { class: "kb-p-actions" }, [el("button", { type: "button", class: "md-button md-button--primary kb-x-start", text: "Start the exam",
        disabled: !pool.length, onclick: () => this.start(code, parseInt(sizes.value, 10)) })]),
    ]));
    body.appendChild(el("h2", { text: "Your past attempts" }));
    body.appendChild(examTrend(this.ctx.progress));
  }

  start(code, n) {
    const exam = this.examByCode(code);
    this.questions = drawQuestions(this.deck.cards, exam, n);
    const minutes = Math.max(1, Math.round((exam.minutes * this.questions.length) / exam.questions));
    this.run = { code: code, ids: this.questions.map((c) => c.id), answers: {}, flags: {}, pos: 0, minutes: minutes,
      started: Date.now(), deadline: Date.now() + minutes * 60000, submitted: null };
    writeRun(this.run);
    this.renderQuestion();
    this.focus();
  }

  // -- during: one question, the timer, the navigator ------------------------------
  renderQuestion() {
    const run = this.run;
    const body = clear(this.body);
    const card = this.questions[run.pos];
    const picked = run.answers[card.id] || [];
    this.timerNode = el("p", { class: "kb-x-timer", role: "timer", "aria-label": "Time left", "aria-live": "off" });
    const flagged = !!run.flags[card.id];
    body.appendChild(el("div", { class: "kb-x-bar" }, [
      this.timerNode,
      el("span", { class: "kb-x-progress", text: Object.keys(run.answers).filter((k) => run.answers[k].length).length + " of " + this.questions.length + " answered" }),
    ]));
    const box = el("div", { class: "kb-p-card kb-x-question", tabindex: "-1", role: "group", "aria-label": "Question " + (run.pos + 1) + " of " + this.questions.length }, [
      el("p", { class: "kb-p-meta" }, [el("span", { text: "Question " + (run.pos + 1) + " of " + this.questions.length }), flagged ? el("span", { class: "kb-x-flagmark", text: "⚑ flagged" }) : null]),
      el("p", { class: "kb-p-text kb-p-question", text: card.front }),
      isMulti(card) ? el("p", { class: "kb-p-choose", text: chooseText(card) }) : null,
      card.image ? el("img", { class: "kb-p-image", src: new URL(card.image, this.deck.root).href, alt: "Figure of the question" }) : null,
      optionList(card, picked, false, (list) => this.answer(card, list), "kb-x-q" + run.pos),
    ]);
    body.appendChild(box);
    body.appendChild(el("div", { class: "kb-p-actions kb-x-actions" }, [
      el("button", { type: "button", class: "md-button kb-x-prev", disabled: run.pos === 0, text: "← Previous", onclick: () => this.go(run.pos - 1) }),
      el("button", { type: "button", class: "md-button kb-x-flag", "aria-pressed": String(flagged), text: flagged ? "Unflag" : "Flag for review", onclick: () => this.flag(card) }),
      el("button", { type: "button", class: "md-button kb-x-next", disabled: run.pos + 1 >= this.questions.length, text: "Next →", onclick: () => this.go(run.pos + 1) }),
      el("button", { type: "button", class: "md-button md-button--primary kb-x-submit", text: "Submit exam", onclick: () => this.askSubmit() }),
    ]));
    body.appendChild(this.navigator());
    this.tick();
    if (!this.timer) this.timer = setInterval(() => this.tick(), 1000);
  }

  navigator() {
    const run = this.run;
    return el("nav", { class: "kb-x-nav", "aria-label": "Questions" }, [el("ol", {}, this.questions.map((c, i) => {
      const answered = (run.answers[c.id] || []).length > 0;
      const flagged = !!run.flags[c.id];
      const state = [answered ? "answered" : "not answered", flagged ? "flagged" : ""].filter(Boolean).join(", ");
      return el("li", {}, [el("button", {
        type: "button", class: "kb-x-navbtn" + (answered ? " kb-x-navbtn--answered" : "") + (flagged ? " kb-x-navbtn--flagged" : ""),
        "aria-current": i === run.pos ? "step" : null, "aria-label": "Question " + (i + 1) + ", " + state, text: String(i + 1),
        onclick: () => this.go(i),
      })]);
    }))]);
  }

  tick() {
    const left = this.run.deadline - Date.now();
    if (this.timerNode) {
      this.timerNode.textContent = "Time left " + clock(left);
      this.timerNode.classList.toggle("kb-x-timer--low", left < 5 * 60000);
    }
    if (left <= 0 && !this.run.submitted) this.submit(true);
  }

  answer(card, list) {
    this.run.answers[card.id] = list;
    writeRun(this.run);
    this.renderQuestion();
    const input = this.body.querySelector(isMulti(card) ? ".kb-p-choices input:focus, .kb-p-choices input" : ".kb-p-choice[aria-pressed=true]");
    if (input) input.focus({ preventScroll: true });
  }

  flag(card) {
    if (this.run.flags[card.id]) delete this.run.flags[card.id];
    else this.run.flags[card.id] = true;
    writeRun(this.run);
    this.renderQuestion();
    const b = this.body.querySelector(".kb-x-flag");
    if (b) b.focus();
  }

  go(i) {
    if (i < 0 || i >= this.questions.length) return;
    this.run.pos = i;
    writeRun(this.run);
    this.renderQuestion();
    this.focus();
  }

  focus() {
    const t = this.body.querySelector(".kb-x-question, .kb-x-result, .kb-x-confirm, .kb-x-setup");
    if (t) {
      if (!t.hasAttribute("tabindex")) t.setAttribute("tabindex", "-1");
      t.focus({ preventScroll: true });
    }
  }

  askSubmit() {
    const open = this.questions.map((c, i) => [c, i]).filter(([c]) => !(this.run.answers[c.id] || []).length);
    const flagged = this.questions.filter((c) => this.run.flags[c.id]).length;
    if (!open.length && !flagged) return this.submit(false);
    const old = this.body.querySelector(".kb-x-confirm");
    if (old) old.remove();
    const warn = el("div", { class: "kb-x-confirm kb-p-message kb-p-message--warn", role: "alertdialog", "aria-label": "Submit the exam?", tabindex: "-1" }, [
      open.length ? el("p", { text: plural(open.length, "question") + " not answered: " + open.map(([, i]) => i + 1).join(", ") + ". An unanswered question counts as wrong." }) : null,
      flagged ? el("p", { text: plural(flagged, "question") + " flagged for review." }) : null,
      el("p", {}, [
        el("button", { type: "button", class: "md-button md-button--primary kb-x-submit-yes", text: "Submit anyway", onclick: () => this.submit(false) }), " ",
        el("button", { type: "button", class: "md-button kb-x-submit-no", text: "Go back", onclick: () => { warn.remove(); this.focus(); } }),
      ]),
    ]);
    this.body.insertBefore(warn, this.body.querySelector(".kb-x-nav"));
    warn.focus();
  }

  submit(timeUp) {
    const run = this.run;
    const exam = this.exam;
    const now = Date.now();
    let correct = 0;
    const domains = {};
    for (const c of this.questions) {
      const d = domainOf(c, exam);
      domains[d] = domains[d] || [0, 0];
      domains[d][1] += 1;
      const right = isRight(c, run.answers[c.id] || []);
      if (right) {
        correct += 1;
        domains[d][0] += 1;
      }
      this.ctx.grade(c, right ? "good" : "again", now); // the exam feeds the schedule too
    }
    this.ctx.undoable = null;
    const score = scaledScore(correct, this.questions.length);
    run.submitted = { at: now, timeUp: !!timeUp, correct: correct, score: score, domains: domains, seconds: Math.round((Math.min(now, run.deadline) - run.started) / 1000) };
    addAttempt(this.ctx.progress, { code: exam.code, at: now, score: score, correct: correct, total: this.questions.length,
      passed: !!exam.passing && score >= exam.passing, domains: domains });
    this.ctx.save();
    writeRun(run);
    this.stop();
    this.renderResult();
    this.focus();
  }

  // -- after: the score, the domains, the review ------------------------------------
  renderResult() {
    this.stop();
    const run = this.run;
    const exam = this.exam;
    const r = run.submitted;
    const body = clear(this.body);
    const total = this.questions.length;
    const passed = exam.passing && r.score >= exam.passing;
    const names = Object.fromEntries(exam.domains.map((d) => [d.id, d.id + ". " + d.name]));
    names[OTHER] = "Not labelled with a domain";
    const rows = [...exam.domains.map((d) => d.id), OTHER].filter((id) => r.domains[id]).map((id) => {
      const [right, n] = r.domains[id];
      return el("tr", { "data-domain": id }, [el("th", { scope: "row", text: names[id] }), el("td", { text: right + " of " + n }),
        el("td", { text: Math.round((100 * right) / n) + "%" })]);
    });
    body.appendChild(el("div", { class: "kb-p-card kb-x-result", tabindex: "-1", role: "group", "aria-label": "Exam result" }, [
      el("p", { class: "kb-x-score", text: "Score " + r.score + " / 1000" + (exam.passing ? (passed ? ": pass" : ": not yet a pass") + " (" + exam.passing + " needed)" : "") }),
      el("p", { text: r.correct + " of " + total + " right (" + Math.round((100 * r.correct) / total) + "%) in " + clock(r.seconds * 1000) +
        (r.timeUp ? "; the time ran out." : ".") + " Wrong answers are back in your study queue." }),
      el("div", { class: "md-typeset__scrollwrap kb-x-domains" }, [el("div", { class: "md-typeset__table" }, [el("table", {}, [ // no class: Material styles it
        el("caption", { text: "By domain" }),
        el("thead", {}, [el("tr", {}, ["Domain", "Right", "Share"].map((h) => el("th", { scope: "col", text: h })))]),
        el("tbody", {}, rows),
      ])])]),
      el("p", { class: "kb-p-actions" }, [
        el("button", { type: "button", class: "md-button md-button--primary kb-x-new", text: "New exam", onclick: () => { writeRun(null); this.renderSetup(); this.focus(); } }),
      ]),
    ]));
    body.appendChild(el("h2", { text: "Your past attempts" }));
    body.appendChild(examTrend(this.ctx.progress));
    body.appendChild(el("h2", { text: "Review" }));
    body.appendChild(el("ol", { class: "kb-x-review" }, this.questions.map((c, i) => {
      const picked = run.answers[c.id] || [];
      const right = isRight(c, picked);
      return el("li", { class: "kb-x-item kb-x-item--" + (right ? "right" : "wrong") }, [
        el("p", { class: "kb-p-meta" }, [el("span", { text: "Question " + (i + 1) + (run.flags[c.id] ? " · flagged" : "") }),
          el("span", { text: names[domainOf(c, exam)] })]),
        el("p", { class: "kb-p-text", text: c.front }),
        isMulti(c) ? el("p", { class: "kb-p-choose", text: chooseText(c) }) : null,
        optionList(c, picked, true, () => {}, "kb-x-r" + i),
        el("p", { class: "kb-p-yours", text: "Your answer: " + (picked.length ? letters(c, picked) : "none") }),
        feedback(this.deck, c, picked),
      ]);
    })));
  }

  key(e) {
    if (!this.run || this.run.submitted) return false;
    if (e.key === "ArrowRight") { this.go(this.run.pos + 1); return true; }
    if (e.key === "ArrowLeft") { this.go(this.run.pos - 1); return true; }
    return false;
  }
}
