// What the engine carries: the bundled packs and the rules of a pack with their pages, as JSON
// for the CLI's `packs` and `rules` and the web app's pack picker and rules browser.
#include <nlohmann/json.hpp>

#include "reqcheck/engine.hpp"
#include "reqcheck/policy.hpp"
#include "rules/rule.hpp"

namespace reqcheck {

std::string bundled_packs_json() {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& p : policy::bundled_packs()) {
    const auto j = nlohmann::json::parse(p.text, nullptr, false);
    if (!j.is_object()) continue;
    out.push_back({{"id", j.value("id", "")}, {"service", j.value("service", "")}, {"version", j.value("version", "")},
                   {"title", j.value("title", "")}, {"in_force_from", j.value("in_force_from", "")},
                   {"in_force_until", j.contains("in_force_until") ? j["in_force_until"] : nlohmann::json(nullptr)}});
  }
  return out.dump(2);
}

std::string bundled_pack_text(std::string_view id) {
  for (const auto& p : policy::bundled_packs())
    if (p.id == id) return std::string(p.text);
  return {};
}

std::string rules_json(std::string_view pack_text) {
  const std::string text = pack_text.empty() ? std::string(policy::bundled_packs().front().text) : std::string(pack_text);
  auto loaded = policy::load_pack(text);
  nlohmann::ordered_json out;
  if (!loaded.pack) {
    out["error"] = "the pack cannot be used";
    nlohmann::ordered_json errors = nlohmann::ordered_json::array();
    for (const auto& e : loaded.errors)
      errors.push_back({{"pointer", e.pointer}, {"line", e.line}, {"column", e.column}, {"message", e.message}, {"help", e.help}});
    out["errors"] = errors;
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  out["pack"] = {{"id", loaded.pack->id}, {"version", loaded.pack->version}, {"service", loaded.pack->service}, {"title", loaded.pack->title}};
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& id : loaded.pack->rule_ids) {
    const auto* r = rules::find_rule(id);
    list.push_back({{"id", r->id}, {"title", r->title}, {"legal_ref", r->legal_ref}, {"family", r->family}, {"doc", rule_doc(r->id)}});
  }
  out["rules"] = list;
  return out.dump(2);
}

}  // namespace reqcheck
