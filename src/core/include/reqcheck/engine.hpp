// The one entry point of reqcheck: request text and policy pack in, report text out.
// The CLI, the web app (through its JS glue), the tests and the benchmarks all call these
// functions, so they can never disagree. Pure: no file, network or UI access.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reqcheck {

/// Options of one check.
struct CheckOptions {
  /// The checking time as an RFC 3339 date-time (e.g. `2026-11-30T10:00:00Z`). Used as
  /// `checked_at`, and in place of `received_at` when the request has none. Empty: the system
  /// clock (UTC). A value that is not a valid RFC 3339 date-time gives an `invalid_input` report.
  std::string now;
  /// Forces a bundled pack version by id (e.g. `telegram-2018-08`) instead of choosing the one
  /// in force at `received_at`. Ignored when `pack_text` is given. Unknown id: `invalid_input`.
  std::string pack_id;
  /// The input format: empty detects it from the content (XML root `HI1Message`, JSON with
  /// `HI1Message`, else reqcheck.request/1); `hi1` forces the ETSI TS 103 120 importer;
  /// `reqcheck` forces the native format. Any other value gives an `invalid_input` report.
  std::string from;
  /// The ETSI HI-1 message a reqcheck request was converted from (`hi1_to_request_json`), if
  /// any: findings on values that came from it name their HI-1 element as `source`, and the
  /// report lists what HI-1 did not carry and the request still lacks. Empty: none.
  std::string hi1_source;
  /// Where the request text starts in the file it came from (a `BatchPart`'s `line` and
  /// `column`; 1-based, column in bytes): the report's lines and columns are shifted by it, so
  /// that they name the file's lines. 1 and 1 for a text that is the whole file.
  int first_line = 1;
  int first_column = 1;
};

/// One request of a batch (`split_batch`).
struct BatchPart {
  /// The request's text: the exact bytes of the array element or NDJSON line, or for an HI-1
  /// message with several authorisations, a message with only this one (rebuilt, lines kept).
  std::string text;
  /// Byte offset and length of the request in the batch text; an HI-1 part spans the whole text.
  std::size_t offset = 0;
  std::size_t length = 0;
  /// 1-based line and byte column where `text` starts in the batch text: pass them to
  /// `CheckOptions::first_line` and `first_column`. HI-1 parts keep the message's lines: 1 and 1.
  int line = 1;
  int column = 1;
};

/// Checks one request against a policy pack. The request text is JSON of `reqcheck.request/1`
/// (shared request-format.md) or an ETSI TS 103 120 (HI-1) message, XML or its JSON rendering,
/// detected from the content; an HI-1 message is converted and its findings carry a `source`
/// naming the HI-1 element (with its line and column). Returns the report (`reqcheck.report/1`)
/// as pretty-printed JSON text with keys in a fixed order. `pack_text` is a pack's JSON text (`reqcheck.pack/1`); empty means the
/// bundled packs, the one for the request's `service` in force at `received_at` (or forced by
/// `options.pack_id`). Never throws: unreadable input gives verdict `invalid_input` with findings
/// of rule `INPUT` carrying a JSON Pointer, line and column; an unusable pack gives verdict
/// `invalid_input` with findings of rule `PACK`. Same inputs and `options.now` → same bytes.
std::string check_json(std::string_view request_text, std::string_view pack_text, const CheckOptions& options);

/// Splits a batch into its requests: a JSON array of requests (each element's exact text),
/// NDJSON (one request per non-empty line), or an HI-1 message with several authorisations (one
/// message per authorisation, the others' CREATE actions removed). Any other text, including a
/// single request or text that is not JSON, is returned as one part unchanged (offset 0, line 1),
/// so that `check_json` reports its errors. An array is split only when it is well-formed JSON
/// within the engine's limits (4 MiB, depth 32, 1,000 elements); NDJSON has at most 1,000 lines.
std::vector<BatchPart> split_batch(std::string_view text);

/// Why `now` cannot be a checking time (`CheckOptions::now`): the RFC 3339 error, or "" when it
/// is a valid date-time with a zone (e.g. `2026-11-30T10:00:00Z`). Lets a caller refuse a bad
/// `--now` once, as a usage error, instead of in every report.
std::string checking_time_error(std::string_view now);

/// Converts an ETSI TS 103 120 (HI-1) message (XML or JSON rendering) with one authorisation
/// into the equivalent `reqcheck.request/1` JSON text, so that a liaison can supply what HI-1
/// cannot carry (offences, target roles, language ...) in the editor or form. Text that is not
/// an HI-1 message, or that does not import, is returned unchanged (check it for the errors).
std::string hi1_to_request_json(std::string_view text);

/// Renders a report (as returned by `check_json`) as Markdown: verdict, policy, and a table of
/// findings. User values are escaped so that HTML or Markdown in a request is shown, never
/// interpreted. Text that is not a report gives a short Markdown error paragraph.
std::string report_to_markdown(std::string_view report_json);

/// Renders a report as plain text for a terminal: one block per finding (status, rule, pointer,
/// message, fix, source) under a verdict line.
std::string report_to_text(std::string_view report_json);

/// The bundled policy packs as a JSON array of `{id, service, version, title, in_force_from,
/// in_force_until}` (dates RFC 3339 UTC; `in_force_until` null while in force), newest first.
std::string bundled_packs_json();

/// The JSON text of a bundled pack by id, or empty when no bundled pack has that id.
std::string bundled_pack_text(std::string_view id);

/// The rules of a pack (its JSON text; empty: the newest bundled pack) as a JSON object
/// `{pack: {id, version, service}, rules: [{id, title, legal_ref, family, doc}]}`, where `doc` is
/// the Markdown page `assets/rules/<ID>.md`. A pack that does not load gives `{error: "...",
/// errors: [{pointer, message}]}`.
std::string rules_json(std::string_view pack_text);

/// The Markdown documentation page of a rule id (e.g. `AUTH-01`), or empty when unknown.
std::string rule_doc(std::string_view rule_id);

/// The engine version (semantic version of the project).
std::string_view version();

}  // namespace reqcheck
