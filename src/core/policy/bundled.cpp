// The packs compiled into the engine (assets/packs/*.json, embedded at build time by
// src/core/embed.cmake), and the IANA zone names of Debian's tzdata embedded beside them.
#include <algorithm>

#include "policy/pack.hpp"
#include "reqcheck/policy.hpp"

namespace reqcheck::embedded {
/// Generated: the bundled packs' ids and texts, newest first.
extern const std::vector<policy::BundledPack> kPacks;
/// Generated: the tz database's zone and link names, sorted, and its version.
extern const std::vector<std::string_view> kZoneNames;
extern const std::string_view kTzVersion;
}  // namespace reqcheck::embedded

namespace reqcheck {

namespace policy {

const std::vector<BundledPack>& bundled_packs() { return embedded::kPacks; }

bool known_zone(std::string_view name) { return std::binary_search(embedded::kZoneNames.begin(), embedded::kZoneNames.end(), name); }

}  // namespace policy

std::string_view tz_version() { return embedded::kTzVersion; }

}  // namespace reqcheck
