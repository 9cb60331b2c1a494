// FSRS spaced repetition (the scheduler Anki uses by default), from the ts-fsrs library served by the site.
// A card's state is kept in a small plain object (times in ms) so that localStorage holds it as JSON.
import { createEmptyCard, fsrs, generatorParameters, Rating, State } from "../vendor/ts-fsrs/index.mjs";

export const GRADES = ["again", "hard", "good", "easy"];
export const RATING = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
export const STATE = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };
export const DEFAULT_RETENTION = 0.9;
export const LEARNING_STEPS = ["1m", "10m"]; // Anki's default learning steps
export const RELEARNING_STEPS = ["10m"]; // Anki's default relearning step
export const LEECH_LAPSES = 8; // Anki's leech threshold: a card forgotten this often is suspended
export const MASTERED_DAYS = 21; // an interval of three weeks or more counts as mastered (Anki's "mature")
export const LEARN_AHEAD_MS = 20 * 60000; // Anki's learn-ahead limit: a learning step this close counts as due
const MINUTE = 60000;
const DAY_MS = 86400000;
const MAX_DAYS = 36500;

const schedulers = new Map(); // retention → scheduler, built once each

// The FSRS scheduler for a desired retention: Anki's steps, no fuzz (so intervals are reproducible).
export function scheduler(retention = DEFAULT_RETENTION) {
  const r = clampRetention(retention);
  if (!schedulers.has(r)) {
    schedulers.set(r, fsrs(generatorParameters({
      request_retention: r, maximum_interval: MAX_DAYS, enable_fuzz: false, enable_short_term: true,
      learning_steps: LEARNING_STEPS, relearning_steps: RELEARNING_STEPS,
    })));
  }
  return schedulers.get(r);
}

export function clampRetention(x) {
  const n = Number(x);
  return Number.isFinite(n) ? Math.min(0.99, Math.max(0.7, Math.round(n * 100) / 100)) : DEFAULT_RETENTION;
}

// Our stored state ↔ a ts-fsrs card.
export function toCard(state, now) {
  if (!state) return createEmptyCard(new Date(now));
  return {
    due: new Date(state.due), stability: state.s, difficulty: state.d, elapsed_days: state.ed || 0,
    scheduled_days: state.sd || 0, reps: state.r, lapses: state.l, learning_steps: state.step || 0, state: state.st,
    last_review: state.lr ? new Date(state.lr) : undefined,
  };
}

export function fromCard(card, suspended) {
  const out = {
    due: card.due.getTime(), s: card.stability, d: card.difficulty, st: card.state, step: card.learning_steps,
    r: card.reps, l: card.lapses, sd: card.scheduled_days, ed: card.elapsed_days,
    lr: card.last_review ? new Date(card.last_review).getTime() : null,
  };
  if (suspended) out.sus = 1;
  return out;
}

// One review at time `now` (ms): the new state, and whether it just became a leech.
export function review(state, grade, now = Date.now(), retention = DEFAULT_RETENTION) {
  if (!(grade in RATING)) throw new Error("unknown grade " + grade);
  const next = scheduler(retention).next(toCard(state, now), new Date(now), RATING[grade]).card;
  const leech = grade === "again" && next.lapses >= LEECH_LAPSES && (!state || state.l < next.lapses);
  return { state: fromCard(next, leech || !!(state && state.sus)), leech };
}

// What each button would do now: grade → ms until the card comes back.
export function preview(state, now = Date.now(), retention = DEFAULT_RETENTION) {
  const log = scheduler(retention).repeat(toCard(state, now), new Date(now));
  const out = {};
  for (const g of GRADES) out[g] = log[RATING[g]].card.due.getTime() - now;
  return out;
}

// "1 min", "10 min", "3 days", "2.5 months": how an interval reads on a grade button.
export function describe(ms) {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return minutes + " min";
  if (minutes < 1440) return round1(minutes / 60) + " h";
  const days = Math.round(ms / DAY_MS);
  if (days < 30) return days + (days === 1 ? " day" : " days");
  if (days < 365) return unit(round1(days / 30), "month");
  return unit(round1(days / 365), "year");
}

function round1(x) {
  return Math.round(x * 10) / 10;
}

function unit(n, word) {
  return n + " " + word + (n === 1 ? "" : "s");
}

export function status(state) {
  if (!state || !state.r) return "new";
  if (state.sus) return "suspended";
  return state.st === State.Review && state.sd >= MASTERED_DAYS ? "mastered" : "learning";
}

export function isLearning(state) {
  return !!state && (state.st === State.Learning || state.st === State.Relearning);
}

// Due now: a learning step within the learn-ahead limit, or a review whose day has come.
export function isDue(state, now = Date.now()) {
  if (!state || !state.r || state.sus) return false;
  if (isLearning(state)) return state.due <= now + LEARN_AHEAD_MS;
  return dayNumber(state.due) <= dayNumber(now);
}

// Day number in the reader's own time zone (days since 1970-01-01), for "today" and the calendar.
export function dayNumber(ms = Date.now()) {
  const d = new Date(ms);
  return Math.floor((d.getTime() - d.getTimezoneOffset() * MINUTE) / DAY_MS);
}

// Local midnight at the start of a day number, in ms.
export function dayStart(day) {
  const guess = day * DAY_MS;
  return guess + new Date(guess).getTimezoneOffset() * MINUTE;
}

const isCount = (x, max) => typeof x === "number" && x % 1 === 0 && x >= 0 && x <= max;
const isNum = (x, lo, hi) => typeof x === "number" && Number.isFinite(x) && x >= lo && x <= hi;

// A stored state is usable only if every field has the type and range FSRS gives it.
export function validState(s) {
  if (!s || typeof s !== "object" || Array.isArray(s)) return false;
  if (!isCount(s.r, 1e6) || !isCount(s.l, 1e6) || s.l > s.r || !isCount(s.st, 3) || !isCount(s.step, 100)) return false;
  if (!isNum(s.due, 0, 1e14) || !isNum(s.s, 0, 1e6) || !isNum(s.d, 0, 10) || !isNum(s.sd, 0, MAX_DAYS)) return false;
  if (s.ed !== undefined && !isNum(s.ed, 0, 1e6)) return false;
  if (s.sus !== undefined && s.sus !== 1) return false;
  if (s.r === 0) return s.st === State.New;
  return s.st !== State.New && (s.lr === null || isNum(s.lr, 0, 1e14));
}

// A card's SM-2 state (the site's former scheduler, whole days) as an FSRS review state: the
// last interval stands for the stability (at 90% retention FSRS's interval equals it), the
// easiness factor for the difficulty (EF 2.5, SM-2's start, is FSRS's middle 5.5; EF 1.3 is 10).
export function fromSm2(old) {
  if (!old || !old.r) return null;
  const days = Math.max(1, old.i || 1);
  const difficulty = Math.min(10, Math.max(1, 5.5 + (2.5 - (old.ef || 2.5)) * 3.75));
  const lapsed = old.n === 0; // SM-2 put a card graded Again back to 1 day: relearn it
  const lr = dayStart(old.t || 0);
  return {
    due: dayStart(old.due || 0), s: days, d: Math.round(difficulty * 100) / 100, st: lapsed ? State.Relearning : State.Review,
    step: 0, r: old.r, l: Math.min(old.l || 0, old.r), sd: days, ed: 0, lr: lr,
  };
}
