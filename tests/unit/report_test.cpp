// The report: verdict ranking, order, determinism, digests, renderings, batches, and that a
// missing received_at is said and replaced by the checking time.
#include <doctest/doctest.h>

#include "report/digest.hpp"
#include "reqcheck/report.hpp"
#include "parse/limits.hpp"
#include "support.hpp"

using nlohmann::json;

TEST_CASE("sha256 is the standard digest") {
  CHECK(reqcheck::report::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(reqcheck::report::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("verdict follows the worst finding") {
  using namespace reqcheck::report;
  std::vector<Finding> f(2);
  f[0].rule = "AUTH-01";
  f[1].rule = "AUTH-02";
  f[0].status = f[1].status = Status::pass;
  CHECK(verdict_of(f) == Verdict::meets_criteria);
  f[1].status = Status::incomplete;
  CHECK(verdict_of(f) == Verdict::needs_review);
  f[0].status = Status::fail;
  CHECK(verdict_of(f) == Verdict::does_not_meet);
  f[1].rule = "INPUT";
  f[1].status = Status::fail;
  CHECK(verdict_of(f) == Verdict::invalid_input);
  CHECK(verdict_of({}) == Verdict::needs_review);
}

TEST_CASE("input_sha256 is the digest of the text as given, and empty only when the caller turns it off") {
  const std::string req = testsupport::base_request().dump();
  const std::string xml = "<HI1Message";  // not a request: the digest still names the input
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  for (const std::string& text : {req, xml, std::string("{"), std::string()}) {
    CHECK(reqcheck::check(reqcheck::Policy::bundled(), text, o).input_sha256 == reqcheck::report::sha256_hex(text));
  }
  o.from = "nonsense";  // refused before reading
  CHECK(reqcheck::check(reqcheck::Policy::bundled(), req, o).input_sha256 == reqcheck::report::sha256_hex(req));
  o.from.clear();
  o.input_digest = false;
  const auto off = reqcheck::check(reqcheck::Policy::bundled(), req, o);
  CHECK(off.input_sha256.empty());
  CHECK(off.verdict == reqcheck::report::Verdict::meets_criteria);  // the verdict does not depend on it
}

TEST_CASE("same input, pack and now give byte-identical reports, sorted by status, pack order, pointer") {
  const std::string req = testsupport::base_request().dump();
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto a = reqcheck::check_json(req, "", o), b = reqcheck::check_json(req, "", o);
  CHECK(a == b);
  const auto r = json::parse(a);
  CHECK(r["verdict"] == "meets_criteria");
  CHECK(r["input_sha256"] == reqcheck::report::sha256_hex(req));
  CHECK(r["notes"].dump().find("may still decline") != std::string::npos);
  // within a status: the pack's rule order, then the pointer
  const auto rules = *reqcheck::Policy::bundled().rules("telegram-2024-09");
  const auto index = [&](const json& f) {
    for (std::size_t i = 0; i < rules.size(); ++i)
      if (rules[i].id == f["rule"]) return i;
    return rules.size();
  };
  for (std::size_t i = 1; i < r["findings"].size(); ++i) {
    const auto &p = r["findings"][i - 1], &n = r["findings"][i];
    if (p["status"] != n["status"]) continue;
    CHECK((index(p) < index(n) || (index(p) == index(n) && p["pointer"] <= n["pointer"])));
  }
  for (const auto& f : r["findings"]) {
    CHECK_FALSE(f["legal_ref"].get<std::string>().empty());
    CHECK_FALSE(f["message"].get<std::string>().empty());
    if (f["status"] != "pass" && f["status"] != "not_applicable") CHECK_FALSE(f["help"].get<std::string>().empty());
  }
}

TEST_CASE("a missing received_at is said, and the checking time stands in") {
  auto req = testsupport::base_request();
  req.erase("received_at");
  const auto r = testsupport::check(req.dump());
  CHECK(r["received_at_defaulted"] == true);
  CHECK(r["received_at"].is_null());
  CHECK(r["notes"].dump().find("stands in") != std::string::npos);
}

TEST_CASE("a bad --now is invalid input, not a crash") {
  reqcheck::CheckOptions o;
  o.now = "yesterday";
  CHECK(json::parse(reqcheck::check_json(testsupport::base_request().dump(), "", o))["verdict"] == "invalid_input");
}

TEST_CASE("markdown escapes HTML and keeps values as code") {
  auto req = testsupport::base_request();
  req["targets"][0]["value"] = "<img src=x onerror=alert(1)>";
  req["case"]["offences"][0]["provision"] = "</script><b>|x|</b>";
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto report = reqcheck::check(reqcheck::Policy::bundled(), req.dump(), o);
  const auto md = reqcheck::report::to_markdown(report);
  CHECK(md.find("<img") == std::string::npos);
  CHECK(md.find("</script>") == std::string::npos);
  CHECK(md.find("# reqcheck report") == 0);
  const auto text = reqcheck::report::to_text(report);
  CHECK(text.find("verdict:") == 0);
}

TEST_CASE("split_batch reads arrays and NDJSON, and leaves everything else whole") {
  CHECK(reqcheck::split_batch("[{\"a\":1},{\"b\":2}]").size() == 2);
  CHECK(reqcheck::split_batch("{\"a\":1}\n{\"b\":2}\n\n{\"c\":3}\n").size() == 3);
  CHECK(reqcheck::split_batch("{\"a\":1}").size() == 1);
  CHECK(reqcheck::split_batch("{\n \"a\": 1\n}").size() == 1);
  CHECK(reqcheck::split_batch("{broken").size() == 1);
  CHECK(reqcheck::split_batch("{\"a\":1}\n{broken").size() == 2);  // a broken line gets its own report
  CHECK(reqcheck::split_batch("{broken\n{broken").size() == 1);     // no whole line: not NDJSON
  // a pretty-printed request with one typo is one request, however many lines are whole objects
  const std::string typo = "{\n  \"schema\": \"reqcheck.request/1\",\n  \"targets\": [\n    {\"type\": \"username\"}\n  ],\n"
                           "  \"data_requested\": [\n    {\"category\": \"phone_number\"}\n  ],\n  \"language\": \"en\",\n}\n";
  REQUIRE(reqcheck::split_batch(typo).size() == 1);
  const auto r = testsupport::check(reqcheck::split_batch(typo)[0].text);
  CHECK(r["verdict"] == "invalid_input");
  CHECK(r["findings"][0]["line"] == 10);
  CHECK(reqcheck::split_batch("").size() == 1);
}

TEST_CASE("split_batch gives each request's exact bytes and where it starts in the file") {
  const std::string array = "[\n  {\"a\": 1},\n  { \"b\" : [2, 3] } ,\n\t\"x\"\n]\n";
  const auto parts = reqcheck::split_batch(array);
  REQUIRE(parts.size() == 3);
  CHECK(parts[0].text == "{\"a\": 1}");
  CHECK(parts[1].text == "{ \"b\" : [2, 3] }");
  CHECK(parts[2].text == "\"x\"");
  CHECK(parts[1].line == 3);
  CHECK(parts[1].column == 3);
  CHECK(parts[2].line == 4);
  CHECK(parts[2].column == 2);
  for (const auto& p : parts) CHECK(array.substr(p.offset, p.length) == p.text);

  const std::string ndjson = "{\"a\":1}\n\n  {\"b\":2}\n";
  const auto lines = reqcheck::split_batch(ndjson);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].line == 3);
  CHECK(lines[1].column == 3);
  CHECK(lines[1].text == "{\"b\":2}");
  CHECK(ndjson.substr(lines[1].offset, lines[1].length) == lines[1].text);

  // CRLF: the CR is the line's end, not the request's, so the digest is the request's anywhere
  const auto crlf = reqcheck::split_batch("{\"a\":1}\r\n{\"b\":2}\r\n");
  REQUIRE(crlf.size() == 2);
  CHECK(crlf[1].text == "{\"b\":2}");
  CHECK(testsupport::check(crlf[1].text)["input_sha256"] == testsupport::check("{\"b\":2}")["input_sha256"]);

  // more lines than a request's array holds (1,000): still a batch, of up to 100,000
  std::string many;
  for (int i = 0; i < 1001; ++i) many += "{\"a\":1}\n";
  REQUIRE(reqcheck::split_batch(many).size() == 1001);
  CHECK(reqcheck::split_batch(many)[1000].line == 1001);
  // two requests on one line are not NDJSON's: the text's error says what a batch is
  CHECK(testsupport::check("{\"a\":1} {\"b\":2}")["findings"][0]["code"] == "INPUT.trailing_text");

  const std::string bom = "\xEF\xBB\xBF[{\"a\":1},{\"b\":2}]";
  const auto after_bom = reqcheck::split_batch(bom);
  REQUIRE(after_bom.size() == 2);
  CHECK(bom.substr(after_bom[1].offset, after_bom[1].length) == "{\"b\":2}");
}

TEST_CASE("a batch may exceed one request's size limit, each request may not") {
  const std::string element = "{\"reference\": \"" + std::string(5000, 'x') + "\"}";
  std::string batch = "[";
  for (int i = 0; i < 1000; ++i) batch += (i ? "," : "") + element;  // about 5 MB
  batch += "]";
  REQUIRE(batch.size() > reqcheck::parse::kMaxInputBytes);
  CHECK(reqcheck::split_batch(batch).size() == 1000);
  CHECK(testsupport::check("[]")["findings"][0]["code"] == "INPUT.empty_batch");
}

TEST_CASE("a batch element's input errors name the file's line and column, its digest its own bytes") {
  const std::string batch = "[\n  {\"schema\": \"reqcheck.request/1\"},\n  {\n    \"schema\": \"reqcheck.request/1\",\n    \"servise\": \"telegram\"\n  }\n]\n";
  const auto parts = reqcheck::split_batch(batch);
  REQUIRE(parts.size() == 2);
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  o.first_line = parts[1].line;
  o.first_column = parts[1].column;
  const auto r = nlohmann::json::parse(reqcheck::check_json(parts[1].text, "", o));
  CHECK(r["verdict"] != "meets_criteria");
  bool found = false;
  for (const auto& f : r["findings"])
    if (f["pointer"] == "/servise") {
      found = true;
      CHECK(f["line"] == 5);  // the file's line 5, column 5: where "servise" is
      CHECK(f["column"] == 5);
    }
  CHECK(found);
  const auto alone = testsupport::check(parts[1].text);
  CHECK(r["input_sha256"] == alone["input_sha256"]);

  // on the first line of an element, the column shifts too
  const std::string one_line = "[{\"schema\": \"reqcheck.request/1\"}, {\"schema\": 7}]";
  const auto q = reqcheck::split_batch(one_line);
  REQUIRE(q.size() == 2);
  o.first_line = q[1].line;
  o.first_column = q[1].column;
  const auto r2 = nlohmann::json::parse(reqcheck::check_json(q[1].text, "", o));
  for (const auto& f : r2["findings"])
    if (f["pointer"] == "/schema") {
      CHECK(f["line"] == 1);
      CHECK(f["column"] == static_cast<int>(one_line.find("7") + 1));
    }
}

TEST_CASE("CSV: one row per finding, RFC 4180 quoting, formulas neutralised") {
  auto req = testsupport::base_request();
  req["targets"][0]["value"] = "=HYPERLINK(\"http://x\",\"a, b\")";
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto report = reqcheck::check(reqcheck::Policy::bundled(), req.dump(), o);
  const auto csv = reqcheck::report::to_csv(report, "file.json:1");
  CHECK(csv.find(std::string(reqcheck::report::csv_header()) + "\r\n") == 0);
  std::size_t rows = 0;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++rows;
  CHECK(rows == report.findings.size() + 1);
  CHECK(csv.find(",=HYPERLINK") == std::string::npos);  // never a bare formula
  CHECK(csv.find("\"'=HYPERLINK") == std::string::npos);  // a message quotes it in backticks, so it starts with `
  CHECK(reqcheck::report::to_csv(report, "=cmd|' /C calc'!A0", false).find("'=cmd") != std::string::npos);
  CHECK(reqcheck::report::to_csv(report, "", false).find("request,verdict") == std::string::npos);
}

TEST_CASE("every finding of a readable request has a place in the text, shifted into the file") {
  const std::string text = testsupport::base_request().dump(2);
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto report = reqcheck::check(reqcheck::Policy::bundled(), text, o);
  for (const auto& f : report.findings) {
    CHECK_MESSAGE(f.line > 0, std::string(f.rule + " " + f.pointer));
    CHECK(f.end >= f.offset);
    CHECK(f.end <= text.size());
  }
  o.first_line = 10;
  o.first_column = 5;
  o.first_offset = 1000;
  const auto shifted = reqcheck::check(reqcheck::Policy::bundled(), text, o);
  REQUIRE(shifted.findings.size() == report.findings.size());
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    CHECK(shifted.findings[i].line == report.findings[i].line + 9);
    CHECK(shifted.findings[i].offset == report.findings[i].offset + 1000);
  }
}

TEST_CASE("verdict words, ranking and counts live in the core") {
  using reqcheck::report::Verdict;
  CHECK(reqcheck::report::worse(Verdict::meets_criteria, Verdict::needs_review) == Verdict::needs_review);
  CHECK(reqcheck::report::worse(Verdict::invalid_input, Verdict::does_not_meet) == Verdict::invalid_input);
  CHECK(reqcheck::report::worse(Verdict::does_not_meet, Verdict::needs_review) == Verdict::does_not_meet);
  Verdict v{};
  CHECK(reqcheck::report::parse_verdict("needs_review", v));
  CHECK(v == Verdict::needs_review);
  CHECK_FALSE(reqcheck::report::parse_verdict("maybe", v));
  CHECK(reqcheck::report::verdict_label(Verdict::does_not_meet) == "does not meet");
  const auto batch = reqcheck::check_batch(reqcheck::Policy::bundled(), "{\"a\":1}\n" + testsupport::base_request().dump() + "\n",
                                           [] {
                                             reqcheck::CheckOptions o;
                                             o.now = testsupport::kNow;
                                             return o;
                                           }());
  REQUIRE(batch.items.size() == 2);
  CHECK(batch.worst == Verdict::invalid_input);
  CHECK(batch.items[1].part.line == 2);
  CHECK(reqcheck::batch_summary(batch) == "2 requests: 1 meets_criteria, 0 needs_review, 0 does_not_meet, 1 invalid_input");
}

TEST_CASE("findings are listed fail, review, incomplete, pass, not applicable, then in the pack's order") {
  auto req = testsupport::base_request();
  req["data_requested"].push_back({{"category", "content_data"}});  // DATA-01 fails
  req["issuing_authority"]["country"] = "UK";                        // AUTH-02 reviews
  req["instrument"].erase("issued_on");                              // INSTR-03 incomplete
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto report = reqcheck::check(reqcheck::Policy::bundled(), req.dump(), o);
  const auto rank = [](reqcheck::report::Status s) {
    using S = reqcheck::report::Status;
    return s == S::fail ? 0 : s == S::review ? 1 : s == S::incomplete ? 2 : s == S::pass ? 3 : 4;
  };
  for (std::size_t i = 1; i < report.findings.size(); ++i)
    CHECK(rank(report.findings[i - 1].status) <= rank(report.findings[i].status));
  REQUIRE_FALSE(report.findings.empty());
  CHECK(report.findings.front().status == reqcheck::report::Status::fail);
  // the text and Markdown renderings list them in the same order
  const auto text = reqcheck::report::to_text(report), md = reqcheck::report::to_markdown(report);
  std::size_t at_text = 0, at_md = 0;
  for (const auto& f : report.findings) {
    at_text = text.find("  " + f.rule + "  ", at_text);
    at_md = md.find("| " + f.rule + " ", at_md);
    CHECK(at_text != std::string::npos);
    CHECK(at_md != std::string::npos);
  }
}

TEST_CASE("a batch's JSON is the array of its reports, as one DOM would print it") {
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  std::vector<reqcheck::report::Report> reports;
  reports.push_back(reqcheck::check(reqcheck::Policy::bundled(), testsupport::base_request().dump(), o));
  reports.push_back(reqcheck::check(reqcheck::Policy::bundled(), "{\"schema\": \"reqcheck.request/1\", \"x\": \"a\\nb\"}", o));
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& r : reports) array.push_back(nlohmann::ordered_json::parse(reqcheck::report::to_json(r)));
  CHECK(reqcheck::report::to_json(reports) == array.dump(2));
  CHECK(reqcheck::report::to_json(std::vector<reqcheck::report::Report>{}) == "[]");
}

TEST_CASE("time left until a deadline, from the checking time") {
  using reqcheck::report::time_left;
  CHECK(time_left("2026-09-26T00:00:00+01:00", "2026-09-15T09:00:00Z") == "10 days 14 hours left");
  CHECK(time_left("2026-10-25T05:40:00+00:00", "2026-10-25T02:35:00Z") == "3 hours 5 minutes left");
  CHECK(time_left("2026-10-25T05:40:00+00:00", "2026-10-25T05:39:30Z") == "due now");  // under a minute
  CHECK(time_left("2026-11-30T12:00:00Z", "2026-11-30T12:00:00Z") == "due now");
  CHECK(time_left("2026-11-01T00:00:00+00:00", "2026-11-30T12:00:00Z") == "passed 29 days 12 hours ago");
  CHECK(time_left("2026-11-30T11:00:00Z", "2026-11-30T12:00:00Z") == "passed 1 hour ago");
  CHECK(time_left("2026-12-01", "2026-11-30T12:00:00Z").empty());  // a calendar date
  CHECK(time_left("soon", "2026-11-30T12:00:00Z").empty());
}

namespace {

/// The renderer to_json replaced, as the reference of its bytes: the report as an ordered DOM.
nlohmann::ordered_json report_dom(const reqcheck::report::Report& r) {
  using ojson = nlohmann::ordered_json;
  using reqcheck::report::to_string;
  ojson j;
  j["schema"] = "reqcheck.report/1";
  j["verdict"] = to_string(r.verdict);
  const auto text = [](const std::string& v) { return v.empty() ? ojson(nullptr) : ojson(v); };
  j["request"] = {{"file", text(r.request.file)}, {"line", r.request.line}, {"reference", text(r.request.reference)},
                  {"case_reference", text(r.request.case_reference)}};
  j["policy"] = {{"id", r.policy_id}, {"version", r.policy_version}, {"sha256", r.policy_sha256}, {"title", r.policy_title}};
  ojson policies = ojson::array();
  for (const auto& p : r.policies)
    policies.push_back({{"id", p.id}, {"version", p.version}, {"sha256", p.sha256}, {"title", p.title}, {"kind", p.kind}, {"reason", p.reason}, {"in_force_at_receipt", p.in_force_at_receipt}});
  j["policies"] = std::move(policies);
  ojson profiles = ojson::array();
  for (const auto& p : r.policies)
    if (p.kind == "profile") profiles.push_back({{"id", p.id}, {"title", p.title}, {"reason", p.reason}});
  j["profiles"] = std::move(profiles);
  j["tz_version"] = r.tz_version;
  j["input_sha256"] = r.input_sha256;
  j["checked_at"] = r.checked_at;
  j["received_at"] = r.received_at.empty() ? ojson(nullptr) : ojson(r.received_at);
  j["received_at_defaulted"] = r.received_at_defaulted;
  j["notes"] = r.notes;
  ojson findings = ojson::array();
  for (const auto& f : r.findings) {
    ojson o;
    o["rule"] = f.rule;
    if (!f.code.empty()) o["code"] = f.code;
    o["status"] = to_string(f.status);
    o["title"] = f.title;
    o["message"] = f.message;
    o["help"] = f.help;
    o["pointer"] = f.pointer;
    o["legal_ref"] = f.legal_ref;
    if (!f.profile.empty()) o["profile"] = f.profile;
    if (!f.source.empty()) o["source"] = f.source;
    if (f.line > 0) {
      o["line"] = f.line;
      o["column"] = f.column;
    }
    if (f.end > 0) {
      o["offset"] = f.offset;
      o["end"] = f.end;
    }
    findings.push_back(std::move(o));
  }
  j["findings"] = std::move(findings);
  ojson deadlines = ojson::array();
  for (const auto& d : r.deadlines) {
    ojson o = {{"name", d.name}, {"due", d.due}, {"basis", d.basis}, {"rule", d.rule}};
    if (!d.zone.empty()) o["zone"] = d.zone;
    deadlines.push_back(std::move(o));
  }
  j["deadlines"] = std::move(deadlines);
  return j;
}

std::string dom_json(const reqcheck::report::Report& r) { return report_dom(r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

TEST_CASE("to_json writes, without a DOM, the bytes an ordered DOM dump wrote") {
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto& policy = reqcheck::Policy::bundled();
  // a whole report, one with input errors, and strings that need escaping or are not UTF-8
  std::vector<reqcheck::report::Report> reports;
  reports.push_back(reqcheck::check(policy, testsupport::base_request().dump(), o));
  reports.push_back(reqcheck::check(policy, "{\"schema\": \"reqcheck.request/1\", \"x\": \"a\\nb\", \"y\": [1,}", o));
  reports.push_back(reqcheck::check(policy, "{\"schema\": \"reqcheck.request/1\", \"reference\": \"\\u0001\\t\\\"q\\\" \\\\ \\u007f \xC3\xA9 \xF0\x9F\x98\x80\"}", o));
  reqcheck::report::Report odd;
  odd.notes = {"", "tab\there", "bad \xC3 utf-8 \xFF", "line\r\nbreak", "\x7F", "slash / and \\", "a\xC3x", "\xE2\x80x\xE2\x80",
               "x\xC3\xFFy", "\x1F\"\\\xC3\xA9\"", "ok \xE2\x80\x94 ok \xC2\xA7 1", "\xF0\x9F\x98", "\xED\xA0\x80 surrogate", "\xC0\xAF overlong"};
  odd.received_at = "2026-01-01";
  odd.received_at_defaulted = true;
  odd.deadlines.push_back({"n", "d", "b", "r", "Europe/Berlin"});
  odd.deadlines.push_back({"n\x01", "d", "b", "r", ""});
  reqcheck::report::Finding f;
  f.rule = "X-01";
  f.code = "INPUT.x";
  f.profile = "p";
  f.source = "s\xE2\x80";
  f.line = 3;
  f.column = 7;
  f.offset = 12;
  f.end = 40;
  odd.findings.push_back(f);
  odd.policies.push_back({"id", "1", "abc", "t\"", "platform", "why"});
  odd.request.file = "dir/=file \"1\".ndjson";
  odd.request.line = 42;
  odd.request.reference = "REF\x01\xC3";
  reports.push_back(odd);
  reports.push_back(reqcheck::report::Report{});
  for (const auto& r : reports) {
    CHECK(reqcheck::report::to_json(r) == dom_json(r));
    // one line of NDJSON: the same document without blanks
    const std::string line = reqcheck::report::to_json_line(r);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line == report_dom(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& r : reports) array.push_back(report_dom(r));
  CHECK(reqcheck::report::to_json(reports) == array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  // written one element at a time, as the CLI streams a batch: the same bytes
  std::string streamed;
  for (const auto& r : reports) streamed += (streamed.empty() ? "[\n  " : ",\n  ") + reqcheck::report::to_json_element(r);
  CHECK(streamed + "\n]" == reqcheck::report::to_json(reports));
}

TEST_CASE("a pack forced by id that was not in force at receipt is flagged, in the typed report and the JSON") {
  const std::string req = testsupport::base_request().dump();  // received in 2026: telegram-2024-09 applies
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  o.pack_id = "telegram-2018-08";
  const auto old = reqcheck::check(reqcheck::Policy::bundled(), req, o);
  REQUIRE_FALSE(old.policies.empty());
  CHECK_FALSE(old.policies.front().in_force_at_receipt);
  CHECK(old.policies.front().reason.find("not in force at `received_at`") != std::string::npos);
  bool noted = false;
  for (const auto& n : old.notes) noted = noted || n.find("was not in force at `received_at`") != std::string::npos;
  CHECK(noted);
  CHECK(json::parse(reqcheck::report::to_json(old))["policies"][0]["in_force_at_receipt"] == false);
  o.pack_id = "telegram-2024-09";  // forced, but the one in force anyway
  const auto current = reqcheck::check(reqcheck::Policy::bundled(), req, o);
  CHECK(current.policies.front().in_force_at_receipt);
  CHECK(json::parse(reqcheck::report::to_json(current))["policies"][0]["in_force_at_receipt"] == true);
  o.pack_id.clear();
  CHECK(reqcheck::check(reqcheck::Policy::bundled(), req, o).policies.front().in_force_at_receipt);
}

TEST_CASE("text and Markdown reports name their request and give the counts after the verdict") {
  auto req = testsupport::base_request();
  req["reference"] = "LKA-1";
  req["case"]["reference"] = "CASE-9";
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  o.file = "batch.ndjson";
  o.first_line = 7;
  const auto r = reqcheck::check(reqcheck::Policy::bundled(), req.dump(), o);
  const std::string text = reqcheck::report::to_text(r);
  CHECK(text.find("verdict:") == 0);
  CHECK(text.find("counts:  0 failed · 0 to review · 0 incomplete · ") != std::string::npos);
  CHECK(text.find("request: reference LKA-1 · case CASE-9 · file batch.ndjson, line 7\n") != std::string::npos);
  const std::string md = reqcheck::report::to_markdown(r);
  CHECK(md.rfind("# reqcheck report: LKA-1\n", 0) == 0);
  CHECK(md.find("Request: reference LKA-1 · case CASE-9 · file batch.ndjson, line 7") != std::string::npos);
  CHECK(md.find("**0 failed · 0 to review") < md.find("| status | rule"));
}
