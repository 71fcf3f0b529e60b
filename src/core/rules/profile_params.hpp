// Parameter specs that several profiles read (frameworks.md §5), declared once so that every
// rule reading them has the same spec (the registry test holds them equal).
#pragma once

#include "rules/rule.hpp"

namespace reqcheck::rules {

/// `eu_member_states`: ISO 3166-1 alpha-2 codes of the Union's Member States (`GR` for Greece).
inline ParamSpec member_states_param() { return {"eu_member_states", ParamKind::string_list, {}, {}}; }

/// `law_aliases`: framework id → aliases of its act, matched as whole words in a legal basis's
/// normalised `law` (frameworks.md §2.5; keys: the frameworks a profile recognises).
inline ParamSpec law_aliases_param() {
  return {"law_aliases", ParamKind::list_map, {}, {"coe_budapest_protocol2", "coe_budapest", "eu_eevidence", "eu_dsa", "uk_copo", "us_sca"}};
}

}  // namespace reqcheck::rules
