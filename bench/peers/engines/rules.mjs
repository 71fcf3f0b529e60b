// The default pack's rules as conditions on the attributes of engines/features.mjs, one per
// non-passing outcome ("RULE:status"), built from the pack's parameters. A small expression tree
// that engines/cedar.mjs prints as Cedar policies and engines/jsonlogic.mjs as json-logic, so the
// two encodings cannot drift apart; the plain-JS engine is written separately and is what both
// are verified against. Where a rule gives one finding, its conditions exclude one another in the
// rule page's order; where it judges each target, offence or item, they may overlap, and the
// worst status counts (lib/compare.mjs).

import { ISO3166 } from '../lib/ident.mjs';

const DAY = 86400000;
// The nodes of the tree: an attribute, boolean connectives and comparisons of an attribute with a
// literal (or another attribute).
/** An attribute of the features. */
export const v = (name) => ['var', name];
export const and = (...xs) => ['and', ...xs];
export const or = (...xs) => ['or', ...xs];
export const not = (x) => ['not', x];
export const eq = (a, b) => ['==', a, b];
export const ne = (a, b) => ['!=', a, b];
export const gt = (a, b) => ['>', a, b];
/** A scalar attribute is one of the listed strings. */
export const oneOf = (a, list) => ['in', a, list];
/** A set attribute holds at least one of the listed strings. */
export const anyOf = (set, list) => ['any', set, list];
/** Every element of a set attribute is one of the listed strings. */
export const allOf = (set, list) => ['all', set, list];
/** A domain attribute is, or is under, one of the listed domains (a leading dot: a suffix). */
export const domainIn = (a, list) => ['domain', a, list];

/** [{id: 'RULE:status', when}] for the platform pack `pack`. */
export function platformRules(pack) {
  const p = pack.parameters;
  const J = p.judicial_authority_types;
  const free = p.free_mail_domains;
  const vaJ = oneOf(v('va_type'), J);
  const iaJ = oneOf(v('ia_type'), J);
  const route = or(...p.authority_review_routes.map((x) => and(eq(v('ia_type'), x.authority),
    ...(x.instrument ? [eq(v('instr_type'), x.instrument)] : []), ...(x.emergency ? [v('emergency')] : []))));
  const roleOnly = and(v('ia'), eq(v('ia_type'), ''), v('ia_role'));
  const auth03Incomplete = or(not(v('ia')), not(v('ia_name')), and(eq(v('ia_email'), 'absent'), eq(v('ia_phone'), 'absent')));
  const mailOk = eq(v('ia_email'), 'ok'), phoneOk = eq(v('ia_phone'), 'ok');
  const doubtful = or(eq(v('ia_email'), 'doubtful'), eq(v('ia_phone'), 'doubtful'));
  const JI = p.judicial_instruments;
  const signedNamed = and(eq(v('signed'), 'true'), v('signatory_name'), oneOf(v('instr_type'), JI));
  const expired = and(v('valid'), v('valid_ended'));
  const byInstr = p.accepted_languages_by_instrument;
  const langOk = or(...Object.entries(byInstr).map(([t, langs]) => and(eq(v('instr_type'), t), oneOf(v('language_primary'), langs))),
    and(not(oneOf(v('instr_type'), Object.keys(byInstr))), oneOf(v('language_primary'), p.accepted_languages)));
  const passRoles = [...p.accepted_target_roles, 'unknown', 'absent'];
  const judgedOffences = [...Object.keys(p.offence_tos_clauses), ...p.review_offence_categories, 'absent'];
  const freeReq = domainIn(v('req_email_domain'), free), freeReply = domainIn(v('reply_to_domain'), free);
  return [
    { id: 'AUTH-01:review', when: and(not(vaJ), or(roleOnly, and(ne(v('ia_type'), ''), not(iaJ), route))) },
    { id: 'AUTH-01:incomplete', when: and(not(vaJ), eq(v('ia_type'), ''), not(roleOnly)) },
    { id: 'AUTH-01:fail', when: and(not(vaJ), ne(v('ia_type'), ''), not(iaJ), not(route)) },
    { id: 'AUTH-02:incomplete', when: eq(v('ia_country'), '') },
    { id: 'AUTH-02:review', when: oneOf(v('ia_country'), ['UK', 'EL']) },
    { id: 'AUTH-02:fail', when: and(ne(v('ia_country'), ''), not(oneOf(v('ia_country'), ['UK', 'EL', ...ISO3166]))) },
    { id: 'AUTH-03:incomplete', when: auth03Incomplete },
    { id: 'AUTH-03:fail', when: and(not(auth03Incomplete), not(mailOk), not(phoneOk), not(doubtful)) },
    { id: 'AUTH-03:review', when: and(not(auth03Incomplete), or(and(not(mailOk), not(phoneOk), doubtful),
      and(mailOk, or(and(not(phoneOk), domainIn(v('ia_email_domain'), free)), v('ia_email_trimmed'))))) },
    { id: 'INSTR-01:incomplete', when: eq(v('instr_type'), '') },
    { id: 'INSTR-01:review', when: oneOf(v('instr_type'), p.review_instruments) },
    { id: 'INSTR-01:fail', when: and(ne(v('instr_type'), ''), not(oneOf(v('instr_type'), [...p.accepted_instruments, ...p.review_instruments]))) },
    { id: 'INSTR-02:incomplete', when: or(eq(v('signed'), 'absent'), and(signedNamed, eq(v('signatory_role'), ''))) },
    { id: 'INSTR-02:fail', when: or(eq(v('signed'), 'false'), and(eq(v('signed'), 'true'), not(v('signatory_name')))) },
    { id: 'INSTR-02:review', when: and(signedNamed, ne(v('signatory_role'), ''), not(oneOf(v('signatory_role'), J))) },
    { id: 'INSTR-03:fail', when: or(not(v('issued')), v('issued_after_receipt')) },
    { id: 'INSTR-04:fail', when: expired },
    { id: 'INSTR-04:incomplete', when: and(not(expired), not(v('issued'))) },
    { id: 'INSTR-04:review', when: and(not(expired), v('issued'), gt(v('issued_age_ms'), p.max_instrument_age_days * DAY)) },
    { id: 'INSTR-05:fail', when: eq(v('basis_with_provision'), 0) },
    { id: 'INSTR-06:incomplete', when: not(v('language')) },
    { id: 'INSTR-06:review', when: and(v('language'), not(langOk)) },
    { id: 'SUBJ-01:fail', when: or(eq(v('targets'), 0), anyOf(v('target_types'), p.rejected_target_types), anyOf(v('target_syntax'), ['invalid', 'other_type'])) },
    { id: 'SUBJ-01:review', when: or(anyOf(v('target_types'), p.review_target_types), anyOf(v('target_syntax'), ['doubtful', 'unchecked'])) },
    { id: 'SUBJ-01:incomplete', when: v('target_incomplete') },
    { id: 'SUBJ-02:fail', when: v('lookalike') },
    { id: 'SUBJ-02:incomplete', when: v('lookalike_missing') },
    { id: 'SUBJ-03:incomplete', when: or(eq(v('targets'), 0), anyOf(v('target_roles'), ['unknown', 'absent'])) },
    { id: 'SUBJ-03:fail', when: and(gt(v('targets'), 0), not(allOf(v('target_roles'), passRoles))) },
    { id: 'OFF-01:fail', when: or(eq(v('offences'), 0), v('offence_no_provision')) },
    { id: 'OFF-02:incomplete', when: or(eq(v('offences'), 0), anyOf(v('offence_categories'), ['absent'])) },
    { id: 'OFF-02:review', when: anyOf(v('offence_categories'), p.review_offence_categories) },
    { id: 'OFF-02:fail', when: and(gt(v('offences'), 0), not(allOf(v('offence_categories'), judgedOffences))) },
    { id: 'DATA-01:fail', when: or(eq(v('items'), 0), not(allOf(v('item_categories'), [...p.disclosable_data_categories, 'absent']))) },
    { id: 'DATA-01:incomplete', when: anyOf(v('item_categories'), ['absent']) },
    { id: 'DATA-02:fail', when: or(v('ip_missing_range'), v('ip_reversed'), v('ip_after_receipt')) },
    { id: 'DATA-03:review', when: and(gt(v('ranged_items'), 0), gt(v('range_max_from_age_ms'), p.retention_days * DAY)) },
    { id: 'DATA-03:incomplete', when: v('range_half') },
    { id: 'DATA-04:fail', when: and(gt(v('ranged_items'), 0), or(and(v('valid'), gt(v('range_max_end'), v('valid_end'))),
      gt(v('range_max_len_ms'), p.max_range_days * DAY))) },
    { id: 'DATA-04:incomplete', when: v('range_half') },
    { id: 'EMER-01:fail', when: and(v('emergency'), not(v('emergency_complete'))) },
    { id: 'EMER-02:incomplete', when: eq(v('req_email'), 'absent') },
    { id: 'EMER-02:review', when: and(ne(v('req_email'), 'absent'), or(ne(v('req_email'), 'ok'), v('req_email_trimmed'), freeReq,
      and(ne(v('reply_to'), 'absent'), or(ne(v('reply_to'), 'ok'), v('reply_to_trimmed'), freeReply, ne(v('reply_to_domain'), v('req_email_domain')))),
      and(v('emergency'), or(not(v('supervisor_name')), ne(v('supervisor_phone'), 'ok'), eq(v('channel'), 'email'))))) },
  ];
}
