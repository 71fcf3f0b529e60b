// The one CSV writer of reqcheck (RFC 4180, UTF-8, CRLF line ends), shared by the findings table
// (render.cpp), the results table (results.cpp) and the tallies (tally.cpp). Writes only: a CSV
// file is never read here.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace reqcheck::report {

/// One CSV field: quoted when it holds a comma, a double quote, CR or LF (quotes doubled); a
/// value starting with `=`, `+`, `-`, `@`, a tab or a CR is prefixed with `'` so that no spreadsheet runs it
/// as a formula (e.g. `=HYPERLINK(...)` → `'=HYPERLINK(...)`). Bytes are copied as they are
/// (UTF-8 in, UTF-8 out).
std::string csv_field(std::string_view value);

/// One CSV record: the fields, each through `csv_field`, joined by `,` and ended by CRLF.
std::string csv_record(std::initializer_list<std::string_view> fields);

}  // namespace reqcheck::report
