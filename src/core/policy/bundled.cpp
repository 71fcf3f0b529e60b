// The packs compiled into the engine (assets/packs/*.json, embedded at build time by
// src/core/embed.cmake), the version of the tz database whose zones are embedded beside them,
// and which zone names packs may use (ident/legal_time.hpp holds the zones themselves).
#include "ident/legal_time.hpp"
#include "policy/pack.hpp"
#include "reqcheck/policy.hpp"

namespace reqcheck::embedded {
/// Generated: the bundled packs' ids and texts, newest first.
extern const std::vector<policy::BundledPack> kPacks;
/// Generated: the version of Debian's tzdata whose TZif files are embedded (e.g. `2025b`).
extern const std::string_view kTzVersion;
}  // namespace reqcheck::embedded

namespace reqcheck {

namespace policy {

const std::vector<BundledPack>& bundled_packs() { return embedded::kPacks; }

bool known_zone(std::string_view name) { return ident::zone_known(name); }

}  // namespace policy

std::string_view tz_version() { return embedded::kTzVersion; }

}  // namespace reqcheck
