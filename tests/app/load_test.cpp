// Loading requests into the app state: the start sample, every embedded sample, syntax errors
// that keep the text, HI-1 imports, the debounce, downloads and refused files.
#include <doctest/doctest.h>

#include <string>

#include "state/embedded.hpp"
#include "support.hpp"

using namespace reqcheck::app;
using apptest::Fixture;
using apptest::wire;

TEST_CASE("init_app loads meets-criteria.json, checks it and tells the platform") {
  Fixture f;
  init_app(f.state);
  CHECK(f.state.request_name == "meets-criteria.json");
  CHECK(wire(f.state.report.verdict) == "meets_criteria");
  CHECK(f.state.form_valid);
  CHECK_FALSE(is_batch(f.state));
  CHECK(f.state.packs.size() >= 2);
  CHECK(f.platform.title == "reqcheck — meets-criteria.json");
  CHECK(f.platform.verdict.verdict == "meets_criteria");
  CHECK(f.platform.verdict.policy == f.state.report.policy_id);
  CHECK_FALSE(f.state.report.policy_id.empty());
}

TEST_CASE("every embedded sample loads with the verdict its file name announces") {
  REQUIRE(samples_count > 10);
  for (std::size_t i = 0; i < samples_count; ++i) {
    const std::string name = samples[i].name;
    CAPTURE(name);
    Fixture f;
    REQUIRE(open_sample(f.state, name));
    const std::string& v = wire(f.state.report.verdict);
    if (name.rfind("meets-criteria", 0) == 0) CHECK(v == "meets_criteria");
    if (name.rfind("fails-", 0) == 0) CHECK(v == "does_not_meet");
    if (name.rfind("needs-review", 0) == 0) CHECK(v == "needs_review");
    if (name.rfind("invalid-input", 0) == 0) CHECK(v == "invalid_input");
    CHECK(f.state.checked);
  }
}

TEST_CASE("open_sample refuses an unknown name and leaves the state alone") {
  Fixture f;
  init_app(f.state);
  const std::string before = f.state.request_text;
  CHECK_FALSE(open_sample(f.state, "no-such-sample.json"));
  CHECK(f.state.request_text == before);
}

TEST_CASE("a request with a syntax error keeps its text and gives invalid_input with a location") {
  Fixture f;
  init_app(f.state);
  const std::string broken = "{\n  \"schema\": \"reqcheck.request/1\",\n  \"service\": \"telegram\",,\n  \"language\": \"en\"\n}\n";
  receive(f.state, Incoming::drop, "broken.json", broken);
  CHECK(f.state.request_text == broken);
  CHECK(f.state.request_name == "broken.json");
  CHECK(wire(f.state.report.verdict) == "invalid_input");
  const int first = first_input_error(f.state.report);
  REQUIRE(first >= 0);
  const Finding& at = f.state.report.findings[static_cast<std::size_t>(first)];
  CHECK(at.rule == "INPUT");
  CHECK(at.status == Status::fail);
  CHECK(at.line == 3);
  CHECK(at.column > 0);
  CHECK_FALSE(f.state.form_valid);
  CHECK(verdict_summary(f.state).find("line 3, column") != std::string::npos);
  CHECK(f.platform.verdict.verdict == "invalid_input");

  // a finding click on it selects that spot in the editor's text
  select_finding(f.state, at);
  Span span;
  REQUIRE(selection_span(f.state, span));
  const std::size_t line3 = broken.find('\n', broken.find('\n') + 1) + 1;
  CHECK(span.begin == line3 + static_cast<std::size_t>(at.column) - 1);
  CHECK(span.end == span.begin + 1);
}

TEST_CASE("an HI-1 XML message dropped is imported as an editable request") {
  Fixture f;
  init_app(f.state);
  const std::string xml = apptest::read_file("assets/samples/fails-hi1-emergency.xml");
  REQUIRE_FALSE(xml.empty());
  f.state.request_view = RequestView::form;
  receive(f.state, Incoming::drop, "fails-hi1-emergency.xml", xml);
  CHECK(f.state.request_name == "fails-hi1-emergency.request.json");
  CHECK(f.state.hi1_source == xml);
  CHECK(f.state.request_text.find("\"schema\": \"reqcheck.request/1\"") != std::string::npos);
  CHECK(f.state.form_valid);  // editable in the form
  CHECK(f.state.request_view == RequestView::editor);
  CHECK(f.state.request_view_switch);
  CHECK(f.state.notice.rfind("Imported fails-hi1-emergency.xml", 0) == 0);
  CHECK_FALSE(f.state.notice_is_error);
  CHECK(wire(f.state.report.verdict) == "does_not_meet");
  bool named_element = false;
  for (const Finding& x : f.state.report.findings) {
    if (!x.source.empty()) {
      named_element = true;
      CHECK_FALSE(is_located_input(x));  // HI-1 lines are the message's, not the editor's
    }
  }
  CHECK(named_element);
  // an HI-1 finding is placed in the message: the editor is not asked to select anything
  for (const Finding& x : f.state.report.findings) {
    if (x.source.empty()) continue;
    select_finding(f.state, x);
    Span none;
    CHECK_FALSE(selection_span(f.state, none));
    CHECK(f.state.selection.pointer == x.pointer);
    break;
  }

  // an edit through the form keeps the import's provenance
  f.state.form_doc["language"] = "de";
  apply_form(f.state);
  run_check(f.state);
  CHECK(f.state.hi1_source == xml);
  CHECK(f.state.request_text.find("\"language\": \"de\"") != std::string::npos);
}

TEST_CASE("a rule's finding selects its whole value in the editor, from the core's byte range") {
  Fixture f;
  REQUIRE(open_sample(f.state, "fails-instrument-unsigned.json"));
  const Finding* unsigned_finding = nullptr;
  for (const Finding& x : f.state.report.findings) {
    if (x.pointer == "/instrument/signed" && x.status == Status::fail) unsigned_finding = &x;
  }
  REQUIRE(unsigned_finding != nullptr);
  select_finding(f.state, *unsigned_finding);
  Span span;
  REQUIRE(selection_span(f.state, span));
  CHECK(f.state.request_text.substr(span.begin, span.end - span.begin) == "false");
  CHECK(f.state.selection.pointer == "/instrument/signed");
}

TEST_CASE("offset_of counts lines and byte columns, clamped to the line and the text") {
  const std::string text = "ab\ncdé\nf";
  CHECK(offset_of(text, 1, 1) == 0);
  CHECK(offset_of(text, 2, 2) == 4);
  CHECK(offset_of(text, 2, 99) == 7);  // end of line 2 (é is two bytes)
  CHECK(offset_of(text, 3, 1) == 8);
  CHECK(offset_of(text, 9, 9) == text.size());
}

TEST_CASE("an edit is checked once the debounce has passed on the platform clock") {
  Fixture f;
  init_app(f.state);
  f.platform.clock = 10.0;
  f.state.request_text = "{";
  note_edit(f.state);
  CHECK(f.state.check_pending);
  f.platform.clock = 10.0 + check_debounce_s / 2;
  tick(f.state);
  CHECK(f.state.check_pending);
  CHECK(wire(f.state.report.verdict) == "meets_criteria");
  f.platform.clock = 10.0 + check_debounce_s;
  tick(f.state);
  CHECK_FALSE(f.state.check_pending);
  CHECK(wire(f.state.report.verdict) == "invalid_input");
  CHECK(f.state.request_text == "{");
}

TEST_CASE("downloads and print go to the platform with names derived from the request") {
  Fixture f;
  init_app(f.state);
  save_request(f.state);
  download_report(f.state, ReportFormat::json);
  download_report(f.state, ReportFormat::markdown);
  print_report(f.state);
  REQUIRE(f.platform.downloads.size() == 3);
  CHECK(f.platform.downloads[0].filename == "meets-criteria.json");
  CHECK(f.platform.downloads[0].content == f.state.request_text);
  CHECK(f.platform.downloads[1].filename == "meets-criteria.report.json");
  CHECK(f.platform.downloads[1].mime == "application/json");
  CHECK(f.platform.downloads[1].content == reqcheck::report::to_json(f.state.report));
  CHECK(f.platform.downloads[1].content.find("\"verdict\": \"meets_criteria\"") != std::string::npos);
  CHECK(f.platform.downloads[2].filename == "meets-criteria.report.md");
  CHECK(f.platform.downloads[2].mime == "text/markdown");
  CHECK(f.platform.downloads[2].content == reqcheck::report::to_markdown(f.state.report));
  REQUIRE(f.platform.printed.size() == 1);
  CHECK(f.platform.printed[0] == reqcheck::report::to_json(f.state.report));
}

TEST_CASE("a file too large is refused with a notice that keeps the request") {
  Fixture f;
  init_app(f.state);
  const std::string before = f.state.request_text;
  f.platform.clock = 5.0;
  refuse_file(f.state, "huge.ndjson", 300.0 * 1024 * 1024);
  CHECK(f.state.notice_is_error);
  CHECK(f.state.notice.find("huge.ndjson is 300.0 MB") == 0);
  // within the limit, the heap could not hold it: said so, not "too large"
  refuse_file(f.state, "big.ndjson", 20.0 * 1024 * 1024);
  CHECK(f.state.notice.find("big.ndjson (20.0 MB) could not be read") == 0);
  CHECK(f.state.request_text == before);
  CHECK(notice_visible(f.state));
  f.platform.clock = 5.0 + notice_seconds + 1;
  CHECK_FALSE(notice_visible(f.state));
}

TEST_CASE("an empty paste is a notice, not a request") {
  Fixture f;
  init_app(f.state);
  const std::string before = f.state.request_text;
  receive(f.state, Incoming::paste, "", "");
  CHECK(f.state.notice_is_error);
  CHECK(f.state.request_text == before);
}

TEST_CASE("a finding's selection does not carry over to the next file, sample or undo") {
  apptest::Fixture f;
  set_request(f.state, apptest::read_file("assets/samples/fails-subject-witness.json"), "a.json");
  REQUIRE(!f.state.report.findings.empty());
  select_finding(f.state, f.state.report.findings.front());
  Span span;
  CHECK(f.state.selection.active);
  const auto serial = f.state.selection.serial;
  // the same pointer exists in the next request: it must not be outlined or jumped to there
  set_request(f.state, apptest::read_file("assets/samples/meets-criteria.json"), "b.json");
  CHECK_FALSE(f.state.selection.active);
  CHECK(f.state.selection.serial > serial);  // the panels see the change
  CHECK_FALSE(selection_span(f.state, span));
  select_finding(f.state, f.state.report.findings.front());
  CHECK(f.state.selection.active);
  REQUIRE(undo_replace(f.state));
  CHECK_FALSE(f.state.selection.active);
}

TEST_CASE("the form's language field offers the languages the pack in force accepts for the instrument") {
  apptest::Fixture f;
  set_request(f.state, apptest::read_file("assets/samples/meets-criteria.json"), "a.json");
  REQUIRE(f.state.report.policy_id == "telegram-2024-09");
  CHECK(language_choices(f.state) == std::vector<std::string>{"en"});
  auto doc = nlohmann::json::parse(f.state.request_text);
  doc["instrument"]["type"] = "dsa_article_10_order";
  set_request(f.state, doc.dump(2), "b.json");
  CHECK(language_choices(f.state) == std::vector<std::string>{"en", "fr"});  // accepted_languages_by_instrument
  set_request(f.state, "{", "broken.json");
  CHECK(language_choices(f.state).empty());  // no pack applied to unreadable input
}
