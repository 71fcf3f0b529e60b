// Large batches (check_each, the 100,000-request limit), results rows, target keys, tallies and
// the one CSV writer: each function with cases that pass and cases that fail.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "parse/limits.hpp"
#include "report/csv.hpp"
#include "reqcheck/engine.hpp"
#include "reqcheck/results.hpp"
#include "reqcheck/tally.hpp"
#include "support.hpp"

namespace {

using reqcheck::report::Verdict;

std::string one_line(nlohmann::json j) { return j.dump(); }

reqcheck::CheckOptions options(const std::string& file = "batch.ndjson") {
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  o.file = file;
  return o;
}

/// The rows of a batch text, checked with check_each.
std::vector<reqcheck::ResultRow> rows_of(const std::string& text) {
  std::vector<reqcheck::ResultRow> rows;
  reqcheck::check_each(reqcheck::Policy::bundled(), text, options(),
                       [&](reqcheck::BatchItem&& item) { rows.push_back(reqcheck::result_row(item.report, item.part)); });
  return rows;
}

}  // namespace

TEST_CASE("csv_field: RFC 4180 quoting and the spreadsheet-formula guard") {
  using reqcheck::report::csv_field;
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\r\nlines") == "\"two\r\nlines\"");
  CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(csv_field("+49301234567") == "'+49301234567");
  CHECK(csv_field("-1") == "'-1");
  CHECK(csv_field("@seller") == "'@seller");
  CHECK(csv_field("a=b") == "a=b");  // only a leading sign is a formula
  CHECK(csv_field("\t=1+1") == "'\t=1+1");
  CHECK(csv_field("\r=1+1") == "\"'\r=1+1\"");
  CHECK(csv_field("Müller") == "Müller");
  CHECK(reqcheck::report::csv_record({"a", "=1", "b,c"}) == "a,'=1,\"b,c\"\r\n");
}

TEST_CASE("target_key: one account written two ways counts once") {
  using reqcheck::target_key;
  CHECK(target_key("username", "@Example_Seller") == "@example_seller");
  CHECK(target_key("username", "example_seller") == "@example_seller");
  CHECK(target_key("link", "https://t.me/Example_Seller") == "@example_seller");
  CHECK(target_key("phone_number", "+49 30 1234567") == "+49301234567");
  CHECK(target_key("phone_number", "49301234567") == "+49301234567");
  CHECK(target_key("link", "t.me/+49301234567") == "+49301234567");
  CHECK(target_key("user_id", "00123") == "id:123");
  CHECK(target_key("email", " Someone@Example.ORG ") == "email:someone@example.org");
  // what does not read as its type is kept as written, under its type: never folded
  CHECK(target_key("username", "ex") == "username:ex");
  CHECK(target_key("username", "еxample_seller") != "@example_seller");  // Cyrillic е
  CHECK(target_key("display_name", "Example Seller") == "display_name:Example Seller");
  CHECK(target_key("", "x") == "unknown:x");
  CHECK(target_key("link", "t.me/joinchat/AbCdEf") == "link:t.me/joinchat/AbCdEf");
}

TEST_CASE("quarter_utc and country_key: the tally's buckets, unknown when absent or unreadable") {
  using reqcheck::country_key;
  using reqcheck::quarter_utc;
  CHECK(quarter_utc("2026-11-20T09:30:00+01:00") == "2026-Q4");
  CHECK(quarter_utc("2026-01-01T00:30:00+01:00") == "2025-Q4");  // 2025-12-31T23:30Z
  CHECK(quarter_utc("2026-12-31T23:30:00-02:00") == "2027-Q1");
  CHECK(quarter_utc("2026-04-01T00:00:00Z") == "2026-Q2");
  CHECK(quarter_utc("") == "unknown");
  CHECK(quarter_utc("2026-02-30T00:00:00Z") == "unknown");
  CHECK(quarter_utc("2026-11-20") == "unknown");  // a date is not a time of receipt
  CHECK(country_key("DE") == "DE");
  CHECK(country_key(" de ") == "DE");
  CHECK(country_key("UK") == "GB");
  CHECK(country_key("EL") == "GR");
  CHECK(country_key("") == "unknown");
  CHECK(country_key("Germany") == "unknown");
  CHECK(country_key("XX") == "unknown");
}

TEST_CASE("result_row: the request's names, verdict, counts and first failing rule") {
  auto meets = testsupport::base_request();
  auto fails = testsupport::base_request();
  fails["reference"] = "=cmd|' /C calc'!A0";
  fails["instrument"]["type"] = "letter";
  fails["data_requested"].push_back({{"category", "content_data"}});
  auto no_date = testsupport::base_request();
  no_date.erase("received_at");
  const std::string text = one_line(meets) + "\n" + one_line(fails) + "\n\n" + one_line(no_date) + "\n{\"schema\": 1}\n";
  const auto rows = rows_of(text);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].file == "batch.ndjson");
  CHECK(rows[0].line == 1);
  CHECK(rows[0].verdict == Verdict::meets_criteria);
  CHECK(rows[0].reference == meets["reference"].get<std::string>());
  CHECK(rows[0].case_reference == meets["case"]["reference"].get<std::string>());
  CHECK(rows[0].service == "telegram");
  CHECK(rows[0].issuing_country == "DE");
  CHECK(rows[0].instrument_type == "court_order");
  CHECK(rows[0].failed == 0);
  CHECK(rows[0].first_failing_rule.empty());
  CHECK(text.substr(rows[1].offset, rows[1].length) == one_line(fails));
  CHECK(rows[1].line == 2);
  CHECK(rows[1].verdict == Verdict::does_not_meet);
  CHECK(rows[1].failed >= 2);
  CHECK(rows[1].first_failing_rule == "INSTR-01");
  CHECK(std::find(rows[1].failed_rules.begin(), rows[1].failed_rules.end(), "DATA-01") != rows[1].failed_rules.end());
  CHECK(rows[2].line == 4);
  CHECK(rows[2].received_at.empty());  // the checking time stood in: not a time of receipt
  CHECK(rows[3].verdict == Verdict::invalid_input);
  CHECK(rows[3].first_failing_rule.rfind("INPUT.", 0) == 0);
  // CSV: the header's columns, the formula guarded
  const std::string csv = reqcheck::to_csv(rows[1]);
  CHECK(csv.find(",'=cmd|' /C calc'!A0,") != std::string::npos);
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
  CHECK(std::string(reqcheck::results_csv_header()).rfind("file,line,reference,case_reference", 0) == 0);
  // JSON: one line, absent values null
  const auto j = nlohmann::json::parse(reqcheck::to_json(rows[3]));
  CHECK(j["verdict"] == "invalid_input");
  CHECK(j["reference"].is_null());
  CHECK(j["line"] == 5);
}

TEST_CASE("a report names its request: file, line, reference and case reference") {
  auto r = testsupport::base_request();
  const std::string text = "[\n" + one_line(r) + ",\n" + one_line(r) + "\n]";
  std::vector<nlohmann::json> reports;
  reqcheck::check_each(reqcheck::Policy::bundled(), text, options("q4.json"),
                       [&](reqcheck::BatchItem&& item) { reports.push_back(nlohmann::json::parse(reqcheck::report::to_json(item.report))); });
  REQUIRE(reports.size() == 2);
  CHECK(reports[1]["request"]["file"] == "q4.json");
  CHECK(reports[1]["request"]["line"] == 3);
  CHECK(reports[1]["request"]["reference"] == r["reference"]);
  CHECK(reports[1]["request"]["case_reference"] == r["case"]["reference"]);
  // the page's editor names no file; an unreadable request has no reference
  const auto alone = testsupport::check("not json");
  CHECK(alone["request"]["file"].is_null());
  CHECK(alone["request"]["line"] == 1);
  CHECK(alone["request"]["reference"].is_null());
}

TEST_CASE("a batch past 100,000 requests: those checked, then INPUT.too_many_requests where the rest start" *
          doctest::skip(!REQCHECK_FULL_SCALE_TESTS)) {
  const std::size_t limit = reqcheck::parse::kMaxBatchRequests;
  // NDJSON lines that are objects but not requests: quick to check, each invalid_input
  std::string lines;
  lines.reserve((limit + 2) * 12);
  for (std::size_t i = 0; i < limit + 2; ++i) lines += "{\"n\": 1}\n";
  std::size_t n = 0;
  reqcheck::report::Report last;
  reqcheck::BatchPart last_part;
  reqcheck::check_each(reqcheck::Policy::bundled(), lines, options(), [&](reqcheck::BatchItem&& item) {
    ++n;
    last = std::move(item.report);
    last_part = std::move(item.part);
  });
  CHECK(n == limit + 1);
  CHECK(last.verdict == Verdict::invalid_input);
  REQUIRE(last.findings.size() == 1);
  CHECK(last.findings[0].code == "INPUT.too_many_requests");
  CHECK(last.findings[0].line == static_cast<int>(limit) + 1);
  CHECK(last.findings[0].column == 1);
  CHECK(last_part.text.empty());
  CHECK(last.input_sha256.size() == 64);  // of the text not checked
  CHECK(last.checked_at == testsupport::kNow);
  CHECK(last.request.line == static_cast<int>(limit) + 1);
  CHECK(last_part.offset == limit * 9);
  // an array: the element's JSON Pointer and its line
  std::string array = "[\n";
  for (std::size_t i = 0; i < limit + 1; ++i) array += i ? ",\n1" : "1";
  array += "\n]";
  reqcheck::report::Report end;
  reqcheck::check_each(reqcheck::Policy::bundled(), array, options(), [&](reqcheck::BatchItem&& item) { end = std::move(item.report); });
  REQUIRE(end.findings.size() == 1);
  CHECK(end.findings[0].code == "INPUT.too_many_requests");
  CHECK(end.findings[0].pointer == "/100000");
  CHECK(end.findings[0].line == static_cast<int>(limit) + 2);
  // exactly the limit: no such item
  std::string full;
  for (std::size_t i = 0; i < limit; ++i) full += "{\"n\": 1}\n";
  CHECK(reqcheck::split_batch(full).size() == limit);
}

TEST_CASE("a broken element of a large array: those before it checked, it refused at its line") {
  const std::string good = one_line(testsupport::base_request());
  std::string big = "[";
  while (big.size() <= reqcheck::parse::kMaxInputBytes) big += good + ",\n";
  const int broken_line = static_cast<int>(std::count(big.begin(), big.end(), '\n')) + 1;
  big += "{\"schema\": \"reqcheck.request/1\", \"service\": }\n,\n" + good + "]";
  const auto batch = reqcheck::check_batch(reqcheck::Policy::bundled(), big, options());
  REQUIRE(batch.items.size() > 2);
  CHECK(batch.items.front().report.verdict == Verdict::meets_criteria);
  const auto& last = batch.items.back().report;
  CHECK(last.verdict == Verdict::invalid_input);
  REQUIRE(!last.findings.empty());
  CHECK(last.findings[0].code == "INPUT.not_json");
  CHECK(last.findings[0].line == broken_line);
}

TEST_CASE("Tally: buckets by quarter (UTC) and issuing country, unknown kept, distinct targets, rules") {
  auto a = testsupport::base_request();  // DE, 2026-Q4
  auto b = a;                             // the same account, written as a link: one target account
  b["targets"] = {{{"type", "link"}, {"value", "https://t.me/" + a["targets"][0]["value"].get<std::string>().substr(1)}, {"role", "suspect"}}};
  auto c = a;  // no received_at: unknown quarter
  c.erase("received_at");
  auto d = a;  // UK: counted as GB; fails INSTR-01
  d["issuing_authority"]["country"] = "UK";
  d["instrument"]["type"] = "letter";
  auto e = a;  // no country
  e["issuing_authority"].erase("country");
  const std::string text = one_line(a) + "\n" + one_line(b) + "\n" + one_line(c) + "\n" + one_line(d) + "\n" + one_line(e) + "\n";
  reqcheck::Tally t;
  for (const auto& row : rows_of(text)) t.add(row);
  CHECK(t.total().requests == 5);
  const auto& buckets = t.buckets();
  REQUIRE(buckets.count({"2026-Q4", "DE"}) == 1);
  const auto& de = buckets.at({"2026-Q4", "DE"});
  CHECK(de.requests == 2);
  CHECK(de.target_accounts() == 1);
  CHECK(de.verdicts[static_cast<std::size_t>(Verdict::meets_criteria)] == 2);
  CHECK(buckets.at({"unknown", "DE"}).requests == 1);
  CHECK(buckets.at({"2026-Q4", "GB"}).failed_rules.at("INSTR-01") == 1);
  CHECK(buckets.at({"2026-Q4", "unknown"}).requests == 1);
  CHECK(buckets.rbegin()->first.first == "unknown");  // unknown last
  CHECK(t.total().failed_rules.at("INSTR-01") == 1);
  // the renderings say the basis and keep every request
  const auto j = nlohmann::json::parse(reqcheck::to_json(t));
  CHECK(j["quarter_basis"] == "received_at in UTC");
  int sum = 0;
  for (const auto& bucket : j["buckets"]) sum += bucket["requests"].get<int>();
  CHECK(sum == 5);
  CHECK(j["rules"][0]["rule"] == "INSTR-01");
  const std::string csv = reqcheck::to_csv(t);
  CHECK(csv.rfind("table,quarter_utc,country,rule,requests,target_accounts", 0) == 0);
  CHECK(csv.find("bucket,unknown,DE,,1,") != std::string::npos);
  CHECK(csv.find("rule,all,all,INSTR-01,1,") != std::string::npos);
  CHECK(reqcheck::to_text(t).find("in UTC") != std::string::npos);
  // an empty tally renders too
  reqcheck::Tally none;
  CHECK(nlohmann::json::parse(reqcheck::to_json(none))["requests"] == 0);
}

TEST_CASE("check_each on several threads: the same reports, in file order") {
  auto fails = testsupport::base_request();
  fails["instrument"]["type"] = "letter";
  std::string text;
  for (int i = 0; i < 300; ++i) text += one_line(i % 3 ? testsupport::base_request() : fails) + "\n";
  text += "{\"schema\": 1}\n";
  const auto run = [&](unsigned threads) {
    std::vector<std::string> out;
    reqcheck::check_each(reqcheck::Policy::bundled(), text, options(),
                         [&](reqcheck::BatchItem&& item) { out.push_back(reqcheck::report::to_json_line(item.report)); }, threads);
    return out;
  };
  const auto one = run(1);
  REQUIRE(one.size() == 301);
  CHECK(run(2) == one);
  CHECK(run(3) == one);
}

TEST_CASE("a broken array of more elements than one text holds: its error, not that limit") {
  std::string text = "[";
  for (int i = 0; i < 1500; ++i) text += "{\"schema\": \"reqcheck.request/1\"},\n";
  text += "{\"schema\": \"reqcheck.request/1\"";  // cut off: no closing brace or bracket
  REQUIRE(text.size() < reqcheck::parse::kMaxInputBytes);
  const auto batch = reqcheck::check_batch(reqcheck::Policy::bundled(), text, options());
  REQUIRE(batch.items.size() == 1501);
  const auto& last = batch.items.back().report;
  REQUIRE(!last.findings.empty());
  CHECK(last.findings[0].code == "INPUT.not_json");
  CHECK(last.findings[0].line == 1501);
  // a small broken array stays one text, its error located there
  const auto small = reqcheck::check_batch(reqcheck::Policy::bundled(), "[{\"a\": 1},\n {\"b\": }]", options());
  REQUIRE(small.items.size() == 1);
  CHECK(small.items[0].report.findings[0].code == "INPUT.not_json");
  CHECK(small.items[0].report.findings[0].line == 2);
}

namespace {

/// Every item of `text` as check_each gives it and as a BatchPlan gives it (parts and report
/// JSON lines), for comparison.
void same_as_check_each(const std::string& text) {
  std::vector<std::pair<reqcheck::BatchPart, std::string>> each;
  reqcheck::check_each(reqcheck::Policy::bundled(), text, options(), [&](reqcheck::BatchItem&& item) {
    each.emplace_back(item.part, reqcheck::report::to_json_line(item.report));
  });
  const reqcheck::BatchPlan plan(text);
  REQUIRE(plan.size() == each.size());
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const reqcheck::BatchItem item = plan.check(reqcheck::Policy::bundled(), text, options(), i);
    CHECK(item.part.text == each[i].first.text);
    CHECK(item.part.offset == each[i].first.offset);
    CHECK(item.part.length == each[i].first.length);
    CHECK(item.part.line == each[i].first.line);
    CHECK(item.part.column == each[i].first.column);
    CHECK(reqcheck::report::to_json_line(item.report) == each[i].second);
    const reqcheck::BatchPart place = plan.place(i);
    CHECK(place.text.empty());
    CHECK(place.offset == each[i].first.offset);
  }
}

}  // namespace

TEST_CASE("BatchPlan: the items of check_each, one at a time, without copying the batch") {
  auto fails = testsupport::base_request();
  fails["instrument"]["type"] = "letter";
  std::string ndjson;
  for (int i = 0; i < 7; ++i) ndjson += one_line(i % 2 ? testsupport::base_request() : fails) + " \r\n\n";
  ndjson += "{\"schema\": \"reqcheck.request/1\",,}\n";
  same_as_check_each(ndjson);
  same_as_check_each("\xEF\xBB\xBF[\n  " + one_line(fails) + ",\n  " + one_line(testsupport::base_request()) + "\n]\n");
  same_as_check_each(testsupport::base_request().dump(2));  // one request: one item, the whole text
  same_as_check_each("not json");
  same_as_check_each(testsupport::read_file(testsupport::kSourceDir / "tests/cases/hi1/HI1-two-authorisations/request.xml"));
  const reqcheck::BatchPlan plan(ndjson);
  CHECK(plan.size() == 8);
  CHECK(plan.requests() == 8);
  CHECK_FALSE(plan.beyond_limit(7));
  CHECK(plan.place(8).length == 0);  // out of range: a default part
  // a text that changed under the plan gives other bytes, never an error
  CHECK(plan.part(ndjson.substr(0, 10), 3).text.empty());
  CHECK(reqcheck::BatchPlan().size() == 0);
}
