// The default pack's platform rules (criteria.md, assets/rules/*.md) written by hand in plain
// JavaScript: the reference the other engines are verified against, and the practical limit of
// speed. Parameters come from the pack file, as in reqcheck; messages and help are left out, so
// a finding is its rule and status.
import * as id from '../lib/ident.mjs';

const RANK = { fail: 3, review: 2, incomplete: 1 };

/** The verdict of a list of findings (criteria.md: any fail, else any review or incomplete). */
export function verdictOf(findings) {
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, RANK[f.status] || 0);
  return worst === 3 ? 'does_not_meet' : worst > 0 ? 'needs_review' : 'meets_criteria';
}

/**
 * Compiles the platform pack's parameters and returns `check(requestText)` →
 * `{verdict, findings: [{rule, status}]}` (one finding per rule, or per target, offence or data
 * item where the rule judges each).
 */
export function createPlainEngine(pack) {
  const p = pack.parameters;
  const set = (k) => new Set(p[k]);
  const judicial = set('judicial_authority_types');
  const judicialInstruments = set('judicial_instruments');
  const accepted = set('accepted_instruments');
  const reviewInstr = set('review_instruments');
  const routes = p.authority_review_routes;
  const iso = new Set(id.ISO3166);
  const freeMail = p.free_mail_domains;
  const reviewTargets = set('review_target_types');
  const rejectedTargets = set('rejected_target_types');
  const roles = set('accepted_target_roles');
  const tos = new Set(Object.keys(p.offence_tos_clauses));
  const reviewOffences = set('review_offence_categories');
  const disclosable = set('disclosable_data_categories');
  const dayMs = id.DAY_MS;
  const isFree = (domain) => freeMail.some((f) => id.domainMatches(domain, f));

  return function check(text) {
    const r = JSON.parse(text);
    const out = [];
    const add = (rule, status) => out.push({ rule, status });
    const ins = r.instrument;
    const ia = r.issuing_authority;
    const va = r.validating_authority;
    const emergency = r.emergency !== undefined || ins?.type === 'emergency_request';
    const received = id.parseTime(r.received_at);
    const recvDay = id.localDay(received.instant, received.offsetMin);
    const off = received.offsetMin;
    const afterReceipt = (v) => (v.dateOnly ? v.day > recvDay : v.instant > received.instant);
    const endedBefore = (v) => (v.dateOnly ? v.day < recvDay : v.instant < received.instant);
    const ageMs = (v) => (v.dateOnly ? (recvDay - v.day) * dayMs : received.instant - v.instant);

    // AUTH-01
    if (va?.type && judicial.has(va.type)) add('AUTH-01', 'pass');
    else if (ia && !ia.type && ia.role) add('AUTH-01', 'review');
    else if (!ia?.type) add('AUTH-01', 'incomplete');
    else if (judicial.has(ia.type)) add('AUTH-01', 'pass');
    else {
      const route = routes.find((x) => x.authority === ia.type && (!x.instrument || x.instrument === (ins?.type ?? '')) && (!x.emergency || emergency));
      add('AUTH-01', route ? 'review' : 'fail');
    }
    // AUTH-02
    if (!ia?.country) add('AUTH-02', 'incomplete');
    else if (iso.has(ia.country)) add('AUTH-02', 'pass');
    else add('AUTH-02', ia.country === 'UK' || ia.country === 'EL' ? 'review' : 'fail');
    // AUTH-03
    if (!ia || !ia.name || (ia.email === undefined && ia.phone === undefined)) add('AUTH-03', 'incomplete');
    else {
      const mail = ia.email !== undefined ? id.email(ia.email) : null;
      const phone = ia.phone !== undefined ? id.e164(ia.phone) : null;
      const mailOk = mail?.ok, phoneOk = phone === 'ok';
      if (!mailOk && !phoneOk) add('AUTH-03', mail?.doubtful || phone === 'doubtful' ? 'review' : 'fail');
      else if (mailOk && !phoneOk && isFree(mail.domain)) add('AUTH-03', 'review');
      else if (mailOk && mail.trimmed) add('AUTH-03', 'review');
      else add('AUTH-03', 'pass');
    }
    // INSTR-01
    if (!ins?.type) add('INSTR-01', 'incomplete');
    else add('INSTR-01', accepted.has(ins.type) ? 'pass' : reviewInstr.has(ins.type) ? 'review' : 'fail');
    // INSTR-02
    if (ins?.signed === undefined) add('INSTR-02', 'incomplete');
    else if (!ins.signed || !ins.signatory?.name) add('INSTR-02', 'fail');
    else if (judicialInstruments.has(ins.type) && !ins.signatory.role) add('INSTR-02', 'incomplete');
    else if (judicialInstruments.has(ins.type) && !judicial.has(ins.signatory.role)) add('INSTR-02', 'review');
    else add('INSTR-02', 'pass');
    // INSTR-03, INSTR-04
    const issued = ins?.issued_on !== undefined ? id.parseTime(ins.issued_on) : null;
    const validUntil = ins?.valid_until !== undefined ? id.parseTime(ins.valid_until) : null;
    add('INSTR-03', !issued || afterReceipt(issued) ? 'fail' : 'pass');
    if (validUntil && endedBefore(validUntil)) add('INSTR-04', 'fail');
    else if (!issued) add('INSTR-04', 'incomplete');
    else add('INSTR-04', ageMs(issued) > p.max_instrument_age_days * dayMs ? 'review' : 'pass');
    // INSTR-05
    add('INSTR-05', (ins?.legal_basis ?? []).some((b) => b.provision) ? 'pass' : 'fail');
    // INSTR-06
    if (r.language === undefined) add('INSTR-06', 'incomplete');
    else {
      const langs = p.accepted_languages_by_instrument[ins?.type] ?? p.accepted_languages;
      const primary = id.primaryLanguage(r.language);
      add('INSTR-06', primary && langs.includes(primary) ? 'pass' : 'review');
    }
    // SUBJ-01, SUBJ-02, SUBJ-03
    const targets = r.targets ?? [];
    if (targets.length === 0) add('SUBJ-01', 'fail');
    const telegram = typeof r.service === 'string' && r.service.toLowerCase() === 'telegram';
    let lookalikes = false;
    for (const t of targets) {
      if (!t.type || t.value === undefined) add('SUBJ-01', 'incomplete');
      else if (rejectedTargets.has(t.type)) add('SUBJ-01', 'fail');
      else if (reviewTargets.has(t.type) || !telegram) add('SUBJ-01', 'review');
      else {
        const cls = id.targetSyntax(t.type, t.value);
        add('SUBJ-01', cls === null || cls === 'doubtful' ? 'review' : cls === 'ok' ? 'pass' : 'fail');
      }
      if (t.type === 'username' || t.type === 'link') {
        lookalikes = true;
        add('SUBJ-02', t.value === undefined ? 'incomplete' : id.lookalike(t.value) ? 'fail' : 'pass');
      }
      add('SUBJ-03', !t.role || t.role === 'unknown' ? 'incomplete' : roles.has(t.role) ? 'pass' : 'fail');
    }
    if (!lookalikes) add('SUBJ-02', 'not_applicable');
    if (targets.length === 0) add('SUBJ-03', 'incomplete');
    // OFF-01, OFF-02
    const offences = r.case?.offences ?? [];
    if (offences.length === 0) {
      add('OFF-01', 'fail');
      add('OFF-02', 'incomplete');
    }
    for (const o of offences) {
      add('OFF-01', o.provision ? 'pass' : 'fail');
      add('OFF-02', !o.category ? 'incomplete' : tos.has(o.category) ? 'pass' : reviewOffences.has(o.category) ? 'review' : 'fail');
    }
    // DATA-01 … DATA-04
    const items = r.data_requested ?? [];
    if (items.length === 0) {
      add('DATA-01', 'fail');
      add('DATA-03', 'not_applicable');
      add('DATA-04', 'not_applicable');
    }
    let ip = false;
    for (const d of items) {
      add('DATA-01', !d.category ? 'incomplete' : disclosable.has(d.category) ? 'pass' : 'fail');
      const from = d.from !== undefined ? id.parseTime(d.from) : null;
      const to = d.to !== undefined ? id.parseTime(d.to) : null;
      if (d.category === 'ip_address') {
        ip = true;
        if (!from || !to) add('DATA-02', 'fail');
        else if (to.dateOnly ? !(id.startIn(from, off) < id.endIn(to, off)) : id.startIn(from, off) > to.instant) add('DATA-02', 'fail');
        else add('DATA-02', afterReceipt(from) || afterReceipt(to) ? 'fail' : 'pass');
      }
      if (!from && !to) {
        add('DATA-03', 'not_applicable');
        add('DATA-04', 'not_applicable');
      } else if (!from || !to) {
        add('DATA-03', 'incomplete');
        add('DATA-04', 'incomplete');
      } else {
        add('DATA-03', ageMs(from) > p.retention_days * dayMs ? 'review' : 'pass');
        const end = id.endIn(to, off);
        if (validUntil && end > id.endIn(validUntil, off)) add('DATA-04', 'fail');
        else add('DATA-04', end - id.startIn(from, off) > p.max_range_days * dayMs ? 'fail' : 'pass');
      }
    }
    if (!ip) add('DATA-02', 'not_applicable');
    // EMER-01
    if (!emergency) add('EMER-01', 'not_applicable');
    else {
      const e = r.emergency;
      add('EMER-01', e?.threat && e?.person_at_risk && e?.why_this_data ? 'pass' : 'fail');
    }
    // EMER-02
    const rq = r.requester;
    if (rq?.email === undefined) add('EMER-02', 'incomplete');
    else {
      const mail = id.email(rq.email);
      let signal = !mail.ok || mail.trimmed || isFree(mail.domain);
      if (!signal && rq.reply_to !== undefined) {
        const reply = id.email(rq.reply_to);
        signal = !reply.ok || reply.trimmed || isFree(reply.domain) || reply.domain !== mail.domain;
      }
      if (!signal && emergency) {
        const s = rq.supervisor;
        signal = !s?.name || !s?.phone || id.e164(s.phone) !== 'ok' || rq.channel === 'email';
      }
      add('EMER-02', signal ? 'review' : 'pass');
    }
    add('PROC-01', 'pass');
    return { verdict: verdictOf(out), findings: out };
  };
}
