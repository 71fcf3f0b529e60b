// What the engine carries, as JSON for JS and scripts (the page's pack picker and rules browser
// read it through the bindings): the packs of the bundled policy and the rules of a pack, both
// rendered from the compiled Policy.
#include <nlohmann/json.hpp>

#include "policy/pack.hpp"
#include "reqcheck/engine.hpp"

namespace reqcheck {

std::string bundled_packs_json() {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& p : Policy::bundled().packs()) {
    out.push_back({{"id", p.id},
                   {"kind", p.kind},
                   {"service", p.services.empty() ? "" : p.services.front()},
                   {"version", p.version},
                   {"title", p.title},
                   {"in_force_from", p.in_force_from},
                   {"in_force_until", p.in_force_until.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.in_force_until)}});
  }
  return out.dump(2);
}

std::string bundled_pack_text(std::string_view id) {
  for (const auto& p : policy::bundled_packs())
    if (p.id == id) return std::string(p.text);
  return {};
}

std::string rules_json(std::string_view pack_text) {
  const Policy policy = Policy::with_pack(pack_text);
  nlohmann::ordered_json out;
  if (!policy.ok()) {
    out["error"] = "the pack cannot be used";
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const auto& e : policy.errors())
      errors.push_back({{"code", e.code}, {"pointer", e.pointer}, {"line", e.line}, {"column", e.column}, {"message", e.message}, {"help", e.help}});
    out["errors"] = errors;
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  const auto rules = policy.rules();
  const std::string& id = policy.user_pack_id();
  for (const auto& p : policy.packs())
    if (id.empty() ? p.kind == "platform" : p.id == id) {
      out["pack"] = {{"id", p.id}, {"version", p.version}, {"kind", p.kind}, {"service", p.services.empty() ? "" : p.services.front()}, {"title", p.title}};
      break;
    }
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& r : rules.value_or(std::vector<RuleInfo>{}))
    list.push_back({{"id", r.id}, {"title", r.title}, {"legal_ref", r.legal_ref}, {"family", r.family}, {"kind", r.kind}, {"doc", r.doc}});
  out["rules"] = list;
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace reqcheck
