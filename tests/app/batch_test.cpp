// Batches in the app state: a JSON array and NDJSON each give one results row per request, the
// worst verdict sums them up, show_batch_element rebuilds the report shown; slices, cancel,
// several files, tallies and exports equal to what the CLI's code path makes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace reqcheck::app;
using apptest::Fixture;
using apptest::wire;
using apptest::read_file;

namespace {

/// Three requests of differing verdicts: meets, does not meet, needs review.
std::vector<std::string> three_requests() {
  return {read_file("assets/samples/meets-criteria.json"), read_file("assets/samples/fails-instrument-unsigned.json"),
          read_file("assets/samples/needs-review-emergency.json")};
}

void check_three(const Fixture& f) {
  const auto& rows = f.state.run.rows;
  REQUIRE(rows.size() == 3);
  CHECK(f.state.run.state == RunState::done);
  CHECK(wire(rows[0].row.verdict) == "meets_criteria");
  CHECK(wire(rows[1].row.verdict) == "does_not_meet");
  CHECK(wire(rows[2].row.verdict) == "needs_review");
  CHECK(wire(f.state.run.worst) == "does_not_meet");
  CHECK(f.platform.verdict.verdict == "does_not_meet");
  CHECK(f.platform.verdict.summary.find("batch of 3 requests") != std::string::npos);
  reqcheck::BatchResult counts;
  counts.counts = f.state.run.counts;
  CHECK(f.platform.verdict.summary.find(reqcheck::batch_summary(counts)) != std::string::npos);
  CHECK(f.state.run.counts[static_cast<std::size_t>(Verdict::does_not_meet)] == 1);
  CHECK(f.platform.batch.state == "done");
  CHECK(f.platform.batch.done == 3);
  CHECK(f.platform.batch.total == 3);
  CHECK_FALSE(f.state.form_valid);  // the form edits one request at a time
  CHECK(f.state.form_error.find("batch of 3") != std::string::npos);
  CHECK_FALSE(editor_shows_row(f.state));  // a small batch stays whole in the editor
  for (std::size_t i = 0; i < 3; ++i) {
    const reqcheck::ResultRow& row = rows[i].row;
    CHECK(row.offset + row.length <= f.state.request_text.size());
    CHECK(f.state.request_text[row.offset] == '{');
    CHECK(f.state.request_text[row.offset + row.length - 1] == '}');
  }
}

}  // namespace

TEST_CASE("a JSON-array batch gives one report per request and the worst verdict") {
  Fixture f;
  init_app(f.state);
  std::string text = "[\n";
  const auto requests = three_requests();
  for (std::size_t i = 0; i < requests.size(); ++i) text += requests[i] + (i + 1 < requests.size() ? ",\n" : "\n");
  text += "]\n";
  receive(f.state, Incoming::drop, "batch.json", text);
  CHECK(f.state.request_text == text);
  check_three(f);
  // a batch opens on its first request with the worst verdict, not on a green first one
  CHECK(f.state.batch_index == 1);
  CHECK(wire(f.state.report.verdict) == "does_not_meet");
}

TEST_CASE("an NDJSON batch gives one report per request and the worst verdict") {
  Fixture f;
  init_app(f.state);
  std::string text;
  for (const std::string& r : three_requests()) text += nlohmann::ordered_json::parse(r).dump() + "\n";
  receive(f.state, Incoming::paste, "", text);
  CHECK(f.state.request_name == "pasted.json");
  check_three(f);
  // NDJSON spans are whole lines
  CHECK(f.state.run.rows[1].row.offset == text.find('\n') + 1);
}

TEST_CASE("a batch with an unreadable line is invalid input overall, the other lines still checked") {
  Fixture f;
  init_app(f.state);
  const std::string good = nlohmann::ordered_json::parse(read_file("assets/samples/meets-criteria.json")).dump();
  receive(f.state, Incoming::drop, "batch.ndjson", good + "\n{\"schema\": \"reqcheck.request/1\",,}\n");
  REQUIRE(f.state.run.rows.size() == 2);
  CHECK(wire(f.state.run.rows[0].row.verdict) == "meets_criteria");
  CHECK(wire(f.state.run.rows[1].row.verdict) == "invalid_input");
  CHECK(wire(f.state.run.worst) == "invalid_input");
  CHECK(f.state.run.rows[1].row.first_failing_rule.rfind("INPUT.", 0) == 0);
  // the broken line is opened (the worst), its location the file's line 2
  CHECK(f.state.batch_index == 1);
  const int at = first_input_error(f.state.report);
  REQUIRE(at >= 0);
  CHECK(f.state.report.findings[static_cast<std::size_t>(at)].line == 2);
}

TEST_CASE("show_batch_element switches the report shown (rebuilt) and ignores indexes out of range") {
  Fixture f;
  init_app(f.state);
  std::string text;
  for (const std::string& r : three_requests()) text += nlohmann::ordered_json::parse(r).dump() + "\n";
  receive(f.state, Incoming::drop, "batch.ndjson", text);
  REQUIRE(f.state.run.rows.size() == 3);
  f.state.selected_finding = 0;
  show_batch_element(f.state, 2);
  show_batch_element(f.state, 1);
  CHECK(f.state.batch_index == 1);
  CHECK(wire(f.state.report.verdict) == "does_not_meet");
  // the report rebuilt is the report of that line checked on its own, named by file and line
  reqcheck::CheckOptions o;
  o.now = apptest::kNow;
  o.file = "batch.ndjson";
  o.first_line = 2;
  o.first_offset = text.find('\n') + 1;
  const std::string line2 = text.substr(o.first_offset, text.find('\n', o.first_offset) - o.first_offset);
  CHECK(reqcheck::report::to_json(f.state.report) == reqcheck::report::to_json(reqcheck::check(reqcheck::Policy::bundled(), line2, o)));
  CHECK(f.platform.report_json == reqcheck::report::to_json(f.state.report));
  CHECK(f.state.row_text == line2);
  // the editor is asked to show the request where it is in the text
  Span row_span;
  REQUIRE(selection_span(f.state, row_span));
  CHECK(row_span.begin == o.first_offset);
  CHECK(row_span.end == o.first_offset + line2.size());
  CHECK(f.state.selected_finding == -1);
  show_batch_element(f.state, 3);
  show_batch_element(f.state, -1);
  CHECK(f.state.batch_index == 1);

  // a re-check keeps the element shown
  run_check(f.state);
  CHECK(f.state.batch_index == 1);
  CHECK(wire(f.state.report.verdict) == "does_not_meet");

  // a rule finding's pointer is looked up inside the element shown
  const Finding* signed_finding = nullptr;
  for (const Finding& x : f.state.report.findings) {
    if (x.pointer == "/instrument/signed") signed_finding = &x;
  }
  REQUIRE(signed_finding != nullptr);
  select_finding(f.state, *signed_finding);
  Span span;
  REQUIRE(selection_span(f.state, span));
  CHECK(span.begin > f.state.run.rows[1].row.offset);
  CHECK(span.end <= f.state.run.rows[1].row.offset + f.state.run.rows[1].row.length);
  CHECK(f.state.request_text.substr(span.begin, span.end - span.begin) == "false");

  // one request again: the batch is gone
  receive(f.state, Incoming::drop, "one.json", read_file("assets/samples/meets-criteria.json"));
  CHECK_FALSE(is_batch(f.state));
  CHECK(f.state.batch_index == 0);
  CHECK(f.state.form_valid);
}

TEST_CASE("an input error inside a JSON-array batch is placed at the file's line and column") {
  Fixture f;
  init_app(f.state);
  // the first element starts on line 2; its misspelt key is on line 4, column 5
  const std::string text = "[\n  {\n    \"schema\": \"reqcheck.request/1\",\n    \"servise\": \"telegram\"\n  },\n  {\"schema\": \"reqcheck.request/1\"}\n]\n";
  receive(f.state, Incoming::drop, "array-batch.json", text);
  REQUIRE(is_batch(f.state));
  CHECK(f.state.batch_index == 0);
  REQUIRE(first_input_error(f.state.report) >= 0);
  const Finding* found = nullptr;
  for (const Finding& x : f.state.report.findings) {
    if (x.pointer == "/servise") found = &x;
  }
  REQUIRE(found != nullptr);
  const Finding& typo = *found;
  CHECK(is_located_input(typo));
  CHECK(typo.line == 4);
  CHECK(typo.column == 5);
  select_finding(f.state, typo);
  Span span;
  REQUIRE(selection_span(f.state, span));
  CHECK(text.compare(span.begin, 9, "\"servise\"") == 0);
}
