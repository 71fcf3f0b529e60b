// The report of one check (`reqcheck.report/1`, shared request-format.md) as typed values —
// findings, verdict, the packs applied, deadlines — with the verdict words and ranking every
// consumer uses, and its renderings (JSON, text, Markdown, CSV). Renderers read these structs;
// nothing parses a report back from its text.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reqcheck::report {

/// Status of one finding; ranked pass < not_applicable < incomplete < review < fail.
enum class Status { pass, not_applicable, incomplete, review, fail };

/// Number of `Status` values (for arrays indexed by status).
inline constexpr std::size_t kStatusCount = 5;

/// The wire name of a status: `pass`, `fail`, `review`, `incomplete`, `not_applicable`.
std::string_view to_string(Status s);

/// A status for people: `pass`, `fail`, `review`, `incomplete`, `not applicable`.
std::string_view status_label(Status s);

/// Reads a status's wire name; false when `text` is none.
bool parse_status(std::string_view text, Status& out);

/// One finding of one rule. `code`: stable code of an `INPUT`, `PACK` or `ENGINE` finding (e.g.
/// `INPUT.duplicate_key`; assets/diagnostics.md), empty for a rule's finding. `message`:
/// lowercase, user values in backticks; `help`: the fix; `pointer`: JSON Pointer into the
/// request; `line`/`column`: 1-based place of the value at `pointer` in the file (0: unknown);
/// `offset`/`end`: its byte range in the file; `legal_ref`: the legal or policy source as the
/// pack applied gives it; `profile`: the id of the framework profile pack whose rule this is
/// (empty: the platform pack's or the engine's); `source`: for a request imported from ETSI HI-1,
/// the element the finding is about (then `line`/`column` are that element's in the message).
struct Finding {
  std::string rule;
  std::string code;
  Status status = Status::incomplete;
  std::string title;
  std::string message;
  std::string help;
  std::string pointer;
  std::string legal_ref;
  std::string profile;
  std::string source;
  int line = 0;
  int column = 0;
  std::size_t offset = 0;
  std::size_t end = 0;
};

/// A deadline that follows from the request. `due`: RFC 3339 (an instant in the offset it was
/// counted in, or a calendar date); `basis`: the field it counts from; `rule`: the rule that set
/// it; `zone`: the IANA zone a calendar period was counted in (empty: none).
struct Deadline {
  std::string name;
  std::string due;
  std::string basis;
  std::string rule;
  std::string zone;
};

/// A pack applied in a check: the platform pack, then each framework profile that applies.
/// `kind`: `platform` or `profile`; `reason`: why it applies (e.g. "service `telegram`, in force
/// at `received_at`", "instrument type `epoc`"); `sha256`: of the pack's text, lower-case hex.
/// `in_force_at_receipt`: false only for a platform pack forced by id (`CheckOptions::pack_id`)
/// that was not in force at `received_at`, whose verdict is then not the one that applies.
struct AppliedPolicy {
  std::string id, version, sha256, title, kind, reason;
  bool in_force_at_receipt = true;
};

/// The time from `from` to `due` (both RFC 3339 date-times, e.g. a deadline's `due` and the
/// report's `checked_at`) in its two largest units, rounded down to whole minutes: "9 days 14 hours
/// left", "3 hours 5 minutes left", "due now", "passed 2 days 1 hour ago". Empty when either is
/// not a date-time (a deadline that is a calendar date).
std::string time_left(std::string_view due, std::string_view from);

/// Overall verdict, ranked best first.
enum class Verdict { meets_criteria, needs_review, does_not_meet, invalid_input };

/// Number of `Verdict` values.
inline constexpr std::size_t kVerdictCount = 4;

/// The wire name of a verdict.
std::string_view to_string(Verdict v);

/// Reads a verdict's wire name; false when `text` is none.
bool parse_verdict(std::string_view text, Verdict& out);

/// A verdict in a few words: "meets criteria", "needs review", "does not meet", "invalid input".
std::string_view verdict_label(Verdict v);

/// A verdict as a sentence for the top of a report (what it means and what to do).
std::string_view verdict_words(Verdict v);

/// The worse of two verdicts for a batch: invalid_input > does_not_meet > needs_review >
/// meets_criteria.
Verdict worse(Verdict a, Verdict b);

/// The request a report is about, so that a report read on its own (a line of NDJSON, a row of
/// a results table) names it. `file`: the file it came from (`CheckOptions::file`; empty: none);
/// `line`: the 1-based line where the request starts in that file (`CheckOptions::first_line`);
/// `reference`, `case_reference`: the requester's file number and the case's reference as
/// written (empty: absent or unreadable). Typed only (not in the JSON, which the page and
/// scripts do not need): `service`, `issuing_country` (`issuing_authority.country` as written),
/// `instrument_type` (its wire value), and `target_ids`, each target identifier normalised for
/// counting (`target_key` of results.hpp: the same account written twice counts once). All are
/// empty when the request could not be read.
struct RequestInfo {
  std::string file;
  int line = 1;
  std::string reference, case_reference;
  std::string service, issuing_country, instrument_type;
  std::vector<std::string> target_ids;
};

/// A whole report. `received_at` is empty when the request had none (then
/// `received_at_defaulted` is true and the checking time stood in for it). `policy_*` name the
/// platform pack (kept for reqcheck.report/1 readers); `policies` lists every pack applied (the
/// JSON adds `profiles`, the framework profiles among them as `{id, title, reason}`).
struct Report {
  Verdict verdict = Verdict::invalid_input;
  /// The request checked: its file, line and references (JSON `request`).
  RequestInfo request;
  std::string policy_id, policy_version, policy_sha256, policy_title;
  std::vector<AppliedPolicy> policies;
  /// Version of the IANA tz database whose zones the deadlines were counted in (e.g. `2025b`).
  std::string tz_version;
  std::string input_sha256;
  std::string checked_at;
  std::string received_at;
  bool received_at_defaulted = false;
  std::vector<std::string> notes;
  std::vector<Finding> findings;
  std::vector<Deadline> deadlines;

  /// Findings per status, indexed by `Status`.
  std::array<int, kStatusCount> counts() const;
};

/// The verdict of a list of findings (criteria.md): any fail → does_not_meet; else any review
/// or incomplete → needs_review; else meets_criteria. Findings of rule `INPUT`, `PACK` or
/// `ENGINE` with status fail → invalid_input. No finding at all → needs_review.
Verdict verdict_of(const std::vector<Finding>& findings);

/// Sorts findings for reading: by status (fail, review, incomplete, pass, not applicable), then
/// in the order of `rule_order` (the rules as the packs applied list them; rules not in it, such
/// as `INPUT`, `PACK` and `ENGINE`, come first), then by pointer. Stable for equal keys.
void sort_findings(std::vector<Finding>& findings, const std::vector<std::string>& rule_order = {});

/// Renders as `reqcheck.report/1` JSON, keys in a fixed order, 2-space indent, no trailing newline.
std::string to_json(const Report& report);

/// Renders as `reqcheck.report/1` JSON on one line (no indent, no blank between tokens, no
/// trailing newline): one line of NDJSON. The same members and values as `to_json`.
std::string to_json_line(const Report& report);

/// Renders as an element of a JSON array of reports (`to_json` of a vector): indented one level
/// deeper, without the two leading spaces of its first line, so that a batch's array can be
/// written one report at a time, byte for byte as `to_json(reports)` writes it.
std::string to_json_element(const Report& report);

/// Renders several reports (a batch) as one JSON array of `reqcheck.report/1` objects.
std::string to_json(const std::vector<Report>& reports);

/// Renders as plain text for a terminal: a verdict line, the packs, one block per finding
/// (status, rule, where, message, fix, source), the deadlines.
std::string to_text(const Report& report);

/// Renders as Markdown: verdict, packs, a table of findings, deadlines. User values are escaped
/// so that HTML or Markdown in a request is shown, never interpreted.
std::string to_markdown(const Report& report);

/// The CSV header of `to_csv` rows (RFC 4180, no line break).
std::string_view csv_header();

/// Renders the findings as CSV (RFC 4180, UTF-8, CRLF line ends), one row per finding after a
/// header row when `header` is true: `request,verdict,status,rule,code,pointer,line,column,
/// message,help,legal_ref,profile`. `request` names the request (e.g. a file and line). Values
/// starting with `=`, `+`, `-` or `@` are prefixed with `'` against spreadsheet formula
/// injection.
std::string to_csv(const Report& report, std::string_view request = {}, bool header = true);

}  // namespace reqcheck::report
