// Syntax of the values the default pack's rules read — dates, Telegram identifiers, E.164 phone
// numbers, e-mail addresses, country codes, language tags — as criteria.md and the rule pages
// define them. The plain-JS engine and the feature extraction of the Cedar and json-logic
// engines share this file, so the three JS engines parse alike and differ only in how the rules
// are written. ASCII forms are handled as the pages say; non-ASCII values fail closed.

/** ISO 3166-1 alpha-2, the officially assigned codes (249). */
export const ISO3166 = 'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW};'.split(' ');

const DAY_MS = 86400000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

function civilDay(y, m, d) {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/**
 * An RFC 3339 date or date-time: `{dateOnly, day}` (days since 1970-01-01) for a date,
 * `{dateOnly: false, instant, offsetMin}` (ms since the epoch) for a date-time; null if invalid.
 */
export function parseTime(text) {
  if (typeof text !== 'string') return null;
  let m = DATE.exec(text);
  if (m) {
    const day = civilDay(+m[1], +m[2], +m[3]);
    return day === null ? null : { dateOnly: true, day };
  }
  m = DATE_TIME.exec(text);
  if (!m) return null;
  const day = civilDay(+m[1], +m[2], +m[3]);
  if (day === null || +m[4] > 23 || +m[5] > 59 || +m[6] > 60) return null;
  const offsetMin = m[9] ? (m[9] === '-' ? -1 : 1) * (+m[10] * 60 + +m[11]) : 0;
  const frac = m[7] ? Math.floor(Number('0' + m[7]) * 1000) : 0;
  const instant = day * DAY_MS + ((+m[4] * 60 + +m[5]) * 60 + Math.min(+m[6], 59)) * 1000 + frac - offsetMin * 60000;
  return { dateOnly: false, instant, offsetMin };
}

/** The calendar day of an instant in a UTC offset (minutes). */
export function localDay(instant, offsetMin) {
  return Math.floor((instant + offsetMin * 60000) / DAY_MS);
}

/** Where a value starts, placing a calendar date in the offset `offsetMin` (ms). */
export function startIn(v, offsetMin) {
  return v.dateOnly ? v.day * DAY_MS - offsetMin * 60000 : v.instant;
}

/** Where a value ends: a calendar date lasts its whole day (exclusive end, ms). */
export function endIn(v, offsetMin) {
  return v.dateOnly ? (v.day + 1) * DAY_MS - offsetMin * 60000 : v.instant;
}

export { DAY_MS };

const ASCII = /^[\x00-\x7f]*$/;

/** Telegram username: optional `@`, 5–32 of `A-Za-z0-9_`, a letter first, no trailing `_`, no `__`. */
export function username(text) {
  const u = text.startsWith('@') ? text.slice(1) : text;
  return /^[A-Za-z][A-Za-z0-9_]{4,31}$/.test(u) && !u.endsWith('_') && !u.includes('__');
}

/** Telegram user id: digits only, 1 ≤ n < 2^52. */
export function userId(text) {
  if (!/^[0-9]{1,16}$/.test(text)) return false;
  const n = Number(text);
  return n >= 1 && n < 2 ** 52;
}

// country calling codes whose national trunk prefix is `0` (libphonenumber), for the
// countries the generated requests use; a `0` kept after one of them is doubtful, not invalid
const TRUNK_ZERO = ['44', '49', '33', '31', '43', '32', '41', '46', '353'];

/** E.164 syntax: 'ok', 'doubtful' (a trunk `0` kept after the country code) or 'invalid'. */
export function e164(text) {
  if (!/^\+?[1-9][0-9]{6,14}$/.test(text)) return 'invalid';
  const digits = text.startsWith('+') ? text.slice(1) : text;
  for (const cc of TRUNK_ZERO) if (digits.startsWith(cc + '0')) return 'doubtful';
  return 'ok';
}

const RESERVED = new Set(['joinchat', 's', 'c', 'addstickers', 'addemoji', 'proxy', 'socks', 'share', 'login', 'iv']);

/**
 * What a Telegram link names: {kind: 'account', username} | {kind: 'phone', phone} |
 * {kind: 'chat'} | {kind: 'message'} | {kind: 'other'} (SUBJ-01's link forms).
 */
export function readLink(text) {
  let t = text.replace(/^https?:\/\//i, '');
  if (/^tg:\/\//i.test(t)) {
    const m = /^tg:\/\/(resolve|join)\?(.*)$/i.exec(t);
    if (!m) return { kind: 'other' };
    const q = new URLSearchParams(m[2]);
    if (m[1].toLowerCase() === 'join') return q.get('invite') ? { kind: 'chat' } : { kind: 'other' };
    if (q.get('domain')) return q.get('post') ? { kind: 'message' } : { kind: 'account', username: q.get('domain') };
    if (q.get('phone')) return { kind: 'phone', phone: '+' + q.get('phone') };
    return { kind: 'other' };
  }
  t = t.replace(/^www\./i, '').replace(/[?#].*$/, '').replace(/\/$/, '');
  const slash = t.indexOf('/');
  const host = (slash < 0 ? t : t.slice(0, slash)).toLowerCase();
  const path = slash < 0 ? [] : t.slice(slash + 1).split('/');
  if (host.endsWith('.t.me') && path.length === 0) return { kind: 'account', username: t.slice(0, host.length - 5) };
  if ((host !== 't.me' && host !== 'telegram.me') || path.length === 0 || path[0] === '') return { kind: 'other' };
  const [first, second, third] = path;
  if (first.startsWith('+')) {
    if (path.length !== 1) return { kind: 'other' };
    return /^\+[0-9]+$/.test(first) ? { kind: 'phone', phone: first } : { kind: 'chat' };
  }
  if (first === 'joinchat') return path.length === 2 ? { kind: 'chat' } : { kind: 'other' };
  if (first === 'c') {
    if (path.length === 2 && /^[0-9]+$/.test(second)) return { kind: 'chat' };
    if (path.length === 3 && /^[0-9]+$/.test(second) && /^[0-9]+$/.test(third)) return { kind: 'message' };
    return { kind: 'other' };
  }
  if (first === 's') return path.length === 2 ? { kind: 'account', username: second } : { kind: 'other' };
  if (RESERVED.has(first.toLowerCase())) return { kind: 'other' };
  if (path.length === 1) return { kind: 'account', username: first };
  if ((path.length === 2 || path.length === 3) && path.slice(1).every((p) => /^[0-9]+$/.test(p))) return { kind: 'message' };
  return { kind: 'other' };
}

/**
 * The syntax class of a target whose type has Telegram syntax (user_id, username, link,
 * phone_number): 'ok', 'doubtful' (for a person to confirm: a phone or message link, a kept trunk
 * prefix), 'other_type' (invalid, but valid as another identifier type) or 'invalid'; null for
 * types without syntax.
 */
export function targetSyntax(type, value) {
  let cls;
  if (type === 'user_id') cls = userId(value) ? 'ok' : 'invalid';
  else if (type === 'username') cls = username(value) ? 'ok' : 'invalid';
  else if (type === 'phone_number') cls = e164(value);
  else if (type === 'link') {
    const l = readLink(value);
    cls = l.kind === 'account' ? (username(l.username) ? 'ok' : 'invalid') : l.kind === 'phone' || l.kind === 'message' ? 'doubtful' : 'invalid';
  } else return null;
  if (cls !== 'invalid') return cls;
  if (type !== 'link' && readLink(value).kind !== 'other') return 'other_type';
  if (type !== 'phone_number' && value.startsWith('+') && e164(value) === 'ok') return 'other_type';
  if (type !== 'username' && value.startsWith('@') && username(value)) return 'other_type';
  if (type !== 'user_id' && type !== 'phone_number' && userId(value)) return 'other_type';
  return 'invalid';
}

/** True when a username-like text holds anything but ASCII (a possible look-alike, SUBJ-02). */
export function lookalike(text) {
  return !ASCII.test(text);
}

/**
 * An e-mail address as a mail client reads it: {ok, domain (lower case), trimmed} or
 * {ok: false, doubtful} — surrounding white space trimmed; any other non-ASCII character, or a
 * punycode label, is doubtful (fail closed).
 */
export function email(text) {
  const t = text.replace(/^\s+|\s+$/gu, '');
  const trimmed = t.length !== text.length;
  if (!ASCII.test(t)) return { ok: false, doubtful: true };
  const at = t.indexOf('@');
  if (at <= 0 || t.indexOf('@', at + 1) >= 0) return { ok: false, doubtful: false };
  const domain = t.slice(at + 1);
  if (domain.length < 3 || !domain.includes('.') || domain.startsWith('.') || domain.endsWith('.')) return { ok: false, doubtful: false };
  if (/[\s<>,]/.test(t)) return { ok: false, doubtful: false };
  const lower = domain.toLowerCase();
  if (lower.startsWith('xn--') || lower.includes('.xn--')) return { ok: false, doubtful: true };
  return { ok: true, domain: lower, trimmed };
}

/** A domain equals `entry` or is a subdomain of it; an entry with a leading dot is a suffix. */
export function domainMatches(domain, entry) {
  const e = entry.toLowerCase();
  return e.startsWith('.') ? domain.endsWith(e) : domain === e || domain.endsWith('.' + e);
}

/** The BCP 47 primary language subtag, lower case; '' when the tag is malformed. */
export function primaryLanguage(tag) {
  const p = tag.split('-')[0];
  return /^[A-Za-z]{2,8}$/.test(p) ? p.toLowerCase() : '';
}
