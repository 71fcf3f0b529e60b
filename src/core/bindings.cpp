// The C functions the page's JavaScript calls (web/glue.js; exported by the app's link line):
// the text API of the engine and nothing else. Strings cross as NUL-terminated UTF-8; results are
// malloc'd and freed by the caller with rc_free, so no buffer outlives a call unowned.
#include <cstdlib>
#include <cstring>
#include <string>

#include "reqcheck/engine.hpp"

namespace {

char* copy_out(std::string_view s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out != nullptr) {
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
  }
  return out;
}

}  // namespace

extern "C" {

/// `window.reqcheck.check`: the report JSON of `request` checked against `pack` (a pack file's
/// text, or empty/NULL for the bundled packs), at the clock's time. malloc'd; free with rc_free.
char* rc_check(const char* request, const char* pack) {
  return copy_out(reqcheck::check_json(request != nullptr ? request : "", pack != nullptr ? pack : "", {}));
}

/// Frees a string returned by these functions.
void rc_free(char* p) { std::free(p); }

/// The engine version, malloc'd (free with rc_free).
char* rc_version() { return copy_out(reqcheck::version()); }

}  // extern "C"
