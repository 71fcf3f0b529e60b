// Input diagnostics: what is wrong with the text of a request or pack, and where. Shared by the
// JSON reader, the request reader and the pack loader; the report turns them into findings of
// rule `INPUT` (or `PACK`).
#pragma once

#include <string>
#include <vector>

namespace reqcheck::parse {

/// One problem in an input text. `pointer`: RFC 6901 JSON Pointer ("" is the whole document);
/// `line`/`column`: 1-based, column counted in bytes, 0 when unknown. `message` is lowercase
/// with values in backticks; `help` is the fix. `review`: the problem is a finding of status
/// `review` (e.g. an unknown field), not an unreadable input.
struct Diagnostic {
  std::string pointer;
  int line = 0;
  int column = 0;
  std::string message;
  std::string help;
  bool review = false;
  /// Stable code (e.g. `INPUT.duplicate_key`, `PACK.unknown_rule`); see the diagnostics table.
  std::string code = {};
};

using Diagnostics = std::vector<Diagnostic>;

/// True if any diagnostic makes the input unreadable (not a `review`).
bool has_errors(const Diagnostics& diagnostics);

}  // namespace reqcheck::parse
