// Helpers shared by the unit tests: reading files of the source tree, running a check with a
// fixed clock, and picking findings out of a report.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "reqcheck/engine.hpp"

namespace testsupport {

inline const std::filesystem::path kSourceDir = REQCHECK_SOURCE_DIR;
inline constexpr const char* kNow = "2026-11-30T12:00:00Z";

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Checks `request` against the bundled packs at kNow (or `pack_id`) and parses the report.
inline nlohmann::json check(const std::string& request, const std::string& pack_id = "") {
  reqcheck::CheckOptions o;
  o.now = kNow;
  o.pack_id = pack_id;
  return nlohmann::json::parse(reqcheck::check_json(request, "", o));
}

/// The status of the first finding of `rule` at `pointer` (or at any pointer when empty), or
/// "none".
inline std::string status_of(const nlohmann::json& report, const std::string& rule, const std::string& pointer = "") {
  for (const auto& f : report["findings"])
    if (f["rule"] == rule && (pointer.empty() || f["pointer"] == pointer)) return f["status"].get<std::string>();
  return "none";
}

/// The request of assets/samples/meets-criteria.json as JSON, to modify in a test.
inline nlohmann::json base_request() { return nlohmann::json::parse(read_file(kSourceDir / "assets/samples/meets-criteria.json")); }

}  // namespace testsupport
