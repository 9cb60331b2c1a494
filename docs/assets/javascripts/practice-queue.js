// Which card comes next: Anki's daily queue over FSRS states (pure functions, no DOM).
import { dayNumber, isDue, isLearning, status, STATE } from "./srs.js";

export const DEFAULT_SETTINGS = { retention: 0.9, newPerDay: 20, reviewsPerDay: 200 };

export function dayCounts(progress, day) {
  return (progress.days && progress.days[day]) || { r: 0, n: 0, rv: 0 };
}

// Spread new cards evenly among the reviews (Anki's "mix new cards and reviews"); a due review
// comes first, so that opening the day's queue starts with what the schedule asked for.
export function interleave(reviews, fresh) {
  if (reviews.length && fresh.length) return [reviews[0]].concat(spread(reviews.slice(1), fresh));
  return reviews.concat(fresh);
}

function spread(reviews, fresh) {
  const total = reviews.length + fresh.length;
  const out = [];
  let r = 0;
  let n = 0;
  for (let k = 0; k < total; k++) {
    const wantNew = n < fresh.length && (r >= reviews.length || (n + 0.5) * total <= (k + 1) * fresh.length);
    out.push(wantNew ? fresh[n++] : reviews[r++]);
  }
  return out;
}

// Today's review cards and new cards, within the daily limits, interleaved (card objects in, card objects out).
export function todayQueue(cards, progress, now, settings) {
  const s = Object.assign({}, DEFAULT_SETTINGS, settings || {});
  const today = dayCounts(progress, dayNumber(now));
  const newLeft = Math.max(0, s.newPerDay - (today.n || 0));
  const reviewsLeft = Math.max(0, s.reviewsPerDay - (today.rv || 0));
  const reviews = [];
  const fresh = [];
  for (const card of cards) {
    const st = progress.cards[card.id];
    if (!st) fresh.push(card);
    else if (st.st === STATE.review && isDue(st, now)) reviews.push(card);
  }
  reviews.sort((a, b) => progress.cards[a.id].due - progress.cards[b.id].due);
  return interleave(reviews.slice(0, reviewsLeft), fresh.slice(0, newLeft));
}

// The next card of a session: a learning step that has come due, else the next of today's queue
// still to do, else a learning step within the learn-ahead limit; null when nothing is left now.
export function pickNext(cards, progress, pending, now) {
  const learning = cards.filter((c) => isLearning(progress.cards[c.id]) && !progress.cards[c.id].sus)
    .sort((a, b) => progress.cards[a.id].due - progress.cards[b.id].due);
  if (learning.length && progress.cards[learning[0].id].due <= now) return learning[0];
  for (const card of pending) {
    const st = progress.cards[card.id];
    if (!st || (st.st === STATE.review && isDue(st, now))) return card;
  }
  if (learning.length && isDue(progress.cards[learning[0].id], now)) return learning[0];
  return null;
}

// The learning cards waiting for a later step today: when the first one comes back.
export function nextLearningDue(cards, progress) {
  let first = Infinity;
  for (const c of cards) {
    const st = progress.cards[c.id];
    if (isLearning(st) && !st.sus) first = Math.min(first, st.due);
  }
  return first === Infinity ? null : first;
}

export function counts(cards, progress, now) {
  const out = { new: 0, learning: 0, mastered: 0, suspended: 0, due: 0, total: cards.length };
  for (const c of cards) {
    const st = progress.cards[c.id];
    out[status(st)] += 1;
    if (isDue(st, now)) out.due += 1;
  }
  return out;
}

// Record one review in the day's counters (r: reviews, n: new cards started, rv: reviews of review cards).
export function countReview(progress, before, now) {
  const day = dayNumber(now);
  progress.days = progress.days || {};
  const c = Object.assign({ r: 0, n: 0, rv: 0 }, progress.days[day]);
  c.r += 1;
  if (!before) c.n += 1;
  else if (before.st === STATE.review) c.rv += 1;
  progress.days[day] = c;
}

// Reviews falling due on each of the next `days` days (day 0 is today, overdue included).
export function forecast(cards, progress, now, days) {
  const out = new Array(days).fill(0);
  const today = dayNumber(now);
  for (const c of cards) {
    const st = progress.cards[c.id];
    if (!st || !st.r || st.sus) continue;
    const k = Math.max(0, dayNumber(st.due) - today);
    if (k < days) out[k] += 1;
  }
  return out;
}
