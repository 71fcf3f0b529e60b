// The engine entry of the side-by-side benchmark (bench/peers): the same engine as the page
// (reqcheck_core, its bundled packs compiled once), without the ImGui app, so that node and the
// browser load only what checking costs, like the peers they are compared with. The checking time
// is fixed once, so that reports are reproducible across engines and runs.
#include <cstdlib>
#include <cstring>
#include <string>

#include "outcome.hpp"

namespace {

reqcheck::CheckOptions g_options;

}  // namespace

extern "C" {

/// Sets the checking time (RFC 3339 date-time) and compiles the bundled packs, so that the first
/// check costs no more than any other; returns 0, or 1 when `now` is not a valid date-time.
int rc_peers_init(const char* now) {
  g_options = reqcheck_peers::options(now != nullptr ? now : "");
  if (!reqcheck::checking_time_error(g_options.now).empty()) return 1;
  return reqcheck::Policy::bundled().ok() ? 0 : 1;
}

/// The outcome JSON (outcome.hpp) of `request` (`len` bytes), checked against the bundled packs
/// at the time set by rc_peers_init. malloc'd; free with rc_peers_free.
char* rc_peers_check(const char* request, int len) {
  const std::string report = reqcheck_peers::outcome_json(std::string_view(request, len > 0 ? len : 0), g_options);
  char* out = static_cast<char*>(std::malloc(report.size() + 1));
  if (out != nullptr) {
    std::memcpy(out, report.data(), report.size());
    out[report.size()] = '\0';
  }
  return out;
}

/// Frees a report returned by rc_peers_check.
void rc_peers_free(char* p) { std::free(p); }

}  // extern "C"
