// Unit tests of the SM-2 scheduler: intervals and easiness after each grade sequence.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const srs = require("../../docs/assets/javascripts/srs.js");

const DAY = 20000; // a fixed day number, so no test depends on the clock

function run(grades, start) {
  let state = start || srs.newState();
  let day = DAY;
  const seen = [];
  for (const g of grades) {
    state = srs.review(state, g, day);
    seen.push({ i: state.i, ef: state.ef, n: state.n });
    day = state.due; // review on the day it falls due
  }
  return { state, seen };
}

test("good every time: 1, 6, then the interval times EF (2.5)", () => {
  const { seen } = run(["good", "good", "good", "good", "good"]);
  assert.deepEqual(seen.map((x) => x.i), [1, 6, 15, 38, 95]);
  assert.ok(seen.every((x) => x.ef === 2.5));
});

test("easy raises EF by 0.1 each time and the interval uses the EF before the review", () => {
  const { seen } = run(["easy", "easy", "easy", "easy"]);
  assert.deepEqual(seen.map((x) => x.ef), [2.6, 2.7, 2.8, 2.9]);
  assert.deepEqual(seen.map((x) => x.i), [1, 6, 16, 45]);
});

test("hard lowers EF by 0.14 but still counts as recalled", () => {
  const { seen } = run(["hard", "hard", "hard", "hard"]);
  assert.deepEqual(seen.map((x) => x.ef), [2.36, 2.22, 2.08, 1.94]);
  assert.deepEqual(seen.map((x) => x.i), [1, 6, 13, 27]);
  assert.deepEqual(seen.map((x) => x.n), [1, 2, 3, 4]);
});

test("again starts the repetitions over, lowers EF by 0.54 and counts a lapse", () => {
  const { state, seen } = run(["good", "good", "good", "again", "good", "good", "good"]);
  assert.deepEqual(seen.map((x) => x.i), [1, 6, 15, 1, 1, 6, 12]);
  assert.deepEqual(seen.map((x) => x.n), [1, 2, 3, 0, 1, 2, 3]);
  assert.equal(seen[3].ef, 1.96);
  assert.equal(state.l, 1);
  assert.equal(state.r, 7);
});

test("EF never falls below 1.3", () => {
  const { seen } = run(["again", "again", "again", "again", "good", "good", "good"]);
  assert.ok(seen.every((x) => x.ef >= srs.MIN_EF));
  assert.equal(seen[3].ef, 1.3);
  assert.deepEqual(seen.slice(4).map((x) => x.i), [1, 6, 8]);
});

test("a first answer of again is not a lapse", () => {
  assert.equal(srs.review(srs.newState(), "again", DAY).l, 0);
});

test("due date is the review day plus the interval; due means on or after it", () => {
  const s = srs.review(srs.newState(), "good", DAY);
  assert.equal(s.due, DAY + 1);
  assert.equal(srs.isDue(s, DAY), false);
  assert.equal(srs.isDue(s, DAY + 1), true);
  assert.equal(srs.isDue(srs.newState(), DAY + 100), false);
});

test("review does not change the state it is given", () => {
  const s = srs.newState();
  srs.review(s, "easy", DAY);
  assert.deepEqual(s, srs.newState());
});

test("status: new, learning, mastered at 21 days", () => {
  assert.equal(srs.status(null), "new");
  assert.equal(srs.status(srs.newState()), "new");
  const { state } = run(["good", "good", "good"]);
  assert.equal(state.i, 15);
  assert.equal(srs.status(state), "learning");
  assert.equal(srs.status(srs.review(state, "good", state.due)), "mastered");
});

test("nextInterval previews each grade without reviewing", () => {
  const s = run(["good", "good"]).state;
  assert.deepEqual(srs.GRADES.map((g) => srs.nextInterval(s, g)), [1, 15, 15, 15]);
});

test("unknown grades are refused", () => {
  assert.throws(() => srs.review(srs.newState(), "perfect", DAY), /unknown grade/);
});

test("validState accepts what review makes and refuses anything else", () => {
  const good = run(["good", "easy", "hard", "again"]).state;
  assert.equal(srs.validState(good), true);
  assert.equal(srs.validState(srs.newState()), true);
  for (const bad of [null, 3, "x", [], {}, { ...good, ef: 0.5 }, { ...good, i: -1 }, { ...good, due: "soon" },
    { ...good, n: 1.5 }, { ...good, ef: NaN }, { ...good, r: 0 }]) {
    assert.equal(srs.validState(bad), false, JSON.stringify(bad));
  }
});

test("describe reads intervals as days, months, years", () => {
  assert.equal(srs.describe(1), "1 day");
  assert.equal(srs.describe(6), "6 days");
  assert.equal(srs.describe(45), "2 months");
  assert.equal(srs.describe(400), "1.1 years");
});

test("today counts local days", () => {
  const d = new Date(2026, 10, 3, 23, 59);
  const e = new Date(2026, 10, 4, 0, 1);
  assert.equal(srs.today(e) - srs.today(d), 1);
});
