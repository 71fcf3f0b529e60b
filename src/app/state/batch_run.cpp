// The batch run (batch_run.hpp): planning files with the core's BatchPlan, checking their items
// a slice at a time into results rows and a tally, rebuilding a row's report, and the table's
// filters, sort and exports. The verdicts, rows and tallies all come from reqcheck_core.
#include "state/batch_run.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace reqcheck::app {
namespace {

/// `n` with thousands separated by commas (10000 → "10,000").
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

/// Severity rank of a verdict for sorting: meets < needs review < does not meet < invalid.
int severity(report::Verdict v) {
  switch (v) {
    case report::Verdict::meets_criteria: return 0;
    case report::Verdict::needs_review: return 1;
    case report::Verdict::does_not_meet: return 2;
    case report::Verdict::invalid_input: return 3;
  }
  return 3;
}

/// Compares two rows on one column: <0, 0, >0.
int compare(const BatchRow& a, const BatchRow& b, RowColumn c) {
  const auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : y < x ? 1 : 0; };
  const ResultRow& x = a.row;
  const ResultRow& y = b.row;
  switch (c) {
    case RowColumn::file: return cmp(x.file, y.file);
    case RowColumn::line: return a.file != b.file ? cmp(a.file, b.file) : cmp(x.line, y.line);  // file order
    case RowColumn::reference: return cmp(x.reference, y.reference);
    case RowColumn::service: return cmp(x.service, y.service);
    case RowColumn::country: return cmp(x.issuing_country, y.issuing_country);
    case RowColumn::instrument: return cmp(x.instrument_type, y.instrument_type);
    case RowColumn::verdict: return cmp(severity(x.verdict), severity(y.verdict));
    case RowColumn::failed: return cmp(x.failed, y.failed);
    case RowColumn::review: return cmp(x.review, y.review);
    case RowColumn::incomplete: return cmp(x.incomplete, y.incomplete);
    case RowColumn::first_rule: return cmp(x.first_failing_rule, y.first_failing_rule);
    case RowColumn::count: break;
  }
  return 0;
}

bool passes(const BatchRow& r, const RowFilter& f) {
  if (f.verdict >= 0 && static_cast<int>(r.row.verdict) != f.verdict) return false;
  if (!f.country.empty() && country_key(r.row.issuing_country) != f.country) return false;
  if (!f.rule.empty() && std::find(r.row.failed_rules.begin(), r.row.failed_rules.end(), f.rule) == r.row.failed_rules.end()) return false;
  return true;
}

CheckOptions options_for(const BatchFile& file, const CheckOptions& options) {
  CheckOptions o = options;
  o.file = file.name;
  return o;
}

}  // namespace

void plan_run(BatchRun& run, const std::vector<std::pair<std::string, const std::string*>>& files, double now) {
  run = BatchRun{};
  for (const auto& [name, text] : files) {
    if (text == nullptr) continue;
    BatchFile f;
    f.name = name;
    f.text = text;
    f.plan = BatchPlan(*text);
    run.total += f.plan.size();
    run.files.push_back(std::move(f));
  }
  run.rows.reserve(run.total);
  run.started = now;
  run.state = run.total == 0 ? RunState::done : RunState::running;
  if (run.state == RunState::done) run.finished = now;
}

std::size_t advance_run(BatchRun& run, const Policy& policy, const CheckOptions& options, std::size_t max_items, double now) {
  std::size_t n = 0;
  while (run.state == RunState::running && n < max_items) {
    if (run.next_file >= run.files.size()) {
      run.state = RunState::done;
      run.finished = now;
      break;
    }
    BatchFile& file = run.files[run.next_file];
    if (run.next_item >= file.plan.size()) {
      ++run.next_file;
      run.next_item = 0;
      continue;
    }
    if (run.next_item == 0) file.first_row = run.rows.size();
    BatchItem item = file.plan.check(policy, *file.text, options_for(file, options), run.next_item);
    BatchRow row{result_row(item.report, item.part), static_cast<std::uint32_t>(run.next_file), static_cast<std::uint32_t>(run.next_item)};
    run.tally.add(row.row);
    ++run.counts[static_cast<std::size_t>(row.row.verdict)];
    run.worst = report::worse(run.worst, row.row.verdict);
    run.rows.push_back(std::move(row));
    ++run.next_item;
    ++n;
  }
  // the last item checked: say so now, not on the next call
  if (run.state == RunState::running && run.rows.size() == run.total) {
    run.state = RunState::done;
    run.finished = now;
  }
  if (n > 0) ++run.generation;
  return n;
}

void cancel_run(BatchRun& run, double now) {
  if (run.state != RunState::running) return;
  run.state = RunState::cancelled;
  run.finished = now;
}

BatchItem rebuild(const BatchRun& run, const Policy& policy, const CheckOptions& options, std::size_t row) {
  const BatchRow& r = run.rows.at(row);
  const BatchFile& file = run.files.at(r.file);
  return file.plan.check(policy, *file.text, options_for(file, options), r.item);
}

double run_rate(const BatchRun& run) { return run.checking_s > 0 ? static_cast<double>(run.rows.size()) / run.checking_s : 0.0; }

double run_seconds_left(const BatchRun& run) {
  const double rate = run_rate(run);
  if (rate <= 0 || run.state != RunState::running) return 0.0;
  return static_cast<double>(run.total - run.rows.size()) / rate;
}

std::string run_summary(const BatchRun& run) {
  const std::size_t done = run.rows.size();
  if (run.state == RunState::running) {
    char tail[96];
    std::snprintf(tail, sizeof tail, " requests (%.0f a second, about %.0f s left)", run_rate(run), run_seconds_left(run));
    return "checking: " + grouped(done) + " of " + grouped(run.total) + tail;
  }
  BatchResult counts;
  counts.counts = run.counts;
  std::string out = batch_summary(counts);
  if (run.state == RunState::cancelled) out += "; cancelled after " + grouped(done) + " of " + grouped(run.total);
  return out;
}

std::vector<std::uint32_t> visible_rows(const BatchRun& run, const RowFilter& filter, const std::vector<RowSort>& sort) {
  std::vector<std::uint32_t> out;
  out.reserve(run.rows.size());
  for (std::size_t i = 0; i < run.rows.size(); ++i)
    if (passes(run.rows[i], filter)) out.push_back(static_cast<std::uint32_t>(i));
  if (sort.empty()) return out;
  std::stable_sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
    for (const RowSort& k : sort) {
      const int c = compare(run.rows[a], run.rows[b], k.column);
      if (c != 0) return k.descending ? c > 0 : c < 0;
    }
    return false;
  });
  return out;
}

std::string results_csv(const BatchRun& run) {
  std::string out(results_csv_header());
  out += "\r\n";
  for (const BatchRow& r : run.rows) out += to_csv(r.row);
  return out;
}

std::string results_json(const BatchRun& run) {
  if (run.rows.empty()) return "[]\n";
  std::string out = "[\n";
  for (std::size_t i = 0; i < run.rows.size(); ++i) {
    if (i > 0) out += ",\n";
    out += to_json(run.rows[i].row);
  }
  out += "\n]\n";
  return out;
}

}  // namespace reqcheck::app
