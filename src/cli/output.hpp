// How `reqcheck check` prints a run's reports as they are made, one request at a time (a batch
// of 100,000 is never held): each format's framing (a JSON array written element by element,
// NDJSON lines, one CSV table), the names of a batch's requests, and the summary. Renders
// through the core's renderers only.
#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>

#include "reqcheck/engine.hpp"
#include "reqcheck/report.hpp"
#include "reqcheck/results.hpp"

namespace reqcheck::cli {

/// Prints the reports of a `check` run in `format` (`text`, `markdown`, `json`, `ndjson`, `csv`,
/// `results-csv`, `results-json`) to `out`. A run is a batch when it has several files or a file
/// has several requests; a single request is printed alone (one JSON object, no name header).
/// Whether a one-file run is a batch is known at its second request, so the first is held until
/// then. Call `begin_file` before each file's items, `add` for each item, then `finish`.
class ReportPrinter {
 public:
  ReportPrinter(std::string format, std::ostream& out, bool several_files);

  /// Starts the items of `file` (as the user named it).
  void begin_file(const std::string& file);
  /// Prints (or holds) one checked request of the current file.
  void add(BatchItem&& item);
  /// Ends the run: flushes what is held, closes a JSON array, and, for a batch, prints its
  /// summary (`batch_summary`) after the reports on the output for text and Markdown, else on
  /// `err` (the output is then one document: a JSON array, NDJSON, a CSV table).
  void finish(std::ostream& err);
  /// The worst verdict printed (`report::worse`).
  report::Verdict worst() const { return worst_; }

 private:
  void flush_held();
  void print(BatchItem&& item, const std::string& name);
  bool batch() const { return several_files_ || in_file_ > 1; }

  std::string format_;
  std::ostream& out_;
  bool several_files_;
  bool started_ = false;  // something (a header, `[`) has been written
  std::string file_;
  std::size_t in_file_ = 0;  // items of the current file so far
  std::optional<BatchItem> held_;
  BatchResult totals_;  // counts only (items stay empty)
  report::Verdict worst_ = report::Verdict::meets_criteria;
};

}  // namespace reqcheck::cli
