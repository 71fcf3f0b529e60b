// JSON text → model::Request (reqcheck.request/1), with a diagnostic for every value the model
// cannot hold: wrong type, value outside an enum (with "did you mean"), invalid RFC 3339 date,
// unknown `schema`. Unknown fields are `review` diagnostics. Absent fields are not errors.
#pragma once

#include <optional>
#include <string_view>

#include "parse/diagnostic.hpp"
#include "parse/json_text.hpp"
#include "ident/rfc3339.hpp"
#include "reqcheck/request.hpp"

namespace reqcheck::parse {

/// The schema identifier a request must carry in `schema`.
inline constexpr std::string_view kRequestSchema = "reqcheck.request/1";

/// Outcome of reading a request. `request` is set unless the text is unreadable; when
/// `has_errors(diagnostics)` the request must not be checked (verdict `invalid_input`).
/// `locations`: where each value of the text lies (Locations::span() gives offset, end, line
/// and column for any JSON Pointer, falling back to its nearest located ancestor); empty when
/// the text was refused before parsing (too large, not UTF-8 ...).
struct RequestRead {
  std::optional<model::Request> request;
  Diagnostics diagnostics;
  /// Where each value is in the text (to place every finding, not only input errors).
  Locations locations;
};

/// Reads a request from JSON text. Never throws.
RequestRead read_request(std::string_view text);

}  // namespace reqcheck::parse
