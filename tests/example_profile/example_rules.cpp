// A test-only framework profile, to show what adding one takes: this family file, a pack
// (example-profile.json), a rule page (EX-01.md) and case folders (tests/cases/example/) —
// nothing else. The test build registers this folder (REQCHECK_EXTRA_RULE_DIRS); no pack the
// product bundles lists EX-01.
#include <chrono>

#include "ident/rfc3339.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules {
namespace {

/// EX-01: the production order states its own reference, and the answer is due `example_period`
/// after receipt (a deadline counted as exact hours).
void ex01(Context& c) {
  const auto& period = c.duration("example_period");
  if (period.unit == policy::Duration::Unit::hours)
    c.deadline("example answer due", ident::format_utc(c.received.instant + std::chrono::hours(period.count)), "/received_at",
               c.zone("example_zone"));
  const auto& in = c.request.instrument;
  if (in && in->reference) {
    c.pass("/instrument/reference", "the " + c.string("example_label") + " states its reference " + quote(*in->reference));
    return;
  }
  if (c.boolean("example_reference_required")) {
    c.incomplete("/instrument/reference", "the " + c.string("example_label") + " states no reference",
                 "give `instrument.reference` as the issuing authority wrote it");
    return;
  }
  c.pass("/instrument", "no reference is required since " + c.date("example_since").text);
}

}  // namespace

const std::vector<Rule>& example_rules() {
  static const std::vector<Rule> rules = {
      {"EX-01", "the production order states its reference", "reqcheck test profile (not a legal source)", "example",
       {{"example_reference_required", ParamKind::boolean, {}, {}},
        {"example_label", ParamKind::string, {}, {}},
        {"example_since", ParamKind::date, {}, {}},
        {"example_period", ParamKind::duration, {}, {}, 1, 1000},
        {"example_zone", ParamKind::zone, {}, {}}},
       ex01},
  };
  return rules;
}

}  // namespace reqcheck::rules
