// The default pack's rules as ajv + json-logic: ajv (draft 2020-12) validates the request
// against reqcheck's published request schema, as a JS deployment would before reading it; then
// each non-passing outcome of engines/rules.mjs is a json-logic rule applied to the attributes of
// engines/features.mjs. Rules are built from the pack once, at init.
import { features } from './features.mjs';
import { platformRules } from './rules.mjs';
import { verdictOf } from './plain.mjs';

function logic(n) {
  if (!Array.isArray(n)) return n;
  const [op, ...a] = n;
  switch (op) {
    case 'var': return { var: a[0] };
    case 'and': return a.length === 1 ? logic(a[0]) : { and: a.map(logic) };
    case 'or': return a.length === 0 ? false : a.length === 1 ? logic(a[0]) : { or: a.map(logic) };
    case 'not': return { '!': logic(a[0]) };
    case '==': return { '===': [logic(a[0]), logic(a[1])] };
    case '!=': return { '!==': [logic(a[0]), logic(a[1])] };
    case '>': return { '>': [logic(a[0]), logic(a[1])] };
    case 'in': return { in: [logic(a[0]), a[1]] };
    case 'any': return { some: [logic(a[0]), { in: [{ var: '' }, a[1]] }] };
    // json-logic's `all` is false on an empty array; every use is guarded by a count > 0
    case 'all': return { all: [logic(a[0]), { in: [{ var: '' }, a[1]] }] };
    case 'domain': return { or: a[1].flatMap((d) => (d.startsWith('.') ? [{ '===': [{ substr: [logic(a[0]), -d.length] }, d] }]
      : [{ '===': [logic(a[0]), d] }, { '===': [{ substr: [logic(a[0]), -(d.length + 1)] }, '.' + d] }])) };
    default: throw new Error(`json-logic: no form for ${op}`);
  }
}

/** The json-logic rules of a platform pack: [{rule, status, logic}]. */
export function jsonLogicRules(pack) {
  return platformRules(pack).map((r) => {
    const [rule, status] = r.id.split(':');
    return { rule, status, logic: logic(r.when) };
  });
}

/**
 * Compiles the request schema with `Ajv2020` and the pack's rules for `jsonLogic` (json-logic-js);
 * returns `check(requestText)` → `{verdict, findings: [{rule, status}]}`, verdict `invalid_input`
 * when the schema refuses the request.
 */
export function createJsonLogicEngine(Ajv2020, jsonLogic, schema, pack) {
  const validate = new Ajv2020({ strict: false, allErrors: false }).compile(schema);
  const rules = jsonLogicRules(pack);
  return function check(text) {
    const request = JSON.parse(text);
    if (!validate(request)) return { verdict: 'invalid_input', findings: [{ rule: 'INPUT', status: 'fail' }] };
    const f = features(request);
    const findings = [];
    for (const r of rules) if (jsonLogic.apply(r.logic, f)) findings.push({ rule: r.rule, status: r.status });
    return { verdict: verdictOf(findings), findings };
  };
}
