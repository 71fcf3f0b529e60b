// ReportPrinter (output.hpp): each report printed as soon as it is checked, in the format asked.
#include "output.hpp"

namespace reqcheck::cli {

ReportPrinter::ReportPrinter(std::string format, std::ostream& out, bool several_files)
    : format_(std::move(format)), out_(out), several_files_(several_files) {}

void ReportPrinter::begin_file(const std::string& file) {
  flush_held();
  file_ = file;
  in_file_ = 0;
}

void ReportPrinter::add(BatchItem&& item) {
  ++in_file_;
  ++totals_.counts[static_cast<std::size_t>(item.report.verdict)];
  worst_ = report::worse(worst_, item.report.verdict);
  if (in_file_ == 1 && !several_files_) {  // a single request, or the first of a batch: not yet known
    held_ = std::move(item);
    return;
  }
  flush_held();
  print(std::move(item), file_ + "#" + std::to_string(in_file_));
}

void ReportPrinter::flush_held() {
  if (!held_) return;
  BatchItem item = std::move(*held_);
  held_.reset();
  print(std::move(item), in_file_ > 1 ? file_ + "#1" : file_);
}

void ReportPrinter::print(BatchItem&& item, const std::string& name) {
  const report::Report& r = item.report;
  const bool first = !started_;
  started_ = true;
  if (format_ == "json") {
    if (!batch()) out_ << report::to_json(r) << "\n";
    else out_ << (first ? "[\n  " : ",\n  ") << report::to_json_element(r);
  } else if (format_ == "ndjson") {
    out_ << report::to_json_line(r) << "\n";
  } else if (format_ == "csv") {
    // one table for the whole run: a header, then each request's findings named by file (#n)
    if (first) out_ << report::csv_header() << "\r\n";
    out_ << report::to_csv(r, name, false);
  } else if (format_ == "results-csv") {
    if (first) out_ << results_csv_header() << "\r\n";
    out_ << to_csv(result_row(r, item.part));
  } else if (format_ == "results-json") {
    out_ << (first ? "[\n" : ",\n") << to_json(result_row(r, item.part));
  } else {
    const bool md = format_ == "markdown";
    if (batch()) out_ << (md ? "\n<!-- " + name + " -->\n" : "\n== " + name + "\n");
    out_ << (md ? report::to_markdown(r) : report::to_text(r));
  }
}

void ReportPrinter::finish(std::ostream& err) {
  const bool was_batch = batch();
  flush_held();
  if (format_ == "json" && was_batch) out_ << "\n]\n";
  if (format_ == "results-json") out_ << (started_ ? "\n]\n" : "[]\n");
  if (!was_batch) return;
  const bool text = format_ == "text" || format_ == "markdown";
  (text ? out_ : err) << batch_summary(totals_) << "\n";
}

}  // namespace reqcheck::cli
