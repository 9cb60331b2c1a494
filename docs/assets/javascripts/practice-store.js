// Practice progress kept in this browser (localStorage): card states, daily counts, settings,
// past mock exams and when it was last exported. Exported to and imported from a JSON file.
import { clampRetention, fromSm2, validState } from "./srs.js";
import { DEFAULT_SETTINGS } from "./practice-queue.js";

export const STORE_KEY = "kb-practice-progress";
export const VERSION = 2; // 1 was SM-2 (whole days); 2 is FSRS
export const FORMAT = "kb-practice-progress"; // marks an exported progress file
export const EXPORT_REMINDER_DAYS = 14;
const ID = /^[0-9a-f]{6,40}$/;
const DAY_MS = 86400000;
const MAX_ATTEMPTS = 50;

export function emptyProgress() {
  return { cards: {}, days: {}, settings: Object.assign({}, DEFAULT_SETTINGS), exams: [], exported: null, started: null };
}

function storage() {
  try {
    const s = window.localStorage;
    s.setItem(STORE_KEY + "-probe", "1");
    s.removeItem(STORE_KEY + "-probe");
    return s;
  } catch (e) {
    return null;
  }
}

const isObj = (x) => !!x && typeof x === "object" && !Array.isArray(x);
const isCount = (x) => typeof x === "number" && x % 1 === 0 && x >= 0 && x < 1e7;

function validCards(cards, check) {
  return isObj(cards) && Object.keys(cards).every((id) => ID.test(id) && check(cards[id]));
}

function validDays(days) {
  return isObj(days) && Object.keys(days).every((d) => /^\d{1,7}$/.test(d) && isObj(days[d]) &&
    ["r", "n", "rv"].every((k) => days[d][k] === undefined || isCount(days[d][k])));
}

function validAttempt(a) {
  return isObj(a) && typeof a.code === "string" && typeof a.at === "number" && a.at > 0 && isCount(a.correct) && isCount(a.total) &&
    a.correct <= a.total && typeof a.score === "number" && isObj(a.domains);
}

function cleanSettings(s) {
  const out = Object.assign({}, DEFAULT_SETTINGS);
  if (!isObj(s)) return out;
  out.retention = clampRetention(s.retention ?? out.retention);
  if (isCount(s.newPerDay) && s.newPerDay <= 9999) out.newPerDay = s.newPerDay;
  if (isCount(s.reviewsPerDay) && s.reviewsPerDay <= 99999) out.reviewsPerDay = s.reviewsPerDay;
  return out;
}

// Stored or imported data of either version, as version 2; null when it is not ours or damaged.
export function upgrade(data) {
  if (!isObj(data)) return null;
  if (data.version === 1) {
    if (!validCards(data.cards, validSm2)) return null;
    const out = emptyProgress();
    for (const [id, old] of Object.entries(data.cards)) {
      const s = fromSm2(old);
      if (s) out.cards[id] = s;
    }
    out.migrated = Object.keys(out.cards).length;
    return out;
  }
  if (data.version !== VERSION || !validCards(data.cards, validState)) return null;
  const out = emptyProgress();
  out.cards = data.cards;
  if (validDays(data.days)) out.days = data.days;
  out.settings = cleanSettings(data.settings);
  if (Array.isArray(data.exams)) out.exams = data.exams.filter(validAttempt).slice(-MAX_ATTEMPTS);
  if (typeof data.exported === "number") out.exported = data.exported;
  if (typeof data.started === "number") out.started = data.started;
  return out;
}

function validSm2(s) {
  return isObj(s) && isCount(s.r) && isCount(s.n) && isCount(s.l) && isCount(s.i) && typeof s.ef === "number" &&
    (s.r === 0 || (isCount(s.due) && isCount(s.t)));
}

// The progress in this browser: {progress, message, saved, reset}.
export function readProgress() {
  const s = storage();
  if (!s) return { progress: emptyProgress(), message: "This browser does not let the site keep data, so progress lasts only until you leave the page.", saved: false };
  const raw = s.getItem(STORE_KEY);
  if (raw === null) return { progress: emptyProgress(), message: "", saved: true };
  let data = null;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    data = null;
  }
  const progress = upgrade(data);
  if (progress && progress.migrated !== undefined) {
    const n = progress.migrated;
    delete progress.migrated;
    writeProgress(progress);
    return { progress, saved: true, message: "Your progress on " + n + " card" + (n === 1 ? "" : "s") +
      " was carried over to the new scheduler (FSRS): each card keeps its due day." };
  }
  if (progress) return { progress, message: "", saved: true };
  const why = isObj(data) && typeof data.version === "number" && data.version !== VERSION
    ? "was saved by a different version of this site"
    : "could not be read (it was damaged)";
  try {
    s.removeItem(STORE_KEY);
  } catch (e) { /* nothing more to do */ }
  return { progress: emptyProgress(), saved: true, reset: true,
    message: "Your saved practice progress " + why + ", so it has been reset. You can start again, or import an exported progress file from the Progress view." };
}

export function writeProgress(progress) {
  const s = storage();
  if (!s) return false;
  try {
    const data = Object.assign({ version: VERSION }, progress);
    s.setItem(STORE_KEY, JSON.stringify(data));
    return true;
  } catch (e) {
    return false;
  }
}

export function exportData(progress, now = Date.now()) {
  return Object.assign({ format: FORMAT, version: VERSION, exportedAt: new Date(now).toISOString() }, progress, { exported: now });
}

// An exported file's text as progress, or null when it is not a progress export of this site.
export function importText(text) {
  let data = null;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return null;
  }
  if (!isObj(data) || data.format !== FORMAT) return null;
  const out = upgrade(data);
  if (out) delete out.migrated;
  return out;
}

export function addAttempt(progress, attempt) {
  progress.exams = (progress.exams || []).concat([attempt]).slice(-MAX_ATTEMPTS);
}

// Remind to export when progress older than 14 days has never been exported, or not for 14 days.
export function exportDue(progress, now = Date.now()) {
  if (!Object.keys(progress.cards).length && !(progress.exams || []).length) return false;
  const since = progress.exported || progress.started;
  return typeof since === "number" && now - since >= EXPORT_REMINDER_DAYS * DAY_MS;
}

// Ask the browser to keep the site's storage (Safari otherwise deletes it after 7 days without a visit).
let persisted = null;
export function persist() {
  if (persisted) return persisted;
  const storageApi = typeof navigator !== "undefined" && navigator.storage;
  persisted = storageApi && storageApi.persist
    ? storageApi.persisted().then((yes) => yes || storageApi.persist()).catch(() => false)
    : Promise.resolve(false);
  return persisted;
}
