// Finds where a JSON Pointer's value sits in the request text, so that a finding can select
// its field in the editor. A tolerant scanner: it works on text with errors past the target
// and falls back to the deepest ancestor that exists. Navigation only, no validation.
#pragma once

#include <cstddef>
#include <string_view>

namespace reqcheck::app {

/// A byte range of the text: `[begin, end)`.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool found = false;  ///< false: nothing on the pointer's path was found (span is empty)
  bool exact = false;  ///< true: the span is the pointer's own value, not an ancestor's key
};

/// The span of the value at `pointer` (RFC 6901; "" is the whole document). When the value is
/// absent, the span of the key of the deepest ancestor member that exists, or an empty span
/// just inside the deepest ancestor array element or document.
TextSpan locate_pointer(std::string_view text, std::string_view pointer);

/// The byte offset of a 1-based line and column (columns counted in bytes), clamped to the text.
std::size_t offset_of(std::string_view text, int line, int column);

}  // namespace reqcheck::app
