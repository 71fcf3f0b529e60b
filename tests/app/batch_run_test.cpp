// The page's batch run: checked in slices from tick (frames kept coming while it runs), cancel
// keeping what was done, rows and tallies equal to what `reqcheck check --format results-csv`
// and `reqcheck tally` make (their code path: check_each, result_row, Tally), several files at
// once, the table's filter and sort, exports, and an edit pausing the run.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <reqcheck/results.hpp>
#include <reqcheck/tally.hpp>

#include "support.hpp"

using namespace reqcheck::app;
using apptest::Fixture;
using apptest::read_file;
using apptest::wire;

namespace {

/// `n` requests as NDJSON, of varied verdicts, references and countries.
std::string varied_ndjson(int n) {
  const std::vector<std::string> samples = {"meets-criteria.json", "fails-instrument-unsigned.json", "needs-review-emergency.json",
                                            "fails-data-no-range.json", "needs-review-uk-country.json"};
  std::string out;
  for (int i = 0; i < n; ++i) {
    auto doc = nlohmann::ordered_json::parse(read_file("assets/samples/" + samples[static_cast<std::size_t>(i) % samples.size()]));
    doc["reference"] = "REF-" + std::to_string(i);
    out += doc.dump() + "\n";
  }
  out += "{\"schema\": \"reqcheck.request/1\",,}\n";  // one broken line
  return out;
}

/// What the CLI makes of `text` named `file`: results CSV and tally CSV (its code path).
std::pair<std::string, std::string> cli_way(const std::string& text, const std::string& file) {
  reqcheck::CheckOptions o;
  o.now = apptest::kNow;
  o.file = file;
  o.input_digest = false;
  std::string csv;
  reqcheck::Tally tally;
  reqcheck::check_each(reqcheck::Policy::bundled(), text, o, [&](reqcheck::BatchItem&& item) {
    const auto row = reqcheck::result_row(item.report, item.part);
    if (csv.empty()) csv = std::string(reqcheck::results_csv_header()) + "\r\n";
    csv += reqcheck::to_csv(row);
    tally.add(row);
  });
  return {csv, reqcheck::to_csv(tally)};
}

}  // namespace

TEST_CASE("a batch is checked in slices from tick, frames keep coming, and Cancel keeps what was done") {
  Fixture f;
  init_app(f.state);
  f.state.batch_items_per_tick_max = 3;
  const std::string text = varied_ndjson(10);
  receive(f.state, Incoming::drop, "q4.ndjson", text);
  REQUIRE(is_batch(f.state));
  CHECK(f.state.run.total == 11);
  CHECK(f.state.run.rows.size() == 3);  // the first slice, at once
  CHECK(f.state.run.state == RunState::running);
  CHECK(f.platform.batch.state == "running");
  CHECK(f.platform.batch.done == 3);
  CHECK(f.platform.batch.total == 11);
  CHECK(f.platform.batch.summary.find("checking: 3 of 11 requests") != std::string::npos);
  CHECK(next_frame_due(f.state) <= f.platform.clock);  // the loop keeps drawing
  // while it runs, the report shows a request already checked
  CHECK(f.state.batch_index == 0);
  CHECK(f.state.report.request.reference == "REF-0");
  const int verdicts_before = f.platform.verdicts_published;
  f.platform.clock += 0.016;
  tick(f.state);
  CHECK(f.state.run.rows.size() == 6);
  CHECK(f.platform.verdicts_published == verdicts_before);  // the verdict comes at the end
  cancel_batch(f.state);
  CHECK(f.state.run.state == RunState::cancelled);
  CHECK(f.state.run.rows.size() == 6);
  CHECK(f.state.run.tally.total().requests == 6);
  CHECK(f.platform.batch.state == "cancelled");
  CHECK(f.platform.batch.summary.find("cancelled after 6 of 11") != std::string::npos);
  CHECK(f.platform.verdict.summary.find("cancelled after 6 of 11") != std::string::npos);
  CHECK(wire(f.state.report.verdict) == wire(f.state.run.worst));  // the worst so far is opened
  CHECK(next_frame_due(f.state) > f.platform.clock);
  tick(f.state);
  CHECK(f.state.run.rows.size() == 6);  // nothing more after Cancel
  // exports hold what was checked
  download_batch(f.state, BatchExport::results_csv);
  REQUIRE(f.platform.downloads.size() == 1);
  CHECK(f.platform.downloads[0].filename == "q4.ndjson.results.csv");
  CHECK(std::count(f.platform.downloads[0].content.begin(), f.platform.downloads[0].content.end(), '\n') == 7);
  // Check now starts again from the first request
  run_check(f.state);
  CHECK(f.state.run.rows.size() == 3);
  for (int i = 0; i < 10 && f.state.run.state == RunState::running; ++i) tick(f.state);
  CHECK(f.state.run.state == RunState::done);
  CHECK(f.state.run.rows.size() == 11);
}

TEST_CASE("the page's rows and tallies are the CLI's: results-csv and tally csv on the same file") {
  Fixture f;
  init_app(f.state);
  f.state.batch_items_per_tick_max = 4;
  const std::string text = varied_ndjson(25);
  receive(f.state, Incoming::drop, "q4.ndjson", text);
  while (f.state.run.state == RunState::running) tick(f.state);
  const auto [csv, tally_csv] = cli_way(text, "q4.ndjson");
  CHECK(results_csv(f.state.run) == csv);
  CHECK(reqcheck::to_csv(f.state.run.tally) == tally_csv);
  download_batch(f.state, BatchExport::tally_csv);
  download_batch(f.state, BatchExport::results_json);
  download_batch(f.state, BatchExport::tally_json);
  download_batch(f.state, BatchExport::reports_ndjson);
  // every report is rebuilt a slice per tick, then offered
  CHECK(report_job_running(f.state));
  CHECK(f.state.report_job.next == 4);
  CHECK(f.platform.downloads.size() == 3);
  CHECK(next_frame_due(f.state) <= f.platform.clock);  // frames keep coming
  while (report_job_running(f.state)) tick(f.state);
  REQUIRE(f.platform.downloads.size() == 4);
  CHECK(f.platform.downloads[0].content == tally_csv);
  const auto rows = nlohmann::json::parse(f.platform.downloads[1].content);
  REQUIRE(rows.size() == 26);
  CHECK(rows[3]["reference"] == "REF-3");
  CHECK(rows[25]["line"] == 26);
  CHECK(nlohmann::json::parse(f.platform.downloads[2].content)["schema"] == "reqcheck.tally/1");
  // every report, rebuilt, one per line, with its digest
  const std::string& nd = f.platform.downloads[3].content;
  CHECK(std::count(nd.begin(), nd.end(), '\n') == 26);
  const auto first = nlohmann::json::parse(nd.substr(0, nd.find('\n')));
  CHECK(first["request"]["reference"] == "REF-0");
  CHECK(first["input_sha256"].get<std::string>().size() == 64);
  // a batch's report download and print cover the whole batch
  download_report(f.state, ReportFormat::json);
  while (report_job_running(f.state)) tick(f.state);
  CHECK(f.platform.downloads.back().filename == "q4.ndjson.reports.json");
  CHECK(nlohmann::json::parse(f.platform.downloads.back().content).size() == 26);
  download_report(f.state, ReportFormat::markdown);
  while (report_job_running(f.state)) tick(f.state);
  CHECK(f.platform.downloads.back().content.find("26 requests") != std::string::npos);
  CHECK(f.platform.downloads.back().content.find("REF-24") != std::string::npos);
  // only the report shown, named by its line
  download_report(f.state, ReportFormat::json, false);
  CHECK(f.platform.downloads.back().filename == "q4.ndjson.line-" + std::to_string(f.state.report.request.line) + ".report.json");
  CHECK(nlohmann::json::parse(f.platform.downloads.back().content)["verdict"] == wire(f.state.report.verdict));
  // a job cancelled offers nothing; a new text drops a job
  const std::size_t downloads = f.platform.downloads.size();
  download_batch(f.state, BatchExport::reports_ndjson);
  cancel_report_job(f.state);
  CHECK_FALSE(report_job_running(f.state));
  tick(f.state);
  CHECK(f.platform.downloads.size() == downloads);
  print_report(f.state);
  while (report_job_running(f.state)) tick(f.state);
  REQUIRE(f.platform.printed.size() == 1);
  const auto printed = nlohmann::json::parse(f.platform.printed[0]);
  CHECK(printed["reports"].size() == 26);
  CHECK(printed["batch"]["worst"] == "invalid_input");
}

TEST_CASE("several files at once: one run, each file a batch, its name in the file column") {
  Fixture f;
  init_app(f.state);
  const std::string a = varied_ndjson(3);
  const std::string b = "[\n" + read_file("assets/samples/meets-criteria.json") + ",\n" + read_file("assets/samples/fails-data-content.json") + "\n]\n";
  const std::string one = read_file("assets/samples/needs-review-emergency.json");
  const std::string hi1 = read_file("tests/cases/hi1/HI1-two-authorisations/request.xml");
  receive_files(f.state, Incoming::drop,
                {{"a.ndjson", a}, {"image.png", "\x89PNG\r\n\x1a\n"}, {"b.json", b}, {"one.json", one}, {"two.xml", hi1}});
  REQUIRE(is_batch(f.state));
  CHECK(f.state.run.files.size() == 4);
  REQUIRE(f.state.run.rows.size() == 4 + 2 + 1 + 2);  // an HI-1 message with two authorisations: two requests
  CHECK(f.state.run.rows[7].row.file == "two.xml");
  CHECK(f.state.run.rows[8].row.file == "two.xml");
  CHECK(f.state.run.rows[4].row.file == "b.json");
  CHECK(f.state.run.rows[4].row.line == 2);
  CHECK(f.state.run.rows[6].row.file == "one.json");
  CHECK(editor_shows_row(f.state));  // several files: the editor shows the row opened
  CHECK(f.platform.announced.find("image.png") != std::string::npos);
  CHECK(f.platform.verdict.summary.find("4 files") != std::string::npos);
  show_batch_element(f.state, 5);
  CHECK(f.state.report.request.file == "b.json");
  CHECK(f.state.row_text.rfind("{", 0) == 0);
  CHECK(f.state.row_text == b.substr(f.state.run.rows[5].row.offset, f.state.run.rows[5].row.length));
  // the table's filters and sort
  RowFilter only_fails;
  only_fails.verdict = static_cast<int>(Verdict::does_not_meet);
  for (std::uint32_t i : visible_rows(f.state.run, only_fails, {})) CHECK(f.state.run.rows[i].row.verdict == Verdict::does_not_meet);
  const auto by_verdict = visible_rows(f.state.run, {}, {{RowColumn::verdict, true}});
  REQUIRE(by_verdict.size() == 9);
  CHECK(f.state.run.rows[by_verdict.front()].row.verdict == Verdict::invalid_input);
  CHECK(f.state.run.rows[by_verdict.back()].row.verdict == Verdict::meets_criteria);
  RowFilter by_rule;
  by_rule.rule = f.state.run.rows[5].row.first_failing_rule;
  REQUIRE_FALSE(by_rule.rule.empty());
  const auto ruled = visible_rows(f.state.run, by_rule, {});
  CHECK(std::find(ruled.begin(), ruled.end(), 5u) != ruled.end());
  RowFilter by_country;
  by_country.country = "nowhere";
  CHECK(visible_rows(f.state.run, by_country, {}).empty());
  // another file replaces them all
  receive(f.state, Incoming::drop, "one.json", one);
  CHECK_FALSE(is_batch(f.state));
  CHECK(f.state.more_files.empty());
}

TEST_CASE("an edit pauses a running batch; the re-check plans the edited text") {
  Fixture f;
  init_app(f.state);
  f.state.batch_items_per_tick_max = 2;
  receive(f.state, Incoming::drop, "q.ndjson", varied_ndjson(6));
  REQUIRE(f.state.run.state == RunState::running);
  f.state.request_text += varied_ndjson(1);
  note_edit(f.state);
  tick(f.state);
  CHECK(f.state.run.rows.size() == 2);  // paused: the offsets no longer name the text
  f.platform.clock += check_debounce_s;
  tick(f.state);
  CHECK(f.state.run.total == 9);
  while (f.state.run.state == RunState::running) tick(f.state);
  CHECK(f.state.run.rows.size() == 9);
}

TEST_CASE("a file past the page's limit is refused with the limit and the CLI's way") {
  Fixture f;
  init_app(f.state);
  const std::string before = f.state.request_text;
  refuse_file(f.state, "huge.ndjson", 300.0 * 1024 * 1024);
  CHECK(f.state.request_text == before);
  CHECK(f.platform.announced_error);
  CHECK(f.platform.announced.find("256 MB") != std::string::npos);
  CHECK(f.platform.announced.find("300.0 MB") != std::string::npos);
}

TEST_CASE("a big batch is sniffed on its first 64 KiB; a bad request further on is refused at its own line") {
  const std::string good = nlohmann::ordered_json::parse(read_file("assets/samples/meets-criteria.json")).dump() + "\n";
  std::string big;
  while (big.size() <= hi1_max_bytes) big += good;
  const std::string_view prefix = intake_prefix(big);
  CHECK(prefix.size() <= 64 * 1024);
  CHECK(prefix.size() > 60 * 1024);
  CHECK(intake_prefix(good) == good);  // a request is read whole
  // a non-ASCII letter across the cut is never split
  std::string accents(70 * 1024, 'a');
  for (std::size_t i = 65530; i < 65540; i += 2) accents.replace(i, 2, "\xC3\xA9");
  accents.resize(hi1_max_bytes + 1, 'a');
  const std::string_view cut = intake_prefix(accents);
  CHECK(static_cast<unsigned char>(cut.back()) < 0x80);
  Fixture f;
  init_app(f.state);
  const int lines = static_cast<int>(std::count(big.begin(), big.end(), '\n'));
  const std::string bad = big + "{\"schema\": \"reqcheck.request/1\", \"reference\": \"caf\xE9\"}\n";
  receive(f.state, Incoming::drop, "big.ndjson", bad);
  while (f.state.run.state == RunState::running) step_batch(f.state);
  REQUIRE(static_cast<int>(f.state.run.rows.size()) == lines + 1);
  CHECK(wire(f.state.run.rows.back().row.verdict) == "invalid_input");
  CHECK(f.state.run.rows.back().row.line == lines + 1);
  CHECK(editor_shows_row(f.state));  // more than the editor holds
}
