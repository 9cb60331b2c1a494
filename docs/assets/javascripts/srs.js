// SM-2 spaced repetition (P. Wozniak, SuperMemo 2, 1987), scheduled per card in whole days.
// Plain script: in a browser it defines window.KBSrs; under Node, require() returns the same API.
(function (root) {
  "use strict";

  // The four buttons and the SM-2 quality (0–5) each one stands for: below 3 is a lapse.
  var GRADES = ["again", "hard", "good", "easy"];
  var QUALITY = { again: 1, hard: 3, good: 4, easy: 5 };
  var START_EF = 2.5; // SM-2's starting easiness factor
  var MIN_EF = 1.3; // SM-2's floor: below it, cards come back too often
  var MASTERED_DAYS = 21; // an interval of three weeks or more counts as mastered (Anki's "mature")
  var MAX_DAYS = 36500; // a hundred years: anything longer is not a real schedule
  var DAY_MS = 86400000;

  // Today's day number in the reader's own time zone (days since 1970-01-01).
  function today(date) {
    var d = date || new Date();
    return Math.floor((d.getTime() - d.getTimezoneOffset() * 60000) / DAY_MS);
  }

  function newState() {
    return { n: 0, ef: START_EF, i: 0, due: null, r: 0, l: 0, t: null };
  }

  function nextEf(ef, q) {
    var next = ef + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
    return Math.max(MIN_EF, Math.round(next * 1000) / 1000);
  }

  // The interval SM-2 gives after this grade: 1 day, then 6, then the last interval times EF.
  function nextInterval(state, grade) {
    var q = QUALITY[grade];
    if (q < 3 || state.n === 0) return 1;
    if (state.n === 1) return 6;
    return Math.min(MAX_DAYS, Math.max(1, Math.round(state.i * state.ef)));
  }

  // One review: the card's new state after `grade` on day `day` (the input is not changed).
  function review(state, grade, day) {
    if (!(grade in QUALITY)) throw new Error("unknown grade " + grade);
    var s = state || newState();
    var q = QUALITY[grade];
    var interval = nextInterval(s, grade);
    var d = typeof day === "number" ? day : today();
    return {
      n: q < 3 ? 0 : s.n + 1,
      ef: nextEf(s.ef, q),
      i: interval,
      due: d + interval,
      r: s.r + 1,
      l: s.l + (q < 3 && s.r > 0 ? 1 : 0),
      t: d,
    };
  }

  function status(state) {
    if (!state || !state.r) return "new";
    return state.i >= MASTERED_DAYS ? "mastered" : "learning";
  }

  function isDue(state, day) {
    return !!state && state.r > 0 && state.due <= (typeof day === "number" ? day : today());
  }

  // "1 day", "6 days", "3 months": how an interval reads on a grade button.
  function describe(days) {
    if (days < 30) return days + (days === 1 ? " day" : " days");
    if (days < 365) return Math.round(days / 30) + (Math.round(days / 30) === 1 ? " month" : " months");
    var years = Math.round(days / 36.5) / 10;
    return years + (years === 1 ? " year" : " years");
  }

  function isCount(x, max) {
    return typeof x === "number" && x % 1 === 0 && x >= 0 && x <= max;
  }

  // A stored card state is usable only if every field has the type and range SM-2 gives it.
  function validState(s) {
    if (!s || typeof s !== "object" || Array.isArray(s)) return false;
    if (!isCount(s.n, 100000) || !isCount(s.r, 100000) || !isCount(s.l, 100000) || !isCount(s.i, MAX_DAYS)) return false;
    if (typeof s.ef !== "number" || !(s.ef >= MIN_EF) || s.ef > 10) return false;
    if (s.r === 0) return s.due === null && s.t === null;
    return isCount(s.due, 10000000) && isCount(s.t, 10000000) && s.n <= s.r;
  }

  var api = {
    GRADES: GRADES,
    QUALITY: QUALITY,
    START_EF: START_EF,
    MIN_EF: MIN_EF,
    MASTERED_DAYS: MASTERED_DAYS,
    today: today,
    newState: newState,
    nextInterval: nextInterval,
    review: review,
    status: status,
    isDue: isDue,
    describe: describe,
    validState: validState,
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.KBSrs = api;
})(this);
