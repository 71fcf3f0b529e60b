// The `mla` profile (frameworks.md §1, §3.4): a mutual legal assistance request. Platforms see
// forged "MLAT" letters from authorities that are no central authority; the profile flags them for
// review (platform practice, text not verified).
#include "parse/enums.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules {
namespace {

/// INTL-01 (platform practice, text not verified): a mutual legal assistance request comes through
/// a central authority; from any other (or an unstated) issuer it is a signal to verify.
void intl01(Context& c) {
  const auto& ia = c.request.issuing_authority;
  if (ia && ia->type && c.listed("mla_central_types", *ia->type)) {
    c.not_applicable("/issuing_authority/type", "the request comes from an authority of type " + quote(*ia->type));
    return;
  }
  c.review("/issuing_authority/type",
           ia && ia->type ? "a mutual legal assistance request from an authority of type " + quote(*ia->type) + ", not a central authority"
                          : "a mutual legal assistance request whose issuer's type is not given",
           "mutual legal assistance passes between central authorities: verify the request through the requested State's central "
           "authority, or send it from yours (`issuing_authority.type` `central_authority`)");
}

}  // namespace

/// The rule of the `mla` profile, INTL-01 (listed by assets/packs/mla.json).
const std::vector<Rule>& mla_rules() {
  static const std::vector<Rule> rules = {
      {"INTL-01", "a mutual legal assistance request comes from a central authority", "platform practice (text not verified)", "mla",
       {{"mla_central_types", ParamKind::string_list, parse::kAuthorityTypes, {}}}, intl01, RuleKind::review_only},
  };
  return rules;
}

}  // namespace reqcheck::rules
