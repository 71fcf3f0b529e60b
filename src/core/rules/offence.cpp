// Rules of the offence family: at least one offence with its provision (OFF-01), and every
// offence category a violation of the platform's Terms of Service (OFF-02).
#include "parse/enums.hpp"
#include "parse/json_text.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules {
namespace {

using parse::kOffenceCategories;
using parse::pointer_append;

const std::vector<model::Offence>* offences(const Context& c) {
  if (!c.request.case_ || !c.request.case_->offences || c.request.case_->offences->empty()) return nullptr;
  return &*c.request.case_->offences;
}

std::string offence_ptr(std::size_t i, std::string_view field) {
  return pointer_append(pointer_append("/case/offences", i), field);
}

void off01(Context& c) {
  const auto* list = offences(c);
  if (!list) {
    c.fail("/case/offences", "the request names no offence", "add `case.offences` with the category and criminal-law provision of each");
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& o = (*list)[i];
    if (o.provision)
      c.pass(offence_ptr(i, "provision"), "offence " + nth(i) + " is defined by " + quote(*o.provision));
    else
      c.fail(offence_ptr(i, "provision"), "offence " + nth(i) + " names no criminal-law provision",
             "give the provision, e.g. `§ 29 BtMG`");
  }
}

void off02(Context& c) {
  const auto* list = offences(c);
  if (!list) {
    c.incomplete("/case/offences", "without offences the Terms of Service cannot be matched", "add `case.offences`");
    return;
  }
  const auto& tos = c.string_map("offence_tos_clauses");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& o = (*list)[i];
    const std::string ptr = offence_ptr(i, "category");
    if (!o.category) {
      c.incomplete(ptr, "offence " + nth(i) + " has no category", "give its `category`");
    } else if (auto it = tos.find(*o.category); it != tos.end()) {
      c.pass(ptr, quote(*o.category) + " violates the Terms of Service (" + it->second + ")");
    } else if (c.listed("review_offence_categories", *o.category)) {
      c.review(ptr, quote(*o.category) + " is not clearly a violation of the Terms of Service",
               "describe the conduct and the Terms of Service clause it breaches; the platform's legal team decides");
    } else {
      std::vector<std::string> covered;
      for (const auto& [category, clause] : tos) covered.push_back(category);
      c.fail(ptr, quote(*o.category) + " is not an offence the policy in force discloses data for",
             "the policy in force discloses only for " + backticked(covered) +
                 " (criminal activity that violates the Terms of Service; protected expression never qualifies)");
    }
  }
}

}  // namespace

const std::vector<Rule>& offence_rules() {
  static const std::vector<Rule> rules = {
      {"OFF-01", "at least one offence, each with a provision", "Telegram Privacy Policy §8.3: \"criminal activities\"", "offence", {}, off01},
      {"OFF-02", "every offence violates the Terms of Service", "Telegram Privacy Policy §8.3: \"violate the Terms of Service\"; Terms of Service",
       "offence",
       {{"offence_tos_clauses", ParamKind::string_map, {}, kOffenceCategories},
        {"review_offence_categories", ParamKind::string_list, kOffenceCategories, {}}},
       off02},
  };
  return rules;
}

}  // namespace reqcheck::rules
