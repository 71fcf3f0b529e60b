// A seeded generator of requests in reqcheck.request/1 for the default pack telegram-2024-09:
// about 70 % meet the criteria, the rest carry 1–3 faults, each aimed at one branch of one rule
// (criteria.md, assets/rules/*.md), 1–4 KB each. Built on assets/samples/meets-criteria.json.
// No legal-framework profile may apply (no EPOC, DSA order, OPO, MLAT, subpoena, US authority or
// law, Convention citation), and faults keep clear of the boundaries (a day either side of a
// limit), where a plain reading of the pages could differ from the engine's by a rounding.

const DAY = 86400000;

/** mulberry32: a small, fast, seeded PRNG (reproducible requests across runs and machines). */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  return { next, int, pick, chance: (p) => next() < p };
}

const COUNTRIES = {
  DE: { cc: '49', law: 'Strafprozessordnung (StPO)', provs: ['§ 100k Abs. 1', '§ 100g Abs. 1', '§ 100j Abs. 1'], suffix: 'polizei.de', court: 'Amtsgericht' },
  FR: { cc: '33', law: 'Code de procédure pénale', provs: ['art. 60-1', 'art. 77-1-1', 'art. 99-3'], suffix: 'gouv.fr', court: 'Tribunal judiciaire' },
  NL: { cc: '31', law: 'Wetboek van Strafvordering', provs: ['art. 126na', 'art. 126nc'], suffix: 'politie.nl', court: 'Rechtbank' },
  AT: { cc: '43', law: 'Strafprozessordnung 1975', provs: ['§ 76a', '§ 135 Abs. 2'], suffix: 'bmi.gv.at', court: 'Landesgericht' },
  BE: { cc: '32', law: 'Wetboek van strafvordering', provs: ['art. 46bis', 'art. 88bis'], suffix: 'police.be', court: 'Tribunal de première instance' },
  GB: { cc: '44', law: 'Investigatory Powers Act 2016', provs: ['s. 61', 's. 87'], suffix: 'police.uk', court: 'Crown Court' },
  IE: { cc: '353', law: 'Criminal Justice Act 2011', provs: ['s. 15', 's. 16'], suffix: 'garda.ie', court: 'District Court' },
  IT: { cc: '39', law: 'Codice di procedura penale', provs: ['art. 132', 'art. 254-bis'], suffix: 'giustizia.it', court: 'Tribunale' },
  ES: { cc: '34', law: 'Ley de Enjuiciamiento Criminal', provs: ['art. 588 ter j', 'art. 588 ter k'], suffix: 'policia.es', court: 'Juzgado de Instrucción' },
  SE: { cc: '46', law: 'Rättegångsbalken', provs: ['27 kap. 19 §', '27 kap. 20 §'], suffix: 'polisen.se', court: 'Tingsrätt' },
};
const CITIES = ['Beispielstadt', 'Exampleford', 'Villemodèle', 'Proefdorp', 'Musterhausen', 'Testville', 'Campione', 'Ejemplar', 'Provby'];
const FIRST = ['Mara', 'Jana', 'Paul', 'Eva', 'Lukas', 'Anna', 'Tom', 'Sofia', 'Noah', 'Lea', 'Marc', 'Inès', 'Pieter', 'Giulia'];
const LAST = ['Beispiel', 'Muster', 'Platzhalter', 'Entwurf', 'Vorlage', 'Example', 'Sample', 'Modèle', 'Voorbeeld', 'Esempio'];
const OFFENCES = ['terrorism', 'violent_extremism', 'child_sexual_abuse', 'drug_trafficking', 'illegal_goods', 'weapons_trafficking', 'fraud',
  'scam', 'human_trafficking', 'cybercrime', 'threats_of_violence', 'doxxing', 'extortion', 'money_laundering'];
const WORDS = ('the account offers sells advertises narcotics weapons counterfeit documents in a public channel and private chats to buyers ' +
  'across several countries payments are made in cryptocurrency operator identity unknown test purchases open-source research have not ' +
  'identified the person who registered it log-in addresses and the phone number are needed to identify them').split(' ');

function pad(n, w = 2) {
  return String(n).padStart(w, '0');
}
function dateOf(day) {
  const d = new Date(day * DAY);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function offsetText(min) {
  if (min === 0) return 'Z';
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}
/** A date-time at local `day` + `minutes`, written in offset `off` (minutes). */
function dateTimeAt(day, minutes, off) {
  return `${dateOf(day)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00${offsetText(off)}`;
}

function sentence(R, min, max) {
  const n = R.int(min, max);
  const w = [];
  for (let i = 0; i < n; i++) w.push(R.pick(WORDS));
  const s = w.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}
function username(R) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let u = R.pick(letters);
  const n = R.int(5, 18);
  while (u.length < n) {
    const c = R.chance(0.12) && !u.endsWith('_') ? '_' : R.pick(letters + '0123456789');
    u += c;
  }
  return u.endsWith('_') ? u.slice(0, -1) + 'x' : u;
}
function phone(R, cc) {
  let s = '+' + cc + R.int(2, 9);
  const len = R.int(8, 11);
  while (s.length - 1 < len) s += R.int(0, 9);
  return s;
}
/** A name as the local part of an address: lower case, accents dropped (addresses are ASCII). */
function ascii(name) {
  return name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}
function person(R) {
  return `${R.pick(FIRST)} ${R.pick(LAST)}`;
}

function validTarget(R, cc) {
  const u = username(R);
  const role = R.chance(0.8) ? 'suspect' : 'accused';
  switch (R.int(0, 5)) {
    case 0: return { type: 'username', value: '@' + u, role };
    case 1: return { type: 'username', value: u, role };
    case 2: return { type: 'user_id', value: String(R.int(10000, 7999999999)), role };
    case 3: return { type: 'link', value: R.pick(['https://t.me/', 't.me/', 'https://telegram.me/', 'https://t.me/s/', 'tg://resolve?domain=']) + u, role };
    case 4: return { type: 'phone_number', value: phone(R, cc), role };
    default: return { type: 'link', value: `https://${u}.t.me`, role };
  }
}

/** A request that meets the criteria: the sample's shape, with varied values. */
function base(R) {
  const country = R.pick(Object.keys(COUNTRIES));
  const c = COUNTRIES[country];
  const city = R.pick(CITIES);
  const off = R.pick([0, 60, 60, 120, -300, 330]);
  const recvDay = Date.UTC(2026, 0, 1) / DAY + R.int(0, 330);
  const recvMin = R.int(7 * 60, 18 * 60);
  const type = R.pick(['court_order', 'court_order', 'court_order', 'warrant', 'production_order']);
  const issuedDay = recvDay - R.int(1, 75);
  const domain = `${ascii(city)}.${c.suffix}`;
  const r = {
    schema: 'reqcheck.request/1',
    reference: `REQ-${R.int(2024, 2026)}-${R.int(1000, 99999)}`,
    received_at: dateTimeAt(recvDay, recvMin, off),
    service: 'telegram',
    language: R.pick(['en', 'en', 'en-GB', 'EN', 'en-US']),
    instrument: {
      type,
      reference: `${R.int(100, 999)} Gs ${R.int(1000, 9999)}/${R.int(24, 26)}`,
      issued_on: R.chance(0.8) ? dateOf(issuedDay) : dateTimeAt(issuedDay, R.int(8 * 60, 17 * 60), off),
      valid_until: dateOf(recvDay + R.int(20, 150)),
      signed: true,
      signatory: { name: `Judge ${person(R)}`, role: R.pick(['judge', 'judge', 'court', 'investigating_judge']) },
      legal_basis: [],
      statement_of_reasons: sentence(R, 12, 60),
      redress: sentence(R, 6, 25),
    },
    issuing_authority: {
      name: `${c.court} ${city}`,
      type: R.pick(['court', 'court', 'judge', 'investigating_judge']),
      country,
      email: `office@court-${domain}`,
      phone: phone(R, c.cc),
    },
    requester: {
      name: `Detective ${person(R)}`,
      agency: `Criminal Police ${city}, Unit ${R.int(1, 60)}`,
      email: `${ascii(R.pick(FIRST))}.${ascii(R.pick(LAST))}@${domain}`,
      phone: phone(R, c.cc),
      supervisor: { name: `Superintendent ${person(R)}`, phone: phone(R, c.cc) },
      channel: R.pick(['portal', 'portal', 'email', 'post']),
    },
    case: {
      reference: `CASE-${R.int(2025, 2026)}-${R.int(1, 9999)}`,
      summary: sentence(R, 8, 30),
      offences: [],
    },
    targets: [],
    data_requested: [],
  };
  if (R.chance(0.3)) delete r.instrument.valid_until;
  if (R.chance(0.2)) delete r.instrument.redress;
  const nBasis = R.int(1, 3);
  for (let i = 0; i < nBasis; i++) r.instrument.legal_basis.push({ law: c.law, provision: R.pick(c.provs), jurisdiction: country });
  const nOff = R.int(1, 2);
  for (let i = 0; i < nOff; i++) {
    r.case.offences.push({ category: R.pick(OFFENCES), description: sentence(R, 5, 20), provision: `§ ${R.int(1, 300)} StGB`, max_sentence_years: R.int(2, 15) });
  }
  const nT = R.int(1, 4);
  for (let i = 0; i < nT; i++) r.targets.push(validTarget(R, c.cc));
  const ipFrom = recvDay - R.int(15, 300);
  const ipTo = Math.min(recvDay - 1, ipFrom + R.int(1, 90));
  r.data_requested.push(R.chance(0.6)
    ? { category: 'ip_address', from: dateTimeAt(ipFrom, 0, 0), to: dateTimeAt(ipTo, 0, 0), note: sentence(R, 3, 12) }
    : { category: 'ip_address', from: dateOf(ipFrom), to: dateOf(ipTo) });
  if (R.chance(0.8)) r.data_requested.push({ category: 'phone_number', note: sentence(R, 2, 8) });
  if (R.chance(0.5)) r.non_disclosure = { requested: true, until: dateOf(recvDay + R.int(60, 300)), order_reference: r.instrument.reference };
  if (R.chance(0.08)) {  // a justified emergency on a court order, verifiable by its supervisor
    r.emergency = { threat: sentence(R, 6, 15), person_at_risk: `${person(R)}, ${R.int(12, 80)}`, why_this_data: sentence(R, 6, 15), deadline_hours: R.int(2, 24) };
    r.requester.channel = 'portal';
  }
  // hidden from the output: what the faults need to stay consistent
  Object.defineProperty(r, '_', { value: { recvDay, off, cc: c.cc, domain }, enumerable: false });
  return r;
}

const judicialOrder = (r) => r.instrument.type === 'court_order' || r.instrument.type === 'warrant';
const targetAt = (R, r) => r.targets[R.int(0, r.targets.length - 1)];
function offence(R, r) {  // the first offence, put back if an earlier fault removed them all
  if (r.case.offences.length === 0) r.case.offences.push({ category: 'fraud', provision: `§ ${R.int(1, 300)} StGB` });
  return r.case.offences[0];
}
function ip(r) {  // the IP address item, put back if an earlier fault removed it
  let d = r.data_requested.find((x) => x.category === 'ip_address');
  if (!d) r.data_requested.push(d = { category: 'ip_address', from: dateOf(r._.recvDay - 40), to: dateOf(r._.recvDay - 10) });
  return d;
}
function emergencyOf(R, r) {
  r.emergency ??= { threat: sentence(R, 6, 15), person_at_risk: person(R), why_this_data: sentence(R, 6, 15) };
  r.requester.channel = 'portal';
}

/** Faults, each aimed at one branch of one rule (its name says which). */
export const FAULTS = {
  'AUTH-01 police': (R, r) => { r.issuing_authority.type = 'police'; },
  'AUTH-01 prosecutor': (R, r) => { r.issuing_authority.type = 'prosecutor'; },
  'AUTH-01 other': (R, r) => { r.issuing_authority.type = 'other'; },
  'AUTH-01 validated': (R, r) => {
    r.issuing_authority.type = R.pick(['police', 'prosecutor']);
    r.validating_authority = { name: `Local Court ${R.pick(CITIES)}`, type: 'court', country: r.issuing_authority.country };
  },
  'AUTH-01 missing': (R, r) => { delete r.issuing_authority.type; },
  'AUTH-02 alias': (R, r) => { r.issuing_authority.country = R.pick(['UK', 'EL']); },
  'AUTH-02 invalid': (R, r) => { r.issuing_authority.country = R.pick(['GER', 'Germany', 'de', 'XX', 'EU', 'FRA']); },
  'AUTH-02 missing': (R, r) => { delete r.issuing_authority.country; },
  'AUTH-03 free-mail only': (R, r) => {
    r.issuing_authority.email = `court.${R.pick(CITIES).toLowerCase().replace(/[^a-z]/g, '')}@${R.pick(['gmail.com', 'outlook.com', 'gmx.de', 'mail.ru', 'proton.me'])}`;
    delete r.issuing_authority.phone;
  },
  'AUTH-03 invalid contacts': (R, r) => {
    r.issuing_authority.email = R.pick(['office.court.example.de', 'office@court', 'office@@court.example']);
    r.issuing_authority.phone = R.pick(['+49 30 1234567', '030-1234567', '+49(30)1234567']);
  },
  'AUTH-03 no contact': (R, r) => { delete r.issuing_authority.email; delete r.issuing_authority.phone; },
  'AUTH-03 no name': (R, r) => { delete r.issuing_authority.name; },
  'INSTR-01 not an order': (R, r) => { r.instrument.type = R.pick(['letter', 'police_request', 'other']); },
  'INSTR-01 preservation': (R, r) => { r.instrument.type = 'preservation_request'; },
  'INSTR-02 unsigned': (R, r) => { r.instrument.signed = false; },
  'INSTR-02 signed missing': (R, r) => { delete r.instrument.signed; },
  'INSTR-02 no signatory name': (R, r) => { delete r.instrument.signatory.name; },
  'INSTR-02 police signatory': (R, r) => { r.instrument.type = 'court_order'; r.instrument.signatory.role = R.pick(['police', 'prosecutor']); },
  'INSTR-02 role missing': (R, r) => { r.instrument.type = 'warrant'; delete r.instrument.signatory.role; },
  'INSTR-03 no issue date': (R, r) => { delete r.instrument.issued_on; },
  'INSTR-03 issued after receipt': (R, r) => {
    const d = r._.recvDay + R.int(3, 15);
    r.instrument.issued_on = dateOf(d);
    r.instrument.valid_until = dateOf(d + R.int(30, 90));
  },
  'INSTR-04 expired': (R, r) => {
    const d = r._.recvDay - R.int(5, 40);
    r.instrument.valid_until = dateOf(d);
    r.instrument.issued_on = dateOf(d - R.int(20, 40));
  },
  'INSTR-04 stale': (R, r) => { r.instrument.issued_on = dateOf(r._.recvDay - R.int(100, 300)); delete r.instrument.valid_until; },
  'INSTR-05 no legal basis': (R, r) => {
    const how = R.int(0, 2);
    if (how === 0) delete r.instrument.legal_basis;
    else if (how === 1) r.instrument.legal_basis = [];
    else for (const b of r.instrument.legal_basis) delete b.provision;
  },
  'INSTR-06 language': (R, r) => { r.language = R.pick(['de', 'fr', 'nl', 'es-ES', 'it', 'de-AT']); },
  'SUBJ-01 bad username': (R, r) => { r.targets[0] = { type: 'username', value: R.pick(['@abc', '@9lives_here', '@double__under', '@ends_with_', '@has-dash-name']), role: 'suspect' }; },
  'SUBJ-01 chat link': (R, r) => { r.targets.push({ type: 'link', value: R.pick(['https://t.me/+AbCdEf123XyZ', 't.me/joinchat/AAAAAEkqZ3', 'https://t.me/c/1234567890']), role: 'suspect' }); },
  'SUBJ-01 phone link': (R, r) => { r.targets.push({ type: 'link', value: `https://t.me/${phone(R, r._.cc)}`, role: 'suspect' }); },
  'SUBJ-01 message link': (R, r) => { r.targets.push({ type: 'link', value: `https://t.me/${username(R)}/${R.int(1, 99999)}`, role: 'suspect' }); },
  'SUBJ-01 display name': (R, r) => { r.targets.push({ type: 'display_name', value: person(R), role: 'suspect' }); },
  'SUBJ-01 e-mail target': (R, r) => { r.targets.push({ type: R.pick(['email', 'ip_address']), value: R.pick(['seller@example.org', '203.0.113.7']), role: 'suspect' }); },
  'SUBJ-01 phone separators': (R, r) => { r.targets.push({ type: 'phone_number', value: R.pick(['+49 30 1234567', '+44-7700-900123', '0049301234567']), role: 'suspect' }); },
  'SUBJ-01 trunk prefix': (R, r) => { r.targets.push({ type: 'phone_number', value: R.pick(['+4407700900123', '+49030123456']), role: 'suspect' }); },
  'SUBJ-01 user id too large': (R, r) => { r.targets.push({ type: 'user_id', value: R.pick(['9007199254740993', '4503599627370496', '0']), role: 'suspect' }); },
  'SUBJ-02 look-alike': (R, r) => { r.targets.push({ type: R.pick(['username', 'link']), value: R.pick(['@bаnk_support', 'https://t.me/pаypal_help', '@sеller_main']), role: 'suspect' }); },
  'SUBJ-03 witness': (R, r) => { targetAt(R, r).role = R.pick(['witness', 'victim', 'person_at_risk']); },
  'SUBJ-03 unknown role': (R, r) => { const t = targetAt(R, r); if (R.chance(0.5)) t.role = 'unknown'; else delete t.role; },
  'OFF-01 no offence': (R, r) => { r.case.offences = []; },
  'OFF-01 no provision': (R, r) => { delete offence(R, r).provision; },
  'OFF-02 protected expression': (R, r) => { offence(R, r).category = R.pick(['political_speech', 'defamation', 'unauthorised_assembly']); },
  'OFF-02 review category': (R, r) => { offence(R, r).category = R.pick(['copyright_infringement', 'other']); },
  'DATA-01 not disclosable': (R, r) => {
    r.data_requested.push({ category: R.pick(['subscriber_data', 'traffic_data', 'content_data', 'location_data', 'contacts', 'other']), note: sentence(R, 2, 6) });
  },
  'DATA-01 nothing asked': (R, r) => { r.data_requested = []; },
  'DATA-02 no range': (R, r) => { const d = ip(r); if (R.chance(0.5)) delete d.from; else delete d.to; if (R.chance(0.5)) { delete d.from; delete d.to; } },
  'DATA-02 reversed': (R, r) => { const d = ip(r); const f = r._.recvDay - R.int(40, 200); d.from = dateOf(f); d.to = dateOf(f - R.int(3, 30)); },
  'DATA-02 future': (R, r) => {
    const d = ip(r);
    d.from = dateOf(r._.recvDay - R.int(10, 60));
    d.to = dateOf(r._.recvDay + R.int(3, 20));
  },
  'DATA-03 beyond retention': (R, r) => { const d = ip(r); const f = r._.recvDay - R.int(380, 600); d.from = dateOf(f); d.to = dateOf(f + R.int(5, 60)); },
  'DATA-04 too long': (R, r) => { const d = ip(r); d.from = dateOf(r._.recvDay - R.int(400, 500)); d.to = dateOf(r._.recvDay - R.int(2, 20)); },
  'DATA-04 past validity': (R, r) => {
    r.instrument.valid_until = dateOf(r._.recvDay + R.int(5, 15));
    r.data_requested.push({ category: 'phone_number', from: dateOf(r._.recvDay - R.int(10, 30)), to: dateOf(r._.recvDay + R.int(30, 60)) });
  },
  'EMER-01 unjustified': (R, r) => {
    emergencyOf(R, r);
    delete r.emergency[R.pick(['threat', 'person_at_risk', 'why_this_data'])];
  },
  'EMER-01 no emergency object': (R, r) => { r.instrument.type = 'emergency_request'; delete r.emergency; },
  'EMER-01 police emergency': (R, r) => { r.instrument.type = 'emergency_request'; r.issuing_authority.type = 'police'; emergencyOf(R, r); },
  'EMER-02 free-mail requester': (R, r) => { r.requester.email = `${ascii(R.pick(FIRST))}.officer@${R.pick(['gmail.com', 'hotmail.com', 'yandex.ru', 'web.de', 'icloud.com'])}`; },
  'EMER-02 reply-to elsewhere': (R, r) => { r.requester.reply_to = `desk@${R.pick(['other-agency.example.net', 'mailbox.example.org', 'outlook.com'])}`; },
  'EMER-02 emergency without supervisor': (R, r) => { emergencyOf(R, r); delete r.requester.supervisor; },
  'EMER-02 emergency by e-mail': (R, r) => { emergencyOf(R, r); r.requester.channel = 'email'; },
  'EMER-02 no requester e-mail': (R, r) => { delete r.requester.email; delete r.requester.reply_to; },
  'EMER-02 supervisor without phone': (R, r) => {
    emergencyOf(R, r);
    if (r.requester) r.requester.supervisor = { name: r.requester.supervisor?.name || 'Supt. A. Example' };
  },
};

/**
 * Cases where reqcheck's verdict differs from criteria.md's text (bench/peers/README.md), left out
 * of the pool unless asked for (`--edges`), so that the disagreement can be shown on demand.
 */
export const EDGE_FAULTS = {
  // criteria.md AUTH-03: a name and a valid phone identify the authority; reqcheck reviews a broken
  // e-mail beside it on purpose (a valid phone does not make a broken address right: AUTH-03.md)
  'AUTH-03 broken e-mail beside a valid phone': (R, r) => { r.issuing_authority.email = 'office-court.example'; },
};

/** Lays out a request as people send them: pretty-printed (2 spaces) or on one line. */
function text(R, r) {
  return R.chance(0.7) ? JSON.stringify(r, null, 2) : JSON.stringify(r);
}

/**
 * `n` requests from `seed`: [{text, faults: [names]}], each 1–4 KB (UTF-8); fault-free with
 * probability `meetShare`; `edges` adds EDGE_FAULTS.
 */
export function generate(n, seed = 1, meetShare = 0.7, edges = false) {
  const R = rng(seed);
  const faultSet = edges ? { ...FAULTS, ...EDGE_FAULTS } : FAULTS;
  const names = Object.keys(faultSet);
  const out = [];
  while (out.length < n) {
    const r = base(R);
    const faults = [];
    if (!R.chance(meetShare)) {
      const k = R.int(1, 3);
      while (faults.length < k) {
        const f = R.pick(names);
        if (!faults.includes(f)) faults.push(f);
      }
      for (const f of faults) faultSet[f](R, r);
    }
    let t = text(R, r);
    let bytes = Buffer.byteLength(t);
    if (bytes > 4096 && t.includes('\n')) t = JSON.stringify(r), bytes = Buffer.byteLength(t);
    if (bytes < 1024 || bytes > 4096) continue;  // outside 1–4 KB: draw again (same seed, same result)
    out.push({ text: t, faults });
  }
  return out;
}
