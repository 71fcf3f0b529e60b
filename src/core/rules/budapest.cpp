// The `budapest` profile (frameworks.md §1, §3.4): a request whose legal basis cites the Council
// of Europe Convention on Cybercrime (ETS 185) or its Second Additional Protocol (CETS 224), as
// §2.5 recognises a citation. Its pack (assets/packs/coe-budapest.json) applies it on that citation.
#include "ident/law.hpp"
#include "parse/enums.hpp"
#include "rules/profile_params.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules {
namespace {

/// BC-18 (Convention Art. 18(1)(b), (3)): a production order to a service provider offering its
/// services in the Party's territory reaches subscriber information; anything more is for the
/// provider's legal team.
void bc18(Context& c) {
  if (!ident::cites(c.request, "coe_budapest", c.list_map("law_aliases"))) {
    c.not_applicable("/instrument/legal_basis", "no legal basis cites the Convention on Cybercrime itself");
    return;
  }
  const auto& items = c.request.data_requested;
  if (!items || items->empty()) {
    c.not_applicable("/data_requested", "no data is requested");
    return;
  }
  std::vector<std::string> beyond;
  for (const auto& d : *items)
    if (!d.category || !c.listed("bc18_subscriber_categories", *d.category)) beyond.push_back(d.category.value_or("(no category)"));
  if (beyond.empty()) {
    c.pass("/data_requested", "every item is subscriber information, which Art. 18(1)(b) reaches");
    return;
  }
  c.review("/data_requested", "the request asks for " + backticked(beyond) + ", not only subscriber information (Art. 18(3))",
           "Art. 18(1)(b) reaches subscriber information (" + backticked(c.strings("bc18_subscriber_categories")) +
               "); for traffic or content data cite the national provision or use mutual assistance");
}

/// BCP-07 (Second Additional Protocol Art. 7, text not verified): direct disclosure of subscriber
/// information rests on a protocol not yet in force.
void bcp07(Context& c) {
  if (!ident::cites(c.request, "coe_budapest_protocol2", c.list_map("law_aliases"))) {
    c.not_applicable("/instrument/legal_basis", "no legal basis cites the Second Additional Protocol");
    return;
  }
  c.review("/instrument/legal_basis", "the request cites the Second Additional Protocol (CETS 224), not yet in force",
           "Art. 7 (direct disclosure of subscriber information) binds no Party until the Protocol is in force (5 ratifications; "
           "3 so far) and not a Party that reserved it (Japan): cite the national provision the order is issued under");
}

}  // namespace

/// The rules of the `budapest` profile, BC-18 and BCP-07 (listed by assets/packs/coe-budapest.json).
const std::vector<Rule>& budapest_rules() {
  static const std::vector<Rule> rules = {
      {"BC-18", "a Convention production order asks only for subscriber information",
       "Convention on Cybercrime (ETS 185) Art. 18(1)(b), (3)", "budapest",
       {law_aliases_param(), {"bc18_subscriber_categories", ParamKind::string_list, parse::kDataCategories, {}}}, bc18},
      {"BCP-07", "the Second Additional Protocol is not in force",
       "Second Additional Protocol to the Convention on Cybercrime (CETS 224) Art. 7 (text not verified)", "budapest", {law_aliases_param()},
       bcp07, RuleKind::review_only},
  };
  return rules;
}

}  // namespace reqcheck::rules
