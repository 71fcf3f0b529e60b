// Batches in the app state: a JSON array and NDJSON each give one report per request, the
// worst verdict sums them up, and show_batch_element switches the report shown.
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
  REQUIRE(f.state.batch.items.size() == 3);
  CHECK(wire(f.state.batch.items[0].report.verdict) == "meets_criteria");
  CHECK(wire(f.state.batch.items[1].report.verdict) == "does_not_meet");
  CHECK(wire(f.state.batch.items[2].report.verdict) == "needs_review");
  CHECK(wire(f.state.batch.worst) == "does_not_meet");
  CHECK(f.platform.verdict.verdict == "does_not_meet");
  CHECK(f.platform.verdict.summary.find("batch of 3 requests") != std::string::npos);
  CHECK(f.platform.verdict.summary.find(reqcheck::batch_summary(f.state.batch)) != std::string::npos);
  CHECK(f.state.batch.counts[static_cast<std::size_t>(Verdict::does_not_meet)] == 1);
  CHECK_FALSE(f.state.form_valid);  // the form edits one request at a time
  CHECK(f.state.form_error.find("batch of 3") != std::string::npos);
  for (std::size_t i = 0; i < 3; ++i) {
    const reqcheck::BatchPart& part = f.state.batch.items[i].part;
    CHECK(part.offset + part.length <= f.state.request_text.size());
    CHECK(f.state.request_text.substr(part.offset, part.length) == part.text);
    CHECK(part.text.front() == '{');
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
  CHECK(f.state.batch.items[1].part.offset == text.find('\n') + 1);
}

TEST_CASE("a batch with an unreadable line is invalid input overall, the other lines still checked") {
  Fixture f;
  init_app(f.state);
  const std::string good = nlohmann::ordered_json::parse(read_file("assets/samples/meets-criteria.json")).dump();
  receive(f.state, Incoming::drop, "batch.ndjson", good + "\n{\"schema\": \"reqcheck.request/1\",,}\n");
  REQUIRE(f.state.batch.items.size() == 2);
  CHECK(wire(f.state.batch.items[0].report.verdict) == "meets_criteria");
  CHECK(wire(f.state.batch.items[1].report.verdict) == "invalid_input");
  CHECK(wire(f.state.batch.worst) == "invalid_input");
  // the broken line's location is the file's line 2
  const int at = first_input_error(f.state.batch.items[1].report);
  REQUIRE(at >= 0);
  CHECK(f.state.batch.items[1].report.findings[static_cast<std::size_t>(at)].line == 2);
}

TEST_CASE("show_batch_element switches the report shown and ignores indexes out of range") {
  Fixture f;
  init_app(f.state);
  std::string text;
  for (const std::string& r : three_requests()) text += nlohmann::ordered_json::parse(r).dump() + "\n";
  receive(f.state, Incoming::drop, "batch.ndjson", text);
  REQUIRE(f.state.batch.items.size() == 3);
  f.state.selected_finding = 0;
  show_batch_element(f.state, 1);
  CHECK(f.state.batch_index == 1);
  CHECK(wire(f.state.report.verdict) == "does_not_meet");
  CHECK(reqcheck::report::to_json(f.state.report) == reqcheck::report::to_json(f.state.batch.items[1].report));
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
  CHECK(span.begin > f.state.batch.items[1].part.offset);
  CHECK(span.end <= f.state.batch.items[1].part.offset + f.state.batch.items[1].part.length);
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
