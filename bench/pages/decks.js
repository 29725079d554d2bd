// Deterministic synthetic decks for the benchmark: makeDeck(n) always gives
// the same deck of n facts, valid under every rule of the deck format.
//
// Modelled on the article deck (www/decks/tokayev-brussels-2021.json): every
// fact has an id, a topic, a kind (the article deck's mix: a quarter "other",
// then persons, places, organizations, numbers, money, dates, events,
// documents), a front of 45–115 characters, a back of 5–40, a detail of
// 40–230 (90% of facts) and a quote of 30–300 (70%); 60% have one to three
// `accept` entries and 40% two or three authored `distractors`. Topics: about
// √n / 2 of them (5 for 100 facts, 16 for 1,000, 50 for 10,000). No images
// (they would add network requests that have nothing to do with either
// implementation).

/** mulberry32: a small seeded PRNG. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Boris', 'Charles', 'Dana', 'Elif', 'Farida', 'Gustav', 'Hana', 'Igor', 'Jana', 'Kassym', 'Lena', 'Marat', 'Nora', 'Oskar', 'Petra', 'Quentin', 'Rosa', 'Samir', 'Tomas', 'Ursula', 'Viktor', 'Wanda', 'Xavier', 'Yulia', 'Zoran', 'Aigerim', 'Bruno', 'Chiara', 'Dmitri', 'Emma', 'Fatima'];
const LAST = ['Tokayev', 'Michel', 'von der Leyen', 'Borrell', 'Radosavljevic', 'Nazarbayev', 'Schmidt', 'Dubois', 'Kowalski', 'Novak', 'Rossi', 'Jansen', 'Andersson', 'Horvat', 'Ivanova', 'Petrov', 'Moreau', 'Fischer', 'Costa', 'Silva', 'Nowak', 'Popescu', 'Dimitrov', 'Kaya', 'Yilmaz', 'Haddad', 'Larsen', 'Berg', 'Meyer', 'Lambert', 'Garcia', 'Sato', 'Kim', 'Okafor', 'Mensah', 'Quispe', 'Herrera', 'Ortiz', 'Varga', 'Kovacs'];
const PLACES = ['Brussels', 'Astana', 'Almaty', 'Belgium', 'Kazakhstan', 'Luxembourg', 'Strasbourg', 'Geneva', 'Vienna', 'Tashkent', 'Bishkek', 'Dushanbe', 'Ashgabat', 'Baku', 'Tbilisi', 'Yerevan', 'Ankara', 'Warsaw', 'Prague', 'Budapest', 'Lisbon', 'Madrid', 'Rome', 'Athens', 'Helsinki', 'Oslo', 'Riga', 'Vilnius', 'Tallinn', 'Sofia', 'Bucharest', 'Zagreb'];
const REGIONS = ['Region', 'Province', 'Valley', 'Basin', 'Lowlands', 'Highlands', 'Coast', 'Oblast'];
const ORG_HEAD = ['European', 'Central Asian', 'Eurasian', 'National', 'International', 'Regional', 'Caspian', 'Nordic', 'Baltic', 'Atlantic', 'Continental', 'Steppe'];
const ORG_BODY = ['Investment Bank', 'Trade Council', 'Energy Agency', 'Water Commission', 'Development Fund', 'Railway Company', 'Mining Group', 'Science Foundation', 'Health Authority', 'Raw Materials Alliance', 'Chamber of Commerce', 'Customs Union'];
const EVENTS = ['Summit', 'Forum', 'Conference', 'Round Table', 'Ministerial Meeting', 'Business Council', 'Dialogue', 'Expo'];
const DOCS = ['Enhanced Partnership and Cooperation Agreement', 'Memorandum of Understanding', 'Strategic Partnership', 'Trade Protocol', 'Framework Agreement', 'Joint Declaration', 'Action Plan', 'Road Map', 'Charter', 'Convention'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const THINGS = ['vaccines', 'green hydrogen', 'rare earths', 'wheat exports', 'visa rules', 'water management', 'digital connectivity', 'rail freight', 'solar power', 'uranium supply', 'student exchanges', 'air links', 'customs procedures', 'critical raw materials', 'climate targets', 'investment protection'];
const VERBS = ['discussed', 'announced', 'signed', 'opened', 'proposed', 'welcomed', 'presented', 'agreed on', 'reviewed', 'praised'];
const TOPIC_WORDS = ['The visit', 'Trade', 'Investment', 'Energy', 'Water', 'Raw materials', 'Health', 'Transport', 'Diplomacy', 'Climate', 'Education', 'Agriculture', 'Security', 'Digital', 'Culture', 'Finance', 'Tourism', 'Science', 'Mining', 'Law'];
const WORDS = 'the of and to in a that for on with as by at from its was an be this which or has have are their more than also been after new two other into over under said about during between under first official partner relations opportunities effort country region economy president minister council report meeting agreement talks cooperation partnership growth market share deal plan'.split(' ');
const KIND_MIX = ['other', 'other', 'other', 'other', 'other', 'person', 'person', 'person', 'person', 'place', 'place', 'place', 'organization', 'organization', 'organization', 'number', 'number', 'money', 'money', 'date', 'date', 'event', 'event', 'document'];

/** A deck of n facts; the same n always gives the same deck. */
export function makeDeck(n) {
  const r = rng(0x5eed + n);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const sentence = (min, max) => {
    const target = int(min, max);
    let s = pick(WORDS);
    s = s[0].toUpperCase() + s.slice(1);
    while (s.length < target) s += ' ' + (r() < 0.15 ? pick(PLACES) : pick(WORDS));
    return s.slice(0, max).trimEnd() + '.';
  };
  const topicCount = Math.max(3, Math.round(Math.sqrt(n) / 2));
  const topics = Array.from({ length: topicCount }, (_, i) =>
    i < TOPIC_WORDS.length ? TOPIC_WORDS[i] : `${TOPIC_WORDS[i % TOPIC_WORDS.length]} ${Math.floor(i / TOPIC_WORDS.length) + 1}`);
  const used = new Set();
  // A back of the given kind, new within the deck (k counts attempts).
  const back = (kind, i) => {
    for (let k = 0; ; k++) {
      let b;
      switch (kind) {
        case 'person': b = `${pick(FIRST)} ${pick(LAST)}`; break;
        case 'place': b = r() < 0.5 ? pick(PLACES) : `${pick(PLACES)} ${pick(REGIONS)}`; break;
        case 'organization': b = `${pick(ORG_HEAD)} ${pick(ORG_BODY)}`; break;
        case 'number': b = r() < 0.5 ? String(int(2, 999)) : `${int(1, 99)}.${int(1, 9)}%`; break;
        case 'money': b = r() < 0.5 ? `$${int(1, 999)} billion` : `€${int(1, 99)}.${int(1, 9)} million`; break;
        case 'date': b = `${int(1, 28)} ${pick(MONTHS)} ${int(1991, 2024)}`; break;
        case 'event': b = `${pick(PLACES)} ${pick(EVENTS)} ${int(1995, 2024)}`; break;
        case 'document': b = `${pick(DOCS)} of ${int(1995, 2024)}`; break;
        default: b = `${pick(THINGS)} and ${pick(THINGS)}`;
      }
      if (k > 20) b = `${b} (${i})`;
      const key = b.toLowerCase();
      if (!used.has(key)) {
        used.add(key);
        return b;
      }
    }
  };
  const facts = [];
  for (let i = 0; i < n; i++) {
    const kind = pick(KIND_MIX);
    const answer = back(kind, i);
    const who = `${pick(FIRST)} ${pick(LAST)}`;
    let front;
    switch (kind) {
      case 'person': front = `Who ${pick(VERBS)} the plan on ${pick(THINGS)} in ${pick(PLACES)}`; break;
      case 'place': front = `Where did ${who} say the talks on ${pick(THINGS)} would continue`; break;
      case 'organization': front = `Which body did ${who} name as the lead partner for ${pick(THINGS)}`; break;
      case 'number': front = `How many projects on ${pick(THINGS)} did the ${pick(ORG_HEAD)} report count`; break;
      case 'money': front = `How much did the partners commit to ${pick(THINGS)} and ${pick(THINGS)}`; break;
      case 'date': front = `When did ${who} open the dialogue on ${pick(THINGS)}`; break;
      case 'event': front = `At which meeting did ${who} present the plan on ${pick(THINGS)}`; break;
      case 'document': front = `Which text sets the rules for ${pick(THINGS)} between the partners`; break;
      default: front = `What did ${who} list as the priorities of the visit to ${pick(PLACES)}`;
    }
    front += ` (${i + 1})?`;
    const fact = { id: `f-${String(i + 1).padStart(5, '0')}`, topic: pick(topics), kind, front, back: answer };
    if (r() < 0.6) {
      const accept = [];
      const count = int(1, 3);
      for (let k = 0; k < count; k++) accept.push(`${answer} (variant ${k + 1})`);
      fact.accept = accept;
    }
    if (r() < 0.4) {
      const distractors = [];
      const count = int(2, 3);
      for (let k = 0; k < count; k++) distractors.push(`${answer.split(' ')[0]} alternative ${k + 1}`);
      fact.distractors = distractors;
    }
    if (r() < 0.9) fact.detail = sentence(40, 230);
    if (r() < 0.7) fact.quote = sentence(30, 300);
    facts.push(fact);
  }
  return {
    version: 1,
    id: `bench-${n}`,
    title: `Synthetic benchmark deck of ${n} facts`,
    language: 'en',
    description: 'Generated by bench/pages/decks.js for the performance benchmark.',
    source: {
      publisher: 'Euractiv',
      headline: 'Kazakhstan president visits Brussels in effort to deepen relations',
      url: 'https://www.euractiv.com/section/central-asia/news/kazakhstan-president-visits-brussels/',
      editor: 'Zoran Radosavljevic',
    },
    facts,
  };
}
