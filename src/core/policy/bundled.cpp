// The packs compiled into the engine (assets/packs/*.json, embedded at build time by
// src/core/embed.cmake) and the choice of the version in force at a request's receipt.
#include <nlohmann/json.hpp>

#include "ident/identifiers.hpp"
#include "reqcheck/policy.hpp"

namespace reqcheck::embedded {
/// Generated: the bundled packs' ids and texts, newest first.
extern const std::vector<policy::BundledPack> kPacks;
}  // namespace reqcheck::embedded

namespace reqcheck::policy {

const std::vector<BundledPack>& bundled_packs() { return embedded::kPacks; }

std::optional<BundledPack> choose_bundled(std::string_view service, const ident::TimeValue& at, bool* before_earliest) {
  std::optional<BundledPack> earliest;
  std::optional<ident::TimeValue> earliest_from;
  if (before_earliest) *before_earliest = false;
  for (const auto& p : bundled_packs()) {
    const auto j = nlohmann::json::parse(p.text, nullptr, false);
    if (!j.is_object() || ident::ascii_lower(j.value("service", "")) != ident::ascii_lower(service)) continue;
    const auto from = ident::parse_rfc3339_datetime(j.value("in_force_from", ""));
    if (!from) continue;
    std::optional<ident::TimeValue> until;
    if (j.contains("in_force_until") && j["in_force_until"].is_string()) until = ident::parse_rfc3339_datetime(j["in_force_until"].get<std::string>());
    if (from->instant <= at.instant && (!until || at.instant < until->instant)) return p;
    if (!earliest_from || from->instant < earliest_from->instant) {
      earliest = p;
      earliest_from = from;
    }
  }
  if (earliest && earliest_from && at.instant < earliest_from->instant && before_earliest) *before_earliest = true;
  return earliest;
}

}  // namespace reqcheck::policy
