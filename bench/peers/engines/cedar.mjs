// The default pack's rules as Cedar policies (@cedar-policy/cedar-wasm): each non-passing outcome
// of engines/rules.mjs is a `forbid` policy whose id is "RULE:status", over the attributes of
// engines/features.mjs passed as the request's context; one `permit` lets a request with no
// finding through. The policies are printed from the pack and parsed once (preparsePolicySet);
// each check is one statefulIsAuthorized call, whose reasons are the findings.
import { features } from './features.mjs';
import { platformRules } from './rules.mjs';
import { verdictOf } from './plain.mjs';

const lit = (s) => JSON.stringify(s);

function expr(n) {
  if (!Array.isArray(n)) return typeof n === 'string' ? lit(n) : String(n);
  const [op, ...a] = n;
  switch (op) {
    case 'var': return `context.${a[0]}`;
    case 'and': return a.length === 1 ? expr(a[0]) : `(${a.map(expr).join(' && ')})`;
    case 'or': return a.length === 0 ? 'false' : a.length === 1 ? expr(a[0]) : `(${a.map(expr).join(' || ')})`;
    case 'not': return `!${expr(a[0])}`;
    case '==': case '!=': case '>': return `(${expr(a[0])} ${op} ${expr(a[1])})`;
    case 'in': return `[${a[1].map(lit).join(', ')}].contains(${expr(a[0])})`;
    case 'any': return `${expr(a[0])}.containsAny([${a[1].map(lit).join(', ')}])`;
    case 'all': return `[${a[1].map(lit).join(', ')}].containsAll(${expr(a[0])})`;
    case 'domain': return `(${a[1].map((d) => (d.startsWith('.') ? `${expr(a[0])} like ${lit('*' + d)}`
      : `${expr(a[0])} == ${lit(d)} || ${expr(a[0])} like ${lit('*.' + d)}`)).join(' || ')})`;
    default: throw new Error(`cedar: no form for ${op}`);
  }
}

/** The Cedar policy set of a platform pack: {id → policy text}. */
export function cedarPolicies(pack) {
  const out = { meets: 'permit (principal, action, resource);' };
  for (const r of platformRules(pack)) out[r.id] = `forbid (principal, action, resource) when { ${expr(r.when)} };`;
  return out;
}

/**
 * Parses the pack's policies into cedar-wasm `cedar` (the nodejs or web build, initialised) and
 * returns `check(requestText)` → `{verdict, findings: [{rule, status}]}`.
 */
export function createCedarEngine(cedar, pack) {
  const parsed = cedar.preparsePolicySet('telegram', { staticPolicies: cedarPolicies(pack) });
  if (parsed.type !== 'success') throw new Error('cedar: ' + JSON.stringify(parsed.errors));
  const principal = { type: 'Requester', id: 'requester' };
  const action = { type: 'Action', id: 'disclose' };
  const resource = { type: 'Account', id: 'targets' };
  return function check(text) {
    const answer = cedar.statefulIsAuthorized({
      principal, action, resource, context: features(JSON.parse(text)), preparsedPolicySetId: 'telegram', entities: [],
    });
    if (answer.type !== 'success') throw new Error('cedar: ' + JSON.stringify(answer.errors));
    const { reason, errors } = answer.response.diagnostics;
    if (errors.length) throw new Error('cedar: ' + JSON.stringify(errors));
    const findings = [];
    for (const id of reason) {
      if (id === 'meets') continue;
      const [rule, status] = id.split(':');
      findings.push({ rule, status });
    }
    return { verdict: verdictOf(findings), findings };
  };
}
