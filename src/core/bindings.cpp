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

/// `window.reqcheck.check`: the report JSON of `request` (`request_len` bytes) checked against
/// `pack` (`pack_len` bytes of a pack file's text; 0 for the bundled packs), at the clock's time.
/// Lengths, not NUL terminators, delimit the texts, so that a NUL byte inside a request reaches
/// the engine (which refuses it) instead of silently ending it. malloc'd; free with rc_free.
char* rc_check(const char* request, int request_len, const char* pack, int pack_len) {
  const std::string_view req(request != nullptr && request_len > 0 ? request : "", request != nullptr && request_len > 0 ? request_len : 0);
  const std::string_view pk(pack != nullptr && pack_len > 0 ? pack : "", pack != nullptr && pack_len > 0 ? pack_len : 0);
  return copy_out(reqcheck::check_json(req, pk, {}));
}

/// Frees a string returned by these functions.
void rc_free(char* p) { std::free(p); }

/// The engine version, malloc'd (free with rc_free).
char* rc_version() { return copy_out(reqcheck::version()); }

}  // extern "C"
