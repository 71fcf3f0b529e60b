// The results table of a batch: one row per request (file, line, references, service, issuing
// country, instrument, verdict, counts, first failing rule), small enough to keep for 100,000
// requests while the full report of any one is rebuilt on demand from its part of the file
// (`offset`, `length`, `line`, `column` → `check`). Built here, in the core, so that the CLI and
// the page show the same rows. Does not keep findings' messages or the request's text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "reqcheck/engine.hpp"
#include "reqcheck/report.hpp"

namespace reqcheck {

/// A target identifier normalised for counting distinct target accounts (tally.hpp), with the
/// engine's identifier code (src/core/ident), so that one account written two ways counts once:
/// - `username`, and a `link` to an account (`t.me/<u>`, `tg://resolve?domain=<u>` ...): `@` +
///   the username in lower case (`@Example_Seller`, `t.me/example_seller` → `@example_seller`);
/// - `phone_number`, and a phone link (`t.me/+<digits>`): E.164 with `+` (`4930 1234567` with its
///   separators removed → `+49301234567`, the number the engine suggests; a number without a
///   country code is kept as written);
/// - `user_id`: `id:` + the decimal digits without leading zeros (`id:0123` → `id:123`);
/// - `email`: `email:` + the address trimmed and lower-cased; `ip_address`: `ip:` + its
///   normalised form (IPv6 compressed, lower case);
/// - anything else (a `display_name`, a chat or message link, a value that does not read as its
///   type): `<type>:` + the value trimmed of white space, case kept.
/// `type` is the target's `type` wire value (empty when absent).
std::string target_key(std::string_view type, std::string_view value);

/// One row of the results table. `file`/`line`: where the request starts (`request.file`,
/// `request.line` of its report); `offset`/`length`: its bytes in the file (rebuild its report
/// with `check` on them, `CheckOptions::first_*` from `offset`, `line`, `column`; length 0 for the
/// `INPUT.too_many_requests` item); `reference`, `case_reference`, `service`, `issuing_country`
/// (`issuing_authority.country` as written), `instrument_type`: from the request, empty when
/// absent or unreadable; `received_at`: as written, empty when absent (the checking time stood
/// in) or unreadable; `failed`, `review`, `incomplete`: the report's findings of that status;
/// `first_failing_rule`: the rule of the first `fail` finding in report order (the `code` for an
/// `INPUT`, `PACK` or `ENGINE` finding, e.g. `INPUT.not_json`), empty when none failed;
/// `failed_rules`: every rule (or code) that failed, once each, in report order; `target_ids`:
/// the targets' `target_key`s.
struct ResultRow {
  std::string file;
  int line = 1;
  int column = 1;
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string reference, case_reference, service, issuing_country, instrument_type, received_at;
  report::Verdict verdict = report::Verdict::invalid_input;
  int failed = 0, review = 0, incomplete = 0;
  std::string first_failing_rule;
  std::vector<std::string> failed_rules;
  std::vector<std::string> target_ids;
};

/// The row of a checked request: its report and its part of the file.
ResultRow result_row(const report::Report& report, const BatchPart& part);

/// The header of `to_csv` rows (RFC 4180, no line break): `file,line,reference,case_reference,
/// service,issuing_country,instrument_type,received_at,verdict,failed,review,incomplete,
/// first_failing_rule`.
std::string_view results_csv_header();

/// One row as a CSV record (the one writer of report/csv.hpp: RFC 4180, UTF-8, CRLF, values
/// starting with `=`, `+`, `-` or `@` prefixed with `'`).
std::string to_csv(const ResultRow& row);

/// One row as a JSON object on one line, members in the order of the CSV header plus `column`,
/// `offset` and `length`; absent values are `null`, counts are numbers.
std::string to_json(const ResultRow& row);

}  // namespace reqcheck
