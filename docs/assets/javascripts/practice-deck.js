// The cards (data/cards.json, or a topic's own data/cards/<slug>.json) and what the widgets link them to:
// topic pages (each topic's url, in the cards file), source pages (data/sources.json) and exam blueprints
// (data/exams.json). Loaded once per visit; a page fetches only the cards it shows.
const ID = /^[0-9a-f]{6,40}$/;
const cache = {}; // URL → promise

// Until data/exams.json exists: MLA-C01 as its official exam guide describes it
// (65 questions, 50 scored and 15 unscored; 130 minutes; 720 of 1000 to pass; four weighted domains).
export const FALLBACK_EXAMS = {
  default: "MLA-C01",
  exams: [{
    code: "MLA-C01", name: "AWS Certified Machine Learning Engineer – Associate", status: "current",
    questions: 65, minutes: 130, passing: 720, question_types: ["multiple choice", "multiple response"],
    domains: [
      { id: "1", name: "Data Preparation for Machine Learning", weight: 28, tasks: [] },
      { id: "2", name: "ML Model Development", weight: 26, tasks: [] },
      { id: "3", name: "Deployment and Orchestration of ML Workflows", weight: 22, tasks: [] },
      { id: "4", name: "ML Solution Monitoring, Maintenance, and Security", weight: 24, tasks: [] },
    ],
  }],
};

const str = (x) => (typeof x === "string" ? x : "");
const isObj = (x) => !!x && typeof x === "object" && !Array.isArray(x);

function getJson(url, optional) {
  if (!cache[url]) {
    cache[url] = fetch(url, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) {
        if (optional) return null;
        throw new Error("HTTP " + r.status);
      }
      return r.json();
    }, (err) => {
      if (optional) return null;
      throw err;
    });
    cache[url].catch(() => { delete cache[url]; }); // a failed fetch is retried on the next page
  }
  return cache[url];
}

// The right options of a card: `answer` is one index or a list of them (several right answers).
export function answersOf(c, n) {
  const raw = Array.isArray(c.answer) ? c.answer : [c.answer];
  const ok = raw.filter((x) => typeof x === "number" && x % 1 === 0 && x >= 0 && x < n);
  return ok.length === raw.length && ok.length && ok.length < n ? Array.from(new Set(ok)).sort((a, b) => a - b) : [];
}

// Only well-formed cards are kept; every field is coerced to the type the widgets expect.
export function cleanDeck(data) {
  if (!data || !Array.isArray(data.cards)) throw new Error("cards.json has no card list");
  const cards = [];
  const seen = {};
  for (const c of data.cards) {
    if (!c || typeof c.id !== "string" || !ID.test(c.id) || seen[c.id]) continue;
    if (!str(c.front) || !str(c.back)) continue;
    const options = Array.isArray(c.options) ? c.options.filter((o) => typeof o === "string") : [];
    const answers = options.length === (c.options || []).length ? answersOf(c, options.length) : [];
    const domain = {};
    if (isObj(c.domain)) for (const [code, id] of Object.entries(c.domain)) if (typeof id === "string") domain[code] = id;
    seen[c.id] = true;
    cards.push({
      id: c.id, front: c.front, back: c.back, kind: str(c.kind), topic: str(c.topic), section: str(c.section),
      source: str(c.source), explain: str(c.explain), options: answers.length ? options : [], answers: answers,
      image: /^media\/[^?#]*$/.test(str(c.image)) && !str(c.image).includes("..") ? c.image : "", domain: domain,
    });
  }
  return {
    cards: cards,
    sections: isObj(data.sections) ? data.sections : {},
    kinds: isObj(data.kinds) ? data.kinds : {},
    topics: isObj(data.topics) ? data.topics : {},
  };
}

function cleanExams(data) {
  if (!isObj(data) || !Array.isArray(data.exams)) return FALLBACK_EXAMS;
  const exams = data.exams.filter((e) => isObj(e) && str(e.code) && e.questions > 0 && e.minutes > 0 && Array.isArray(e.domains))
    .map((e) => Object.assign({}, e, {
      domains: e.domains.filter((d) => isObj(d) && str(d.id) && typeof d.weight === "number")
        .map((d) => ({ id: d.id, name: str(d.name) || "Domain " + d.id, weight: d.weight })),
    }))
    .filter((e) => e.domains.length);
  if (!exams.length) return FALLBACK_EXAMS;
  const def = exams.some((e) => e.code === data.default) ? data.default : exams[0].code;
  return { default: def, exams: exams };
}

// The site root of a cards file: the folder holding its data/ folder.
export function siteRoot(cardsUrl) {
  const url = new URL(cardsUrl);
  const at = url.pathname.lastIndexOf("/data/");
  return new URL(at >= 0 ? url.pathname.slice(0, at + 1) : "../", url).href;
}

// The deck with its links: {cards, sections, topics, exams, topicUrl(card), sourceUrl(card), root}.
export function loadDeck(cardsUrl) {
  const root = siteRoot(cardsUrl);
  return Promise.all([
    getJson(cardsUrl, false).then(cleanDeck),
    getJson(root + "data/sources.json", true),
    getJson(root + "data/exams.json", true),
  ]).then(([deck, sources, exams]) => {
    const pages = {};
    for (const [slug, t] of Object.entries(deck.topics)) if (isObj(t) && str(t.url)) pages[slug] = t.url;
    const notes = isObj(sources) ? sources : {};
    return Object.assign(deck, {
      root: root,
      exams: cleanExams(exams),
      topicUrl: (card) => (pages[card.topic] ? new URL(pages[card.topic], root).href : ""),
      sourceUrl: (card) => {
        const note = card.source.replace(/:\d+$/, "");
        return str(notes[note]) ? new URL(notes[note], root).href : "";
      },
    });
  });
}

export function sectionName(deck, key) {
  return str(deck.sections[key]) || key || "Other";
}

// A card kind's label as cards.json gives it (the kind registry, hooks/kb/cards/kinds.py); '' when none.
export function kindName(deck, kind) {
  return str((deck.kinds || {})[kind]);
}

export function topicName(deck, slug) {
  const t = deck.topics[slug];
  return (t && str(t.name)) || slug || "";
}
