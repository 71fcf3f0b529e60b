// The registry: every rule of every family. The families are found at build time
// (families.cmake writes `families()` from the rule folders), so a new family is a new file; the
// registry test checks that every rule has a doc page, cases and a pack entry.
#include "rules/rule.hpp"

namespace reqcheck::rules {

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> rules = [] {
    std::vector<const Rule*> out;
    for (const auto* family : families())
      for (const auto& r : *family) out.push_back(&r);
    return out;
  }();
  return rules;
}

const Rule* find_rule(std::string_view id) {
  for (const auto* r : all_rules())
    if (r->id == id) return r;
  return nullptr;
}

}  // namespace reqcheck::rules
