// Helpers of the app state suite: a state bound to a NullPlatform with a fixed checking time,
// and files of the source tree. No ImGui, no browser.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "platform.hpp"
#include "state/app_state.hpp"

namespace apptest {

inline const std::filesystem::path kSourceDir = REQCHECK_SOURCE_DIR;

/// The checking time of every test, so that sample verdicts do not age with the calendar.
inline constexpr const char* kNow = "2026-11-30T12:00:00Z";

/// The bytes of a file under the source tree (e.g. `assets/samples/meets-criteria.json`).
inline std::string read_file(const std::filesystem::path& relative) {
  std::ifstream in(kSourceDir / relative, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The wire word of a verdict (`meets_criteria` ...), so that assertions read like reports.
inline std::string wire(reqcheck::report::Verdict v) { return std::string(reqcheck::report::to_string(v)); }

/// An app state over a NullPlatform, checking at kNow. Not initialised: call `init_app` or
/// load something.
struct Fixture {
  reqcheck::app::NullPlatform platform;
  reqcheck::app::AppState state{platform};
  Fixture() { state.checking_time = kNow; }
};

}  // namespace apptest
