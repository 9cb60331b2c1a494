// Practice widgets: flashcards with SM-2 spaced repetition, quizzes, progress.
// Mount points are <div data-kb-practice="app|topic" data-cards="…/data/cards.json">, written by the build.
// Card text is data: it is only ever set with textContent, never parsed as HTML.
(function () {
  "use strict";

  var STORE_KEY = "kb-practice-progress";
  var VERSION = 1; // of the stored progress; a different version is reset with a message
  var FORMAT = "kb-practice-progress"; // marks an exported progress file
  var ID = /^[0-9a-f]{6,40}$/;
  var GRADE_LABELS = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
  var MODES = [
    ["flashcards", "Flashcards"],
    ["quiz", "Quiz"],
    ["due", "Review due"],
    ["progress", "Progress"],
  ];
  var decks = {}; // URL → promise of the deck, fetched once per visit
  var widgets = []; // mounted widgets, for the keyboard

  // -- small DOM helpers: text only ------------------------------------------
  function el(tag, attrs, kids) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "onclick") node.addEventListener("click", value);
      else if (key === "onchange") node.addEventListener("change", value);
      else if (key === "hidden") node.hidden = !!value;
      else node.setAttribute(key, value === true ? "" : String(value));
    });
    (kids || []).forEach(function (kid) {
      if (kid) node.appendChild(typeof kid === "string" ? document.createTextNode(kid) : kid);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many || one + "s");
  }

  // -- the deck ----------------------------------------------------------------
  function str(x) {
    return typeof x === "string" ? x : "";
  }

  // Only well-formed cards are kept; every field is coerced to the type the widgets expect.
  function cleanDeck(data) {
    if (!data || !Array.isArray(data.cards)) throw new Error("cards.json has no card list");
    var cards = [];
    var seen = {};
    data.cards.forEach(function (c) {
      if (!c || typeof c.id !== "string" || !ID.test(c.id) || seen[c.id]) return;
      if (!str(c.front) || !str(c.back)) return;
      var options = Array.isArray(c.options) ? c.options.filter(function (o) { return typeof o === "string"; }) : [];
      var answer = typeof c.answer === "number" && c.answer >= 0 && c.answer < options.length ? c.answer : -1;
      seen[c.id] = true;
      cards.push({
        id: c.id, front: c.front, back: c.back, kind: str(c.kind), topic: str(c.topic), section: str(c.section),
        source: str(c.source), explain: str(c.explain), options: answer >= 0 ? options : [], answer: answer,
      });
    });
    var sections = data.sections && typeof data.sections === "object" ? data.sections : {};
    var topics = data.topics && typeof data.topics === "object" ? data.topics : {};
    return { cards: cards, sections: sections, topics: topics };
  }

  function loadDeck(url) {
    if (!decks[url]) {
      decks[url] = fetch(url, { credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.json();
        })
        .then(cleanDeck);
      decks[url].catch(function () { delete decks[url]; }); // a failed fetch is retried on the next page
    }
    return decks[url];
  }

  function sectionName(deck, key) {
    return str(deck.sections[key]) || (key ? key : "Other");
  }

  function topicName(deck, slug) {
    var t = deck.topics[slug];
    return (t && str(t.name)) || slug || "";
  }

  // -- stored progress ---------------------------------------------------------
  function validCards(cards) {
    if (!cards || typeof cards !== "object" || Array.isArray(cards)) return false;
    return Object.keys(cards).every(function (id) { return ID.test(id) && KBSrs.validState(cards[id]); });
  }

  function storage() {
    try {
      var s = window.localStorage;
      var probe = STORE_KEY + "-probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  // The progress in this browser, or a fresh one with the reason it had to be reset.
  function readProgress() {
    var s = storage();
    if (!s) return { cards: {}, message: "This browser does not let the site keep data, so progress lasts only until you leave the page.", saved: false };
    var raw = s.getItem(STORE_KEY);
    if (raw === null) return { cards: {}, message: "", saved: true };
    var data = null;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      data = null;
    }
    if (data && data.version === VERSION && validCards(data.cards)) return { cards: data.cards, message: "", saved: true };
    var why = data && typeof data.version === "number" && data.version !== VERSION
      ? "was saved by a different version of this site"
      : "could not be read (it was damaged)";
    try {
      s.removeItem(STORE_KEY);
    } catch (e) { /* nothing more to do */ }
    return { cards: {}, message: "Your saved practice progress " + why + ", so it has been reset. You can start again, or import an exported progress file from the Progress view.", saved: true, reset: true };
  }

  function writeProgress(cards) {
    var s = storage();
    if (!s) return false;
    try {
      s.setItem(STORE_KEY, JSON.stringify({ version: VERSION, cards: cards }));
      return true;
    } catch (e) {
      return false;
    }
  }

  // -- the schedule over a set of cards ----------------------------------------
  function stateOf(progress, card) {
    return progress.cards[card.id] || null;
  }

  // Due cards first (oldest first), then new cards, then the rest by the day they fall due.
  function studyOrder(cards, progress, today) {
    var due = [], fresh = [], later = [];
    cards.forEach(function (c) {
      var s = stateOf(progress, c);
      if (!s) fresh.push(c);
      else if (KBSrs.isDue(s, today)) due.push(c);
      else later.push(c);
    });
    var byDue = function (a, b) { return stateOf(progress, a).due - stateOf(progress, b).due; };
    return due.sort(byDue).concat(fresh, later.sort(byDue));
  }

  function dueCards(cards, progress, today) {
    return studyOrder(cards, progress, today).filter(function (c) { return KBSrs.isDue(stateOf(progress, c), today); });
  }

  function counts(cards, progress, today) {
    var out = { new: 0, learning: 0, mastered: 0, due: 0, total: cards.length };
    cards.forEach(function (c) {
      var s = stateOf(progress, c);
      out[KBSrs.status(s)] += 1;
      if (KBSrs.isDue(s, today)) out.due += 1;
    });
    return out;
  }

  function shuffled(list) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  // -- a flashcard session (used by the Practice page and the Test yourself blocks) --
  function FlashcardSession(host, cards, ctx, opts) {
    this.host = host;
    this.queue = cards.slice();
    this.ctx = ctx; // {deck, progress, save(), announce()}
    this.opts = opts || {};
    this.pos = 0;
    this.shown = false;
    this.done = 0;
    this.render();
  }

  FlashcardSession.prototype.card = function () {
    return this.queue[this.pos];
  };

  FlashcardSession.prototype.render = function () {
    var self = this;
    var host = clear(this.host);
    var card = this.card();
    if (!card) {
      host.appendChild(el("div", { class: "kb-p-done", tabindex: "-1" }, [
        el("p", { text: this.queue.length ? "Session finished: " + plural(this.done, "card") + " graded." : (this.opts.empty || "No cards to show.") }),
        this.queue.length ? el("button", { type: "button", class: "md-button", text: "Go through them again", onclick: function () {
          self.pos = 0;
          self.done = 0;
          self.shown = false;
          self.render();
          self.focus();
        } }) : null,
      ]));
      return;
    }
    var deck = this.ctx.deck;
    var state = stateOf(this.ctx.progress, card);
    var status = KBSrs.status(state);
    var label = "Card " + (this.pos + 1) + " of " + this.queue.length;
    var meta = [topicName(deck, card.topic) || sectionName(deck, card.section), status === "new" ? "new" : (KBSrs.isDue(state) ? "due" : status)];
    var front = el("div", { class: "kb-p-front" }, [el("p", { class: "kb-p-text", text: card.front })]);
    if (card.kind === "choice" && card.options.length) {
      front.appendChild(el("ol", { class: "kb-p-optlist", type: "A" }, card.options.map(function (o) { return el("li", { text: o }); })));
    }
    var back = el("div", { class: "kb-p-back", hidden: !this.shown }, [
      el("p", { class: "kb-p-label", text: "Answer" }),
      el("p", { class: "kb-p-text", text: card.back }),
      card.explain ? el("p", { class: "kb-p-explain", text: card.explain }) : null,
      card.source ? el("p", { class: "kb-p-source", text: "From " + card.source }) : null,
    ]);
    var box = el("div", {
      class: "kb-p-card", tabindex: "-1", role: "group", "aria-roledescription": "flashcard", "aria-label": label,
    }, [el("p", { class: "kb-p-meta" }, [el("span", { text: label }), el("span", { text: meta.join(" · ") })]), front, back]);
    host.appendChild(box);
    var actions = el("div", { class: "kb-p-actions" });
    if (!this.shown) {
      actions.appendChild(el("button", {
        type: "button", class: "md-button md-button--primary kb-p-show", "aria-keyshortcuts": "Space",
        onclick: function () { self.show(); },
      }, ["Show answer ", el("kbd", { "aria-hidden": "true", text: "Space" })]));
    } else {
      var grades = el("div", { class: "kb-p-grades", role: "group", "aria-label": "How well did you know it?" });
      KBSrs.GRADES.forEach(function (g, i) {
        var days = KBSrs.nextInterval(state || KBSrs.newState(), g);
        grades.appendChild(el("button", {
          type: "button", class: "md-button kb-p-grade kb-p-grade--" + g, "data-grade": g,
          "aria-keyshortcuts": String(i + 1), "aria-label": GRADE_LABELS[g] + ": see it again in " + KBSrs.describe(days),
          onclick: function () { self.grade(g); },
        }, [el("kbd", { "aria-hidden": "true", text: String(i + 1) }), el("span", { text: GRADE_LABELS[g] }),
          el("small", { "aria-hidden": "true", text: KBSrs.describe(days) })]));
      });
      actions.appendChild(grades);
    }
    actions.appendChild(el("div", { class: "kb-p-nav" }, [
      el("button", { type: "button", class: "md-button kb-p-prev", "aria-label": "Previous card", "aria-keyshortcuts": "ArrowLeft", disabled: this.pos === 0, onclick: function () { self.move(-1); } }, ["←"]),
      el("button", { type: "button", class: "md-button kb-p-next", "aria-label": "Next card", "aria-keyshortcuts": "ArrowRight", onclick: function () { self.move(1); } }, ["→"]),
    ]));
    host.appendChild(actions);
  };

  FlashcardSession.prototype.focus = function () {
    var target = this.host.querySelector(".kb-p-card, .kb-p-done");
    if (target) target.focus({ preventScroll: true });
  };

  FlashcardSession.prototype.show = function () {
    if (!this.card() || this.shown) return;
    this.shown = true;
    this.render();
    this.focus();
    this.ctx.announce("Answer: " + this.card().back);
  };

  FlashcardSession.prototype.grade = function (grade) {
    var card = this.card();
    if (!card || !this.shown) return;
    var next = KBSrs.review(stateOf(this.ctx.progress, card), grade);
    this.ctx.progress.cards[card.id] = next;
    this.ctx.save();
    this.done += 1;
    if (grade === "again" && this.queue.indexOf(card, this.pos + 1) < 0) this.queue.push(card); // once more this session
    this.ctx.announce(GRADE_LABELS[grade] + ". Next review in " + KBSrs.describe(next.i) + ".");
    this.pos += 1;
    this.shown = false;
    this.render();
    this.focus();
    if (this.opts.onGrade) this.opts.onGrade();
  };

  FlashcardSession.prototype.move = function (step) {
    var to = this.pos + step;
    if (to < 0 || to > this.queue.length) return;
    this.pos = to;
    this.shown = false;
    this.render();
    this.focus();
  };

  FlashcardSession.prototype.key = function (e) {
    if (e.key === " " || e.key === "Spacebar") {
      if (!this.card()) return false;
      if (!this.shown) this.show();
      return true;
    }
    var n = "1234".indexOf(e.key);
    if (n >= 0 && e.key.length === 1) {
      if (!this.shown) return false;
      this.grade(KBSrs.GRADES[n]);
      return true;
    }
    if (e.key === "ArrowLeft") { this.move(-1); return true; }
    if (e.key === "ArrowRight") { this.move(1); return true; }
    return false;
  };

  // -- a quiz ------------------------------------------------------------------
  function QuizSession(host, cards, ctx, length) {
    this.host = host;
    this.ctx = ctx;
    this.questions = shuffled(cards).slice(0, length);
    this.pos = 0;
    this.score = 0;
    this.picked = -1;
    this.order = [];
    this.render();
  }

  QuizSession.prototype.render = function () {
    var self = this;
    var host = clear(this.host);
    var total = this.questions.length;
    if (!total) {
      host.appendChild(el("p", { class: "kb-p-empty", text: "None of the chosen cards has answer options. Choose more sections or topics." }));
      return;
    }
    if (this.pos >= total) {
      var pct = Math.round((100 * this.score) / total);
      host.appendChild(el("div", { class: "kb-p-card kb-p-result", tabindex: "-1", role: "group", "aria-label": "Quiz result" }, [
        el("p", { class: "kb-p-score", text: "You scored " + this.score + " of " + total + " (" + pct + "%)." }),
        el("p", { text: pct >= 80 ? "Well done." : "Flashcards mode will schedule the cards you find hard: grade them there." }),
        el("button", { type: "button", class: "md-button md-button--primary kb-p-again", text: "New quiz", onclick: function () { self.ctx.restart(); } }),
      ]));
      return;
    }
    var card = this.questions[this.pos];
    var answered = this.picked >= 0;
    var label = "Question " + (this.pos + 1) + " of " + total;
    var list = el("ol", { class: "kb-p-choices" });
    card.options.forEach(function (option, i) {
      var state = !answered ? "" : i === card.answer ? " kb-p-choice--right" : i === self.picked ? " kb-p-choice--wrong" : "";
      list.appendChild(el("li", {}, [el("button", {
        type: "button", class: "kb-p-choice" + state, "data-option": i, disabled: answered,
        "aria-keyshortcuts": String(i + 1), "aria-pressed": answered ? String(i === self.picked) : null,
        onclick: function () { self.pick(i); },
      }, [el("kbd", { "aria-hidden": "true", text: String(i + 1) }), el("span", { text: option })])]));
    });
    var box = el("div", { class: "kb-p-card", tabindex: "-1", role: "group", "aria-label": label }, [
      el("p", { class: "kb-p-meta" }, [el("span", { text: label }), el("span", { class: "kb-p-tally", text: "Score " + this.score })]),
      el("p", { class: "kb-p-text kb-p-question", text: card.front }),
      list,
    ]);
    if (answered) {
      var right = this.picked === card.answer;
      box.appendChild(el("p", { class: "kb-p-feedback kb-p-feedback--" + (right ? "right" : "wrong"), role: "status" },
        [right ? "Correct." : "Not quite. The answer is: " + card.options[card.answer]]));
      if (card.explain) box.appendChild(el("p", { class: "kb-p-explain", text: card.explain }));
      if (card.source) box.appendChild(el("p", { class: "kb-p-source", text: "From " + card.source }));
    }
    host.appendChild(box);
    if (answered) {
      host.appendChild(el("div", { class: "kb-p-actions" }, [el("button", {
        type: "button", class: "md-button md-button--primary kb-p-next", "aria-keyshortcuts": "ArrowRight Enter",
        text: this.pos + 1 < total ? "Next question" : "See your score", onclick: function () { self.next(); },
      })]));
    }
  };

  QuizSession.prototype.focus = function () {
    var target = this.host.querySelector(".kb-p-card");
    if (target) target.focus({ preventScroll: true });
  };

  QuizSession.prototype.pick = function (i) {
    var card = this.questions[this.pos];
    if (!card || this.picked >= 0 || i < 0 || i >= card.options.length) return;
    this.picked = i;
    if (i === card.answer) this.score += 1;
    this.render();
    this.focus();
  };

  QuizSession.prototype.next = function () {
    if (this.picked < 0) return;
    this.pos += 1;
    this.picked = -1;
    this.render();
    this.focus();
  };

  QuizSession.prototype.key = function (e) {
    var card = this.questions[this.pos];
    if (!card) return false;
    var n = "123456789".indexOf(e.key);
    if (n >= 0 && e.key.length === 1 && this.picked < 0) {
      if (n < card.options.length) this.pick(n);
      return true;
    }
    if ((e.key === "ArrowRight" || e.key === "Enter") && this.picked >= 0) {
      this.next();
      return true;
    }
    return false;
  };

  // -- shared context: the deck, the progress and the message line -------------
  function context(root, deck) {
    var loaded = readProgress();
    var status = el("p", { class: "kb-p-message", role: "status", "aria-live": "polite", hidden: !loaded.message, text: loaded.message });
    var live = el("p", { class: "kb-p-sr", "aria-live": "polite" });
    root.appendChild(status);
    root.appendChild(live);
    var ctx = {
      deck: deck,
      progress: { cards: loaded.cards },
      save: function () {
        if (!writeProgress(ctx.progress.cards) && loaded.saved) {
          ctx.message("Progress could not be saved in this browser (storage is full or blocked).");
        }
      },
      message: function (text, kind) {
        status.textContent = text;
        status.hidden = !text;
        status.className = "kb-p-message" + (kind ? " kb-p-message--" + kind : "");
      },
      announce: function (text) {
        live.textContent = text;
      },
      reload: function () {
        var again = readProgress();
        ctx.progress.cards = again.cards;
        if (again.message) ctx.message(again.message);
      },
    };
    if (loaded.reset) status.className = "kb-p-message kb-p-message--warn";
    return ctx;
  }

  // -- the Practice page -------------------------------------------------------
  function PracticeApp(root, deck) {
    this.root = root;
    this.deck = deck;
    this.ctx = context(root, deck);
    var params = new URLSearchParams(window.location.search);
    var topic = params.get("topic") || "";
    this.topic = deck.topics[topic] || deck.cards.some(function (c) { return c.topic === topic; }) ? topic : "";
    this.sections = {};
    var self = this;
    this.sectionKeys().forEach(function (k) { self.sections[k] = true; });
    var mode = params.get("mode");
    this.mode = MODES.some(function (m) { return m[0] === mode; }) ? mode : "flashcards";
    this.quizLength = 10;
    this.build();
  }

  PracticeApp.prototype.sectionKeys = function () {
    var keys = [];
    var known = Object.keys(this.deck.sections);
    known.forEach(function (k) { keys.push(k); });
    this.deck.cards.forEach(function (c) { if (keys.indexOf(c.section) < 0) keys.push(c.section); });
    var deck = this.deck;
    return keys.filter(function (k) { return deck.cards.some(function (c) { return c.section === k; }); });
  };

  PracticeApp.prototype.chosen = function () {
    var self = this;
    return this.deck.cards.filter(function (c) {
      return self.topic ? c.topic === self.topic : self.sections[c.section];
    });
  };

  PracticeApp.prototype.build = function () {
    var self = this;
    var deck = this.deck;
    var uid = "kb-p-" + Math.random().toString(36).slice(2, 8);
    // Which cards: sections, or one topic.
    var boxes = el("fieldset", { class: "kb-p-sections" }, [el("legend", { text: "Sections" })]);
    this.sectionKeys().forEach(function (k) {
      var n = deck.cards.filter(function (c) { return c.section === k; }).length;
      var id = uid + "-s-" + (k || "other");
      boxes.appendChild(el("span", { class: "kb-p-check" }, [
        el("input", { type: "checkbox", id: id, "data-section": k, checked: self.sections[k], onchange: function (e) {
          self.sections[k] = e.target.checked;
          self.refresh();
        } }),
        el("label", { for: id, text: sectionName(deck, k) + " (" + n + ")" }),
      ]));
    });
    var select = el("select", { id: uid + "-topic", class: "kb-p-topic", onchange: function (e) {
      self.topic = e.target.value;
      self.refresh();
    } }, [el("option", { value: "", text: "All topics in the chosen sections" })]);
    this.sectionKeys().forEach(function (k) {
      var slugs = [];
      deck.cards.forEach(function (c) { if (c.section === k && c.topic && slugs.indexOf(c.topic) < 0) slugs.push(c.topic); });
      if (!slugs.length) return;
      slugs.sort(function (a, b) { return topicName(deck, a).localeCompare(topicName(deck, b)); });
      var group = el("optgroup", { label: sectionName(deck, k) });
      slugs.forEach(function (s) {
        var n = deck.cards.filter(function (c) { return c.topic === s; }).length;
        group.appendChild(el("option", { value: s, selected: s === self.topic, text: topicName(deck, s) + " (" + n + ")" }));
      });
      select.appendChild(group);
    });
    this.summary = el("p", { class: "kb-p-summary", "aria-live": "polite" });
    var filter = el("div", { class: "kb-p-filter" }, [
      boxes,
      el("p", { class: "kb-p-topicrow" }, [el("label", { for: uid + "-topic", text: "Topic " }), select]),
      this.summary,
    ]);
    // Modes.
    this.modeButtons = {};
    var modes = el("div", { class: "kb-p-modes", role: "group", "aria-label": "Mode" });
    MODES.forEach(function (m) {
      var b = el("button", { type: "button", class: "md-button kb-p-mode", "data-mode": m[0], "aria-pressed": String(self.mode === m[0]),
        "aria-controls": uid + "-panel", text: m[1], onclick: function () { self.setMode(m[0]); } });
      self.modeButtons[m[0]] = b;
      modes.appendChild(b);
    });
    this.panel = el("div", { class: "kb-p-panel", id: uid + "-panel" });
    this.root.appendChild(filter);
    this.root.appendChild(modes);
    this.root.appendChild(this.panel);
    this.refresh();
  };

  PracticeApp.prototype.setMode = function (mode) {
    this.mode = mode;
    var self = this;
    Object.keys(this.modeButtons).forEach(function (m) { self.modeButtons[m].setAttribute("aria-pressed", String(m === mode)); });
    this.refresh();
    if (this.session && this.session.focus) this.session.focus();
  };

  PracticeApp.prototype.refresh = function () {
    var self = this;
    var ctx = this.ctx;
    var cards = this.chosen();
    var today = KBSrs.today();
    var c = counts(cards, ctx.progress, today);
    this.summary.textContent = plural(cards.length, "card") + " chosen: " + c.new + " new, " + c.learning + " learning, " +
      c.mastered + " mastered; " + c.due + " due today.";
    var panel = clear(this.panel);
    this.session = null;
    ctx.restart = function () { self.refresh(); if (self.session) self.session.focus(); };
    if (this.mode === "flashcards") {
      this.session = new FlashcardSession(el("div", { class: "kb-p-session" }), studyOrder(cards, ctx.progress, today), ctx,
        { empty: "No cards in the chosen sections or topic.", onGrade: function () { self.updateSummary(); } });
    } else if (this.mode === "due") {
      var due = dueCards(cards, ctx.progress, today);
      this.session = new FlashcardSession(el("div", { class: "kb-p-session" }), due, ctx, {
        empty: "Nothing is due today in the chosen cards. " + (c.new ? plural(c.new, "new card") + " wait in Flashcards mode." : ""),
        onGrade: function () { self.updateSummary(); },
      });
    } else if (this.mode === "quiz") {
      var choice = cards.filter(function (x) { return x.options.length >= 2; });
      var lengthId = "kb-p-qlen-" + Math.random().toString(36).slice(2, 8);
      var length = el("select", { id: lengthId, class: "kb-p-qlen", onchange: function (e) {
        self.quizLength = parseInt(e.target.value, 10) || 10;
        self.refresh();
      } }, [5, 10, 20, 50].map(function (n) { return el("option", { value: n, selected: n === self.quizLength, text: String(n) }); }));
      panel.appendChild(el("p", { class: "kb-p-quizbar" }, [
        el("label", { for: lengthId, text: "Questions per quiz " }), length,
        el("span", { text: " · " + plural(choice.length, "question") + " available" }),
      ]));
      this.session = new QuizSession(el("div", { class: "kb-p-session" }), choice, ctx, this.quizLength);
    } else {
      this.renderProgress(panel);
      return;
    }
    panel.appendChild(this.session.host);
  };

  PracticeApp.prototype.updateSummary = function () {
    var c = counts(this.chosen(), this.ctx.progress, KBSrs.today());
    this.summary.textContent = plural(c.total, "card") + " chosen: " + c.new + " new, " + c.learning + " learning, " +
      c.mastered + " mastered; " + c.due + " due today.";
  };

  PracticeApp.prototype.renderProgress = function (panel) {
    var self = this;
    var deck = this.deck;
    var ctx = this.ctx;
    var today = KBSrs.today();
    var rows = this.sectionKeys().map(function (k) {
      var c = counts(deck.cards.filter(function (x) { return x.section === k; }), ctx.progress, today);
      return el("tr", { "data-section": k }, [el("th", { scope: "row", text: sectionName(deck, k) }),
        el("td", { text: String(c.new) }), el("td", { text: String(c.learning) }), el("td", { text: String(c.mastered) }),
        el("td", { text: String(c.due) }), el("td", { text: String(c.total) })]);
    });
    var all = counts(deck.cards, ctx.progress, today);
    var table = el("table", {}, [ // no class: Material styles only tables without one
      el("caption", { text: "Your cards by section" }),
      el("thead", {}, [el("tr", {}, ["Section", "New", "Learning", "Mastered", "Due today", "Total"].map(function (h) {
        return el("th", { scope: "col", text: h });
      }))]),
      el("tbody", {}, rows),
      el("tfoot", {}, [el("tr", { "data-section": "*" }, [el("th", { scope: "row", text: "All" }), el("td", { text: String(all.new) }),
        el("td", { text: String(all.learning) }), el("td", { text: String(all.mastered) }), el("td", { text: String(all.due) }),
        el("td", { text: String(all.total) })])]),
    ]);
    panel.appendChild(el("div", { class: "md-typeset__scrollwrap kb-p-progress" }, [el("div", { class: "md-typeset__table" }, [table])]));
    panel.appendChild(el("p", { class: "kb-p-legend", text: "New: never graded. Learning: graded, next review less than three weeks away. " +
      "Mastered: next review three weeks or more away. Due today: the schedule says review it now (Review due mode)." }));
    var fileId = "kb-p-import-" + Math.random().toString(36).slice(2, 8);
    var input = el("input", { type: "file", id: fileId, class: "kb-p-file", accept: ".json,application/json", onchange: function (e) {
      var file = e.target.files && e.target.files[0];
      if (file) self.importFile(file);
      e.target.value = "";
    } });
    var confirmRow = el("p", { class: "kb-p-confirm", hidden: true }, [
      el("span", { text: "Delete all practice progress kept in this browser? " }),
      el("button", { type: "button", class: "md-button kb-p-reset-yes", text: "Yes, reset", onclick: function () { self.reset(); } }),
      " ",
      el("button", { type: "button", class: "md-button kb-p-reset-no", text: "Cancel", onclick: function () {
        confirmRow.hidden = true;
        resetButton.focus();
      } }),
    ]);
    var resetButton = el("button", { type: "button", class: "md-button kb-p-reset", text: "Reset progress…", onclick: function () {
      confirmRow.hidden = false;
      confirmRow.querySelector(".kb-p-reset-no").focus();
    } });
    panel.appendChild(el("div", { class: "kb-p-tools" }, [
      el("p", { text: "Progress is kept in this browser only. Export it to a file to keep a copy or to move it to another browser." }),
      el("p", { class: "kb-p-buttons" }, [
        el("button", { type: "button", class: "md-button kb-p-export", text: "Export progress", onclick: function () { self.exportFile(); } }),
        " ",
        el("label", { for: fileId, class: "md-button kb-p-import" }, ["Import progress…", input]),
        " ",
        resetButton,
      ]),
      confirmRow,
    ]));
  };

  PracticeApp.prototype.exportFile = function () {
    var data = { format: FORMAT, version: VERSION, exported: new Date().toISOString(), cards: this.ctx.progress.cards };
    var blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: "kb-practice-progress-" + new Date().toISOString().slice(0, 10) + ".json", hidden: true });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
    this.ctx.message("Progress exported for " + plural(Object.keys(data.cards).length, "card") + ".");
  };

  PracticeApp.prototype.importFile = function (file) {
    var self = this;
    file.text().then(function (text) {
      var data = null;
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = null;
      }
      if (!data || data.format !== FORMAT || data.version !== VERSION || !validCards(data.cards)) {
        self.ctx.message("That file is not a progress export of this site, so nothing was changed.", "warn");
        return;
      }
      self.ctx.progress.cards = data.cards;
      self.ctx.save();
      self.refresh();
      self.ctx.message("Imported progress for " + plural(Object.keys(data.cards).length, "card") + ".");
    }, function () {
      self.ctx.message("The file could not be read, so nothing was changed.", "warn");
    });
  };

  PracticeApp.prototype.reset = function () {
    this.ctx.progress.cards = {};
    this.ctx.save();
    this.refresh();
    this.ctx.message("Progress reset: every card is new again.");
    var button = this.panel.querySelector(".kb-p-reset");
    if (button) button.focus();
  };

  PracticeApp.prototype.key = function (e) {
    return this.session && this.session.key ? this.session.key(e) : false;
  };

  // -- the Test yourself block on a topic page -----------------------------------
  function TopicWidget(root, deck) {
    this.root = root;
    var slug = root.getAttribute("data-topic") || "";
    var cards = deck.cards.filter(function (c) { return c.topic === slug; });
    var ctx = context(root, deck);
    var c = counts(cards, ctx.progress, KBSrs.today());
    root.appendChild(el("p", { class: "kb-p-summary", text: plural(cards.length, "card") + " on this topic: " + c.new + " new, " +
      c.learning + " learning, " + c.mastered + " mastered; " + c.due + " due today." }));
    this.session = new FlashcardSession(el("div", { class: "kb-p-session" }), studyOrder(cards, ctx.progress, KBSrs.today()), ctx,
      { empty: "No cards on this topic." });
    root.appendChild(this.session.host);
    var practice = root.getAttribute("data-practice");
    if (practice) {
      root.appendChild(el("p", { class: "kb-p-more" }, [el("a", { href: practice, text: "Quiz and review this topic on the Practice page" })]));
    }
  }

  TopicWidget.prototype.key = function (e) {
    return this.session.key(e);
  };

  // -- mounting and the keyboard ----------------------------------------------------
  function mount(root) {
    if (root.getAttribute("data-kb-mounted")) return;
    root.setAttribute("data-kb-mounted", "1");
    var url = new URL(root.getAttribute("data-cards") || "data/cards.json", window.location.href).href;
    loadDeck(url).then(function (deck) {
      clear(root);
      var widget = root.getAttribute("data-kb-practice") === "app" ? new PracticeApp(root, deck) : new TopicWidget(root, deck);
      widgets.push(widget);
      root.setAttribute("data-kb-ready", "1");
    }).catch(function (err) {
      clear(root).appendChild(el("p", { class: "kb-p-message kb-p-message--warn", role: "alert",
        text: "The cards could not be loaded (" + (err && err.message ? err.message : "unknown error") + "). Reload the page to try again." }));
      root.removeAttribute("data-kb-mounted");
    });
  }

  function mountAll() {
    widgets = widgets.filter(function (w) { return w.root.isConnected; });
    if (typeof KBSrs === "undefined") return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-kb-practice]"), mount);
  }

  // The widget a key press is for: the one holding the focus, else the Practice page's own.
  function widgetFor(target) {
    var live = widgets.filter(function (w) { return w.root.isConnected; });
    for (var i = 0; i < live.length; i++) if (live[i].root.contains(target)) return live[i];
    if (target === document.body || target === document.documentElement || !target) {
      return live.filter(function (w) { return w instanceof PracticeApp; })[0] || null;
    }
    return null;
  }

  function onKey(e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && t.closest && t.closest("input, select, textarea, [contenteditable], .md-search")) return;
    var w = widgetFor(t);
    if (!w) return;
    var tag = t && t.tagName;
    if ((e.key === " " || e.key === "Enter") && (tag === "BUTTON" || tag === "A" || tag === "SUMMARY" || tag === "LABEL")) return;
    if (w.key(e)) e.preventDefault();
  }

  function onStorage(e) {
    if (e.key !== STORE_KEY) return;
    widgets.forEach(function (w) {
      var ctx = w.ctx || (w.session && w.session.ctx);
      if (ctx) ctx.reload();
    });
  }

  document.addEventListener("keydown", onKey);
  window.addEventListener("storage", onStorage);
  if (typeof document$ !== "undefined" && document$ && typeof document$.subscribe === "function") {
    document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
