// The report of one check (`reqcheck.report/1`, shared request-format.md): findings, verdict
// and deadlines as plain structs, and the fixed-order JSON rendering. The Markdown and text
// renderings work from the JSON text (engine.hpp), so every consumer sees the same report.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reqcheck::report {

/// Status of one finding; ranked pass < not_applicable < incomplete < review < fail.
enum class Status { pass, not_applicable, incomplete, review, fail };

/// The wire name of a status: `pass`, `fail`, `review`, `incomplete`, `not_applicable`.
std::string_view to_string(Status s);

/// One finding of one rule. `message`: lowercase, user values in backticks; `help`: the fix;
/// `pointer`: JSON Pointer into the request; `line`/`column`: 1-based (0: unknown), set for
/// input errors and imported requests; `legal_ref`: the legal or policy source of the rule;
/// `source`: for a request imported from another format (ETSI HI-1), the path of the element
/// the finding is about (then `line`/`column` are that element's).
struct Finding {
  std::string rule;
  /// Stable diagnostic code of an `INPUT`, `PACK` or `ENGINE` finding (e.g.
  /// `INPUT.duplicate_key`, docs: assets/diagnostics.md); empty for findings of a rule.
  std::string code;
  Status status = Status::incomplete;
  std::string title;
  std::string message;
  std::string help;
  std::string pointer;
  std::string legal_ref;
  std::string source;
  int line = 0;
  int column = 0;
  /// Byte offsets [offset, end) of the value at `pointer` in the text checked (shifted into the
  /// file for batch parts); both 0 when unknown (then `line` is 0 too).
  std::size_t offset = 0;
  std::size_t end = 0;
};

/// A deadline that follows from the request. `due`: RFC 3339 (UTC instant, or a calendar date);
/// `basis`: where it comes from (a field or a rule).
struct Deadline {
  std::string name;
  std::string due;
  std::string basis;
};

/// Overall verdict, ranked best first.
enum class Verdict { meets_criteria, needs_review, does_not_meet, invalid_input };

/// The wire name of a verdict.
std::string_view to_string(Verdict v);

/// A whole report. `received_at` is empty when the request had none (then
/// `received_at_defaulted` is true and the checking time stood in for it).
struct Report {
  Verdict verdict = Verdict::invalid_input;
  std::string policy_id, policy_version, policy_sha256, policy_title;
  std::string input_sha256;
  std::string checked_at;
  std::string received_at;
  bool received_at_defaulted = false;
  std::vector<std::string> notes;
  std::vector<Finding> findings;
  std::vector<Deadline> deadlines;
};

/// The verdict of a list of findings (criteria.md): any fail → does_not_meet; else any review
/// or incomplete → needs_review; else meets_criteria. Findings of rule `INPUT` or `PACK` with
/// status fail → invalid_input.
Verdict verdict_of(const std::vector<Finding>& findings);

/// Sorts findings by pointer, then rule id, then status (stable for equal keys).
void sort_findings(std::vector<Finding>& findings);

/// Renders as `reqcheck.report/1` JSON, keys in a fixed order, 2-space indent, no trailing newline.
std::string to_json(const Report& report);

}  // namespace reqcheck::report
