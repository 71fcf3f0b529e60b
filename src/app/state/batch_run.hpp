// A batch checked in slices: the page checks a few requests per frame (`advance_run`) so that
// it stays responsive, keeping per request only the core's ResultRow (results.hpp) and a running
// Tally (tally.hpp); any request's full report is rebuilt on demand from its place in its file
// (`rebuild`). Also the results table's filters and sort, and the exports of rows and tallies.
// No ImGui, no Emscripten, no clock of its own: the caller times the slices.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <reqcheck/engine.hpp>
#include <reqcheck/policy.hpp>
#include <reqcheck/report.hpp>
#include <reqcheck/results.hpp>
#include <reqcheck/tally.hpp>

namespace reqcheck::app {

/// One file of a batch run: its name (the results' `file` column, as dropped or opened), its
/// bytes (not owned: the editor's text or a file held by the app state; they must not change
/// while the run uses them) and where its requests are.
struct BatchFile {
  std::string name;
  const std::string* text = nullptr;  ///< never null in a planned run
  BatchPlan plan;
  std::size_t first_row = 0;  ///< index in `BatchRun::rows` of its first item (once reached)
};

/// One row of the results table: the core's row, and where its report is rebuilt from.
struct BatchRow {
  ResultRow row;
  std::uint32_t file = 0;  ///< index in `BatchRun::files`
  std::uint32_t item = 0;  ///< index of the item in that file's plan
};

/// Where a run is: nothing planned, checking, every item checked, or stopped by the user.
enum class RunState { idle, running, done, cancelled };

/// A batch being checked, file after file, item after item, in file order.
struct BatchRun {
  std::vector<BatchFile> files;
  std::vector<BatchRow> rows;  ///< one per item checked so far, in file order
  Tally tally;                 ///< of `rows`, as `reqcheck tally` counts them
  std::array<int, report::kVerdictCount> counts{};  ///< rows per verdict, indexed by `report::Verdict`
  report::Verdict worst = report::Verdict::meets_criteria;  ///< of the rows so far (`report::worse`)
  std::size_t total = 0;         ///< items of all files (requests, plus one per file past the limit)
  std::size_t next_file = 0;     ///< the file of the next item to check
  std::size_t next_item = 0;     ///< the next item of that file
  RunState state = RunState::idle;
  double started = 0.0;          ///< caller's clock (seconds) when planned
  double finished = 0.0;         ///< caller's clock when done or cancelled
  double checking_s = 0.0;       ///< seconds spent in slices (the caller adds them up)
  double longest_slice_s = 0.0;  ///< the longest slice, seconds
  std::uint32_t generation = 0;  ///< bumped whenever rows are added or replaced (views re-filter)
};

/// Plans a run over `files` (each a name and its bytes, which must outlive the run and not
/// change during it): splits each (`BatchPlan`), counts the items and sets the state to
/// `running` (`done` at once when there is nothing to check). Any earlier run is dropped.
void plan_run(BatchRun& run, const std::vector<std::pair<std::string, const std::string*>>& files, double now);

/// Checks up to `max_items` more items in file order, each with `options` (its `file` set to
/// the file's name), adding their rows to the table and the tally. Returns how many were
/// checked; sets `done` (and `finished` to `now`) after the last. Nothing unless `running`.
std::size_t advance_run(BatchRun& run, const Policy& policy, const CheckOptions& options, std::size_t max_items, double now);

/// Stops a running run, keeping the rows checked so far (`cancelled`); nothing otherwise.
void cancel_run(BatchRun& run, double now);

/// The item of row `row` (in range) checked again with `options` (its `file` set): its part,
/// text copied, and its full report, the same as when the row was made (same checking time).
BatchItem rebuild(const BatchRun& run, const Policy& policy, const CheckOptions& options, std::size_t row);

/// Requests checked per second of checking (0 before the first slice).
double run_rate(const BatchRun& run);

/// Seconds still needed at `run_rate` for the items left (0 when none or no rate yet).
double run_seconds_left(const BatchRun& run);

/// One line on the run: "checking: 1,200 of 10,000 requests (2,400 a second, about 4 s left)";
/// once stopped, the verdict counts ("10,000 requests: 9,000 meets_criteria, …", as the CLI's
/// summary) and, when cancelled, "cancelled after 1,200 of 10,000".
std::string run_summary(const BatchRun& run);

/// The table's filter: a verdict (-1: any, else a `report::Verdict` index), a rule or code that
/// failed (empty: any) and an issuing country as tallies count it (`country_key`; empty: any).
struct RowFilter {
  int verdict = -1;
  std::string rule;
  std::string country;
};

/// The table's columns, in their order on screen.
enum class RowColumn : int { file, line, reference, service, country, instrument, verdict, failed, review, incomplete, first_rule, count };

/// A sort key: a column, ascending or not. Verdicts sort by severity (meets, review, fails,
/// invalid); text columns by bytes; `line` by file (in the order given) then line, i.e. file
/// order; ties keep file order.
struct RowSort {
  RowColumn column = RowColumn::line;
  bool descending = false;
};

/// The indexes in `run.rows` of the rows that pass `filter`, sorted by `sort` (first key first;
/// none: file order). O(n log n) in the rows.
std::vector<std::uint32_t> visible_rows(const BatchRun& run, const RowFilter& filter, const std::vector<RowSort>& sort);

/// The results table as CSV: `results_csv_header()` and a CRLF, then `to_csv` of every row in
/// file order: the bytes of `reqcheck check --format results-csv` on the same files.
std::string results_csv(const BatchRun& run);

/// The results table as JSON: `[`, one `to_json` row per line, `]`: the bytes of `reqcheck
/// check --format results-json` on the same files (`[]` and a newline when empty).
std::string results_json(const BatchRun& run);

}  // namespace reqcheck::app
