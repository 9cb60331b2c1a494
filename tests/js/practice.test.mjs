// Pure parts of the practice modules: the exam's draw and score, stored progress (upgrade, import,
// export reminder), and all-or-nothing scoring of multiple-answer questions.
import test from "node:test";
import assert from "node:assert/strict";
import { allocate, drawQuestions, scaledScore } from "../../docs/assets/javascripts/practice-exam.js";
import { exportDue, importText, upgrade, FORMAT } from "../../docs/assets/javascripts/practice-store.js";
import { isRight, chooseText } from "../../docs/assets/javascripts/practice-quiz.js";
import { answersOf, cleanDeck, FALLBACK_EXAMS, kindName, siteRoot } from "../../docs/assets/javascripts/practice-deck.js";
import * as srs from "../../docs/assets/javascripts/srs.js";

const DAY = 86400000;
const MLA = FALLBACK_EXAMS.exams[0];

test("the fallback blueprint is MLA-C01's: 65 questions, 130 minutes, 720 to pass, weights 28/26/22/24", () => {
  assert.deepEqual([MLA.code, MLA.questions, MLA.minutes, MLA.passing], ["MLA-C01", 65, 130, 720]);
  assert.deepEqual(MLA.domains.map((d) => d.weight), [28, 26, 22, 24]);
});

test("questions are allocated to domains by weight, summing to the length", () => {
  assert.deepEqual(allocate(MLA.domains, 65), [18, 17, 14, 16]);
  assert.deepEqual(allocate(MLA.domains, 10), [3, 3, 2, 2]);
  assert.equal(allocate(MLA.domains, 7).reduce((a, b) => a + b), 7);
});

test("a draw follows the weights when each domain has questions, and fills from the rest when not", () => {
  const card = (id, d) => ({ id, options: ["a", "b"], answers: [0], domain: d ? { "MLA-C01": d } : {} });
  const cards = [];
  for (const d of ["1", "2", "3", "4"]) for (let k = 0; k < 20; k++) cards.push(card(d + "-" + k, d));
  const drawn = drawQuestions(cards, MLA, 65, () => 0.42);
  const per = (d) => drawn.filter((c) => c.domain["MLA-C01"] === d).length;
  assert.deepEqual(["1", "2", "3", "4"].map(per), [18, 17, 14, 16]);
  const few = [card("x1", "1"), card("x2", null), card("x3", null)];
  assert.equal(drawQuestions(few, MLA, 10).length, 3); // never more than there are
  assert.equal(new Set(drawQuestions(cards, MLA, 65).map((c) => c.id)).size, 65); // no repeats
});

test("the scaled score runs from 100 to 1000", () => {
  assert.deepEqual([scaledScore(0, 10), scaledScore(10, 10), scaledScore(7, 10)], [100, 1000, 730]);
});

test("a multiple-answer question counts only when exactly the right options are picked", () => {
  const card = { options: ["a", "b", "c", "d"], answers: [0, 2] };
  assert.equal(isRight(card, [2, 0]), true);
  assert.equal(isRight(card, [0]), false);
  assert.equal(isRight(card, [0, 1, 2]), false);
  assert.equal(chooseText(card), "Choose two.");
  assert.deepEqual(answersOf({ answer: [2, 0] }, 4), [0, 2]);
  assert.deepEqual(answersOf({ answer: 1 }, 4), [1]);
  assert.deepEqual(answersOf({ answer: [0, 9] }, 4), []); // an index out of range: no answer
  const deck = cleanDeck({ cards: [{ id: "abcdef", front: "q", back: "b", options: ["a", "b", "c"], answer: [0, 1],
    domain: { "MLA-C01": "2", bad: 3 }, image: "media/x.png" }] });
  assert.deepEqual(deck.cards[0].answers, [0, 1]);
  assert.deepEqual(deck.cards[0].domain, { "MLA-C01": "2" });
  assert.equal(cleanDeck({ cards: [{ id: "abcdef", front: "q", back: "b", image: "https://x/y.png" }] }).cards[0].image, "");
});

test("a card's kind label is read from cards.json's kinds, not written in the code", () => {
  const deck = cleanDeck({ kinds: { acronym: "Acronym", cloze: "Cloze" }, cards: [{ id: "abcdef", front: "q", back: "b", kind: "acronym" }] });
  assert.equal(kindName(deck, deck.cards[0].kind), "Acronym");
  assert.equal(kindName(deck, "term"), ""); // a kind the file does not label shows no label
  assert.equal(kindName(cleanDeck({ kinds: ["x"], cards: [] }), "x"), ""); // a malformed map is ignored
});

test("SM-2 progress (version 1) is upgraded card by card; damaged data is refused", () => {
  const up = upgrade({ version: 1, cards: { abcdef: { n: 2, ef: 2.5, i: 6, due: 20000, r: 2, l: 0, t: 19994 },
    bcdefa: { n: 0, ef: 2.5, i: 0, due: null, r: 0, l: 0, t: null } } });
  assert.deepEqual(Object.keys(up.cards), ["abcdef"]);
  assert.ok(srs.validState(up.cards.abcdef));
  assert.equal(up.migrated, 1);
  assert.equal(upgrade({ version: 1, cards: { abcdef: { n: "x" } } }), null);
  assert.equal(upgrade({ version: 2, cards: { "not an id": srs.review(null, "good").state } }), null);
  assert.equal(upgrade({ version: 3, cards: {} }), null);
});

test("an export file is read back; anything else is refused", () => {
  const state = srs.review(null, "easy", Date.UTC(2026, 0, 5)).state;
  const file = JSON.stringify({ format: FORMAT, version: 2, cards: { abcdef: state }, settings: { retention: 0.85, newPerDay: 5 } });
  const back = importText(file);
  assert.deepEqual(back.cards, { abcdef: state });
  assert.deepEqual(back.settings, { retention: 0.85, newPerDay: 5, reviewsPerDay: 200 });
  assert.equal(importText('{"format": "other", "version": 2, "cards": {}}'), null);
  assert.equal(importText("{oops"), null);
});

test("the export reminder comes after 14 days without an export", () => {
  const now = Date.UTC(2026, 5, 1);
  const p = { cards: { abcdef: {} }, exams: [], started: now - 20 * DAY, exported: null };
  assert.equal(exportDue(p, now), true);
  assert.equal(exportDue({ ...p, exported: now - 3 * DAY }, now), false);
  assert.equal(exportDue({ ...p, started: now - 3 * DAY }, now), false);
  assert.equal(exportDue({ ...p, cards: {} }, now), false); // nothing to lose
});

test("a cards file's site root is the folder above its data/ folder, whichever file it is", () => {
  assert.equal(siteRoot("http://127.0.0.1:8000/repo/data/cards.json"), "http://127.0.0.1:8000/repo/");
  assert.equal(siteRoot("http://127.0.0.1:8000/repo/data/cards/amazon-s3.json"), "http://127.0.0.1:8000/repo/");
  assert.equal(siteRoot("https://user.github.io/data/cards/x.json"), "https://user.github.io/");
});
