// What each engine of the side-by-side benchmark returns per request, reqcheck included: the
// verdict, the packs applied and every finding's rule and status, as JSON text. The peers
// compute exactly that, so reqcheck is timed doing the same job: the typed check (every rule,
// messages and fixes built), without rendering the full reqcheck.report/1 text or hashing the
// input, which only a shown or saved report needs (bench/run.sh times check_json separately).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "reqcheck/engine.hpp"

namespace reqcheck_peers {

/// The checking options of every engine in the benchmark: the fixed checking time `now`
/// (RFC 3339), no input digest.
inline reqcheck::CheckOptions options(std::string_view now) {
  reqcheck::CheckOptions o;
  o.now = std::string(now);
  o.input_digest = false;
  return o;
}

/// `{verdict, policies: [{id}], findings: [{rule, status}]}` of one check of `text` against the
/// bundled packs: the shape engines/reqcheck.mjs readReport() reads.
inline std::string outcome_json(std::string_view text, const reqcheck::CheckOptions& o) {
  const auto r = reqcheck::check(reqcheck::Policy::bundled(), text, o);
  nlohmann::json out = {{"verdict", reqcheck::report::to_string(r.verdict)}, {"policies", nlohmann::json::array()},
                        {"findings", nlohmann::json::array()}};
  for (const auto& p : r.policies) out["policies"].push_back({{"id", p.id}});
  for (const auto& f : r.findings) out["findings"].push_back({{"rule", f.rule}, {"status", reqcheck::report::to_string(f.status)}});
  return out.dump();
}

}  // namespace reqcheck_peers
