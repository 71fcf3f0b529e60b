// The registry: every rule family in order. A new family is a new file and a line here; the
// registry test checks that every rule has a doc page, cases and a pack entry.
#include "rules/rule.hpp"

namespace reqcheck::rules {

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> rules = [] {
    std::vector<const Rule*> out;
    for (const auto* family : {&authority_rules(), &instrument_rules(), &subject_rules(), &offence_rules(), &data_rules(),
                               &emergency_rules(), &process_rules()})
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
