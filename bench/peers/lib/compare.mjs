// What the engines must agree on: a request's verdict and its non-passing rules, each with its
// worst status (fail > review > incomplete), as one comparable key.
const RANK = { fail: 3, review: 2, incomplete: 1 };

/** The key of a result {verdict, findings: [{rule, status}]}: "verdict | RULE:status …". */
export function keyOf(result) {
  const worst = new Map();
  for (const f of result.findings) {
    const r = RANK[f.status];
    if (r && r > (RANK[worst.get(f.rule)] || 0)) worst.set(f.rule, f.status);
  }
  const rules = [...worst].map(([rule, status]) => `${rule}:${status}`).sort();
  return `${result.verdict} | ${rules.join(' ') || '-'}`;
}
