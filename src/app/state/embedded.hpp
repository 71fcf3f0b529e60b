// Files compiled in at build time (see ../cmake/embed_files.cmake): the sample requests from
// assets/samples/ (in reqcheck_app_state) and the subset fonts (only in the web app, ui.hpp).
// Read-only data, no state.
#pragma once

#include <cstddef>
#include <string_view>

namespace reqcheck::app {

/// One embedded file: its base name and bytes (`size` bytes, followed by a NUL not counted).
/// `data` is null for a file only listed: the page's build compiles in the default sample alone
/// and fetches the others from its own folder when opened (dist/samples/).
struct EmbeddedFile {
  const char* name;
  const unsigned char* data;
  std::size_t size;

  /// The bytes as text (samples are UTF-8 JSON).
  std::string_view text() const { return {reinterpret_cast<const char*>(data), size}; }
};

/// The sample requests (JSON, and ETSI HI-1 XML or JSON), sorted by file name; `samples_count` may be 0 (then the one entry is empty).
extern const EmbeddedFile samples[];
extern const std::size_t samples_count;

}  // namespace reqcheck::app
