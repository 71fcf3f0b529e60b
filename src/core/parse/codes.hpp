// The one table of diagnostic codes (`INPUT.*`, `PACK.*`, `ENGINE.*`): each code's one-line
// meaning and its default help. Readers build diagnostics through diag() so that every problem
// carries a stable code that tests and scripts can match instead of prose. Documented, row for
// row, in assets/diagnostics.md (a unit test keeps the two in step).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/diagnostic.hpp"

namespace reqcheck::parse {

/// One diagnostic code. `code` matches `^(INPUT|PACK|ENGINE)\.[a-z0-9_]+$` and never changes
/// meaning once published; `summary` says what is wrong (lowercase, one line); `help` is the
/// default fix, used when a diagnostic is built without a more specific one.
struct CodeInfo {
  std::string_view code;
  std::string_view summary;
  std::string_view help;
};

/// Every code, grouped by prefix (INPUT, PACK, ENGINE); codes are unique.
const std::vector<CodeInfo>& diagnostic_codes();

/// The table's row for `code`, or nullptr when the table has no such code.
const CodeInfo* find_code(std::string_view code);

/// Builds an error diagnostic (`review` false) with `code`, at `pointer` (RFC 6901; "" is the
/// whole document), with line and column 0 (the caller, or the report, locates it). An empty
/// `help` takes the table's help. `code` must be in the table: an unknown code is a programming
/// error that the unit tests catch (the diagnostic then keeps the code and an empty default
/// help rather than throwing while a user's request is read).
Diagnostic diag(std::string_view code, std::string pointer, std::string message, std::string help = {});

/// Removes nlohmann/json's error id and position prefix from an exception text
/// (`[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ...` →
/// `syntax error ...`), so that no library id reaches a message. Other texts are returned as
/// they are.
std::string strip_library_id(std::string_view what);

}  // namespace reqcheck::parse
