// Rules of the process family: what happens after a disclosure (PROC-01). Informational: it
// always passes, and says how the disclosure is counted and whether notice is to be withheld.
#include "rules/rule.hpp"

namespace reqcheck::rules {
namespace {

void proc01(Context& c) {
  std::string msg = "a disclosure is counted in the platform's quarterly transparency report";
  const auto& nd = c.request.non_disclosure;
  if (nd && nd->requested.value_or(false) && nd->until) c.deadline("user not to be notified until", nd->until->text, "/non_disclosure/until");
  if (nd && nd->requested.value_or(false)) {
    msg += "; the request asks that the user not be notified";
    if (nd->until) msg += " until " + quote(nd->until->text);
    msg += nd->order_reference ? " under order " + quote(*nd->order_reference) : ", without naming a court order that forbids notice";
  }
  c.pass("", msg);
}

}  // namespace

const std::vector<Rule>& process_rules() {
  static const std::vector<Rule> rules = {
      {"PROC-01", "disclosure is counted in the transparency report", "Telegram Privacy Policy §8.3", "process", {}, proc01,
       RuleKind::informational},
  };
  return rules;
}

}  // namespace reqcheck::rules
