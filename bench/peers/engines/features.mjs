// Feature extraction shared by the Cedar and the ajv + json-logic engines. Neither language can
// parse a date, an E.164 number, a Telegram link or an e-mail address, nor do date arithmetic on
// RFC 3339 text, nor (Cedar) look inside the records of an array; so this step, run on every
// check and counted in those engines' time, turns a request into flat, documented attributes:
// - text is parsed into classes (identifier syntax 'ok' | 'doubtful' | 'other_type' | 'invalid';
//   e-mail 'absent' | 'ok' | 'doubtful' | 'invalid' with its lower-cased domain);
// - dates become milliseconds with criteria.md's conventions already applied (a date-only value
//   is a calendar day in received_at's offset, a date-only end covers its whole day);
// - arrays are folded: the set of values of a field over the elements ('absent' for a missing
//   one), counts, and the maximum of a date measure over the elements.
// What the rules decide from these — which types, roles, categories, instruments, languages and
// domains pass, review or fail, and every threshold in days — stays in the policies and logic,
// compiled from the pack's parameters (engines/rules.mjs).
import * as id from '../lib/ident.mjs';

const str = (v) => (typeof v === 'string' ? v : '');

function mailClass(text) {
  if (text === undefined) return { cls: 'absent', domain: '', trimmed: false };
  const m = id.email(text);
  return m.ok ? { cls: 'ok', domain: m.domain, trimmed: m.trimmed } : { cls: m.doubtful ? 'doubtful' : 'invalid', domain: '', trimmed: false };
}
const phoneClass = (text) => (text === undefined ? 'absent' : id.e164(text));

/** The attributes of a parsed request (see the file comment); every attribute is always present. */
export function features(r) {
  const ins = r.instrument ?? {};
  const ia = r.issuing_authority;
  const rq = r.requester ?? {};
  const emergency = r.emergency !== undefined || ins.type === 'emergency_request';
  const received = id.parseTime(r.received_at);
  const off = received.offsetMin;
  const recvDay = id.localDay(received.instant, off);
  const afterReceipt = (v) => (v.dateOnly ? v.day > recvDay : v.instant > received.instant);
  const ageMs = (v) => (v.dateOnly ? (recvDay - v.day) * id.DAY_MS : received.instant - v.instant);
  const issued = ins.issued_on !== undefined ? id.parseTime(ins.issued_on) : null;
  const valid = ins.valid_until !== undefined ? id.parseTime(ins.valid_until) : null;

  const iaMail = mailClass(ia?.email);
  const rqMail = mailClass(rq.email);
  const reply = mailClass(rq.reply_to);
  const telegram = typeof r.service === 'string' && r.service.toLowerCase() === 'telegram';

  const targets = r.targets ?? [];
  const targetTypes = new Set(), targetSyntax = new Set(), targetRoles = new Set();
  let targetIncomplete = false, named = 0, lookalike = false, lookalikeMissing = false;
  for (const t of targets) {
    targetRoles.add(t.role ?? 'absent');
    if (t.type === 'username' || t.type === 'link') {
      named++;
      if (t.value === undefined) lookalikeMissing = true;
      else if (id.lookalike(t.value)) lookalike = true;
    }
    if (!t.type || t.value === undefined) {
      targetIncomplete = true;
      continue;
    }
    targetTypes.add(t.type);
    const cls = id.targetSyntax(t.type, t.value);
    if (cls !== null) targetSyntax.add(telegram ? cls : 'unchecked');
  }

  const offences = r.case?.offences ?? [];
  const offenceCategories = new Set(offences.map((o) => o.category ?? 'absent'));

  const items = r.data_requested ?? [];
  const itemCategories = new Set(items.map((d) => d.category ?? 'absent'));
  let ipItems = 0, ipMissing = false, ipReversed = false, ipAfter = false;
  let ranged = 0, half = false, maxFromAge = -Infinity, maxEnd = -Infinity, maxLen = -Infinity;
  for (const d of items) {
    const from = d.from !== undefined ? id.parseTime(d.from) : null;
    const to = d.to !== undefined ? id.parseTime(d.to) : null;
    if (d.category === 'ip_address') {
      ipItems++;
      if (!from || !to) ipMissing = true;
      else {
        // every end exclusive: a date-time end is its instant plus one millisecond
        const span = (to.dateOnly ? id.endIn(to, off) : to.instant + 1) - id.startIn(from, off);
        if (span <= 0) ipReversed = true;
        else if (afterReceipt(from) || afterReceipt(to)) ipAfter = true;
      }
    }
    if (from && to) {
      ranged++;
      maxFromAge = Math.max(maxFromAge, ageMs(from));
      const end = id.endIn(to, off);
      maxEnd = Math.max(maxEnd, end);
      maxLen = Math.max(maxLen, end - id.startIn(from, off));
    } else if (from || to) half = true;
  }
  const e = r.emergency ?? {};
  return {
    emergency,
    instr_type: str(ins.type),
    signed: ins.signed === undefined ? 'absent' : ins.signed ? 'true' : 'false',
    signatory_name: Boolean(ins.signatory?.name),
    signatory_role: str(ins.signatory?.role),
    issued: Boolean(issued),
    issued_after_receipt: Boolean(issued && afterReceipt(issued)),
    issued_age_ms: issued ? ageMs(issued) : 0,
    valid: Boolean(valid),
    valid_ended: Boolean(valid && (valid.dateOnly ? valid.day < recvDay : valid.instant < received.instant)),
    valid_end: valid ? id.endIn(valid, off) : 0,
    basis_with_provision: (ins.legal_basis ?? []).filter((b) => b.provision).length,
    language: r.language !== undefined,
    language_primary: r.language !== undefined ? id.primaryLanguage(r.language) : '',
    ia: ia !== undefined,
    ia_type: str(ia?.type),
    ia_role: Boolean(ia?.role),
    ia_name: Boolean(ia?.name),
    ia_country: str(ia?.country),
    ia_email: iaMail.cls,
    ia_email_domain: iaMail.domain,
    ia_email_trimmed: iaMail.trimmed,
    ia_phone: phoneClass(ia?.phone),
    va_type: str(r.validating_authority?.type),
    targets: targets.length,
    target_types: [...targetTypes],
    target_syntax: [...targetSyntax],
    target_incomplete: targetIncomplete,
    target_roles: [...targetRoles],
    named_targets: named,
    lookalike,
    lookalike_missing: lookalikeMissing,
    offences: offences.length,
    offence_no_provision: offences.some((o) => !o.provision),
    offence_categories: [...offenceCategories],
    items: items.length,
    item_categories: [...itemCategories],
    ip_items: ipItems,
    ip_missing_range: ipMissing,
    ip_reversed: ipReversed,
    ip_after_receipt: ipAfter,
    ranged_items: ranged,
    range_half: half,
    range_max_from_age_ms: ranged ? maxFromAge : 0,
    range_max_end: ranged ? maxEnd : 0,
    range_max_len_ms: ranged ? maxLen : 0,
    emergency_complete: Boolean(e.threat && e.person_at_risk && e.why_this_data),
    req_email: rqMail.cls,
    req_email_domain: rqMail.domain,
    req_email_trimmed: rqMail.trimmed,
    reply_to: reply.cls,
    reply_to_domain: reply.domain,
    reply_to_trimmed: reply.trimmed,
    supervisor_name: Boolean(rq.supervisor?.name),
    supervisor_phone: phoneClass(rq.supervisor?.phone),
    channel: str(rq.channel),
  };
}
