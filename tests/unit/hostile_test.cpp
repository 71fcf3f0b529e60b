// Hostile inputs too large to commit, built in memory: 10 MB strings, a million targets,
// nesting 100,000 deep, megabytes of unknown or duplicate keys, huge XML. Each must give
// `invalid_input` (or a capped list of findings) with a location; none may crash. Not timed:
// bounded time shows as the suite finishing. The small hostile inputs are tests/cases/hostile.
#include <doctest/doctest.h>

#include "parse/limits.hpp"
#include "support.hpp"

using nlohmann::json;
using reqcheck::parse::kMaxArrayItems;
using reqcheck::parse::kMaxDepth;
using reqcheck::parse::kMaxDiagnostics;
using reqcheck::parse::kMaxInputBytes;
using reqcheck::parse::kMaxStringBytes;

namespace {

/// The baseline request (meets the criteria) as compact text, with `member` spliced in before
/// its closing brace (e.g. `"x": [...]`).
std::string baseline_with(const std::string& member) {
  std::string text = testsupport::base_request().dump();
  text.pop_back();
  return text + "," + member + "}";
}

/// Asserts an `invalid_input` report whose INPUT failures all carry a line and column, and
/// returns the first such finding.
json expect_invalid(const json& report) {
  CHECK(report["verdict"] == "invalid_input");
  json first;
  for (const auto& f : report["findings"]) {
    if (f["rule"] != "INPUT" || f["status"] != "fail") continue;
    CHECK(f.contains("line"));
    CHECK(f.value("line", 0) >= 1);
    CHECK(f.value("column", 0) >= 1);
    if (first.is_null()) first = f;
  }
  REQUIRE_FALSE(first.is_null());
  return first;
}

}  // namespace

TEST_CASE("hostile: a 10 MB string is refused by the input size limit, at the start") {
  const auto report = testsupport::check(baseline_with("\"x\": \"" + std::string(10u << 20, 'a') + "\""));
  const auto f = expect_invalid(report);
  CHECK(f["pointer"] == "");
  CHECK(f["code"] == "INPUT.too_large");
}

TEST_CASE("hostile: a 3 MB string (under the input limit) is refused at its pointer") {
  const auto report = testsupport::check(baseline_with("\"x\": \"" + std::string(3u << 20, 'a') + "\""));
  const auto f = expect_invalid(report);
  CHECK(f["pointer"] == "/x");
  CHECK(f["code"] == "INPUT.string_too_long");
}

TEST_CASE("hostile: 10 MB of whitespace, and 10 MB of NUL bytes") {
  expect_invalid(testsupport::check(std::string(10u << 20, ' ')));
  expect_invalid(testsupport::check(std::string(10u << 20, '\0')));
}

TEST_CASE("hostile: an array of a million targets") {
  std::string targets;
  targets.reserve(3u << 20);
  for (int i = 0; i < 1000000; ++i) targets += i ? ",{}" : "{}";
  auto q = testsupport::base_request();
  q.erase("targets");
  std::string text = q.dump();
  text.pop_back();
  // 3 MB: under the input limit, so the array limit must catch it, at the array
  const auto f = expect_invalid(testsupport::check(text + ",\"targets\": [" + targets + "]}"));
  CHECK(f["pointer"] == "/targets");
  CHECK(f["code"] == "INPUT.too_many_elements");

  // a million real targets is over 4 MiB: the input limit catches it first
  std::string full;
  for (int i = 0; i < 1000000; ++i) full += std::string(i ? "," : "") + R"({"type":"username","value":"@example_seller","role":"suspect"})";
  expect_invalid(testsupport::check(text + ",\"targets\": [" + full + "]}"));
}

TEST_CASE("hostile: nesting 100,000 deep, as arrays, objects and inside a target") {
  const std::size_t n = 100000;
  std::string arrays = std::string(n, '[') + std::string(n, ']');
  auto f = expect_invalid(testsupport::check(baseline_with("\"x\": " + arrays)));
  CHECK(f["pointer"].get<std::string>().rfind("/x", 0) == 0);
  CHECK(f["code"] == "INPUT.too_deep");

  std::string objects;
  for (std::size_t i = 0; i < n; ++i) objects += "{\"a\":";
  objects += "1" + std::string(n, '}');
  f = expect_invalid(testsupport::check(baseline_with("\"x\": " + objects)));
  CHECK(f["pointer"].get<std::string>().rfind("/x/a/a", 0) == 0);

  auto q = testsupport::base_request();
  q["targets"][0]["value"] = "PLACEHOLDER";
  std::string text = q.dump();
  text.replace(text.find("\"PLACEHOLDER\""), 13, arrays);
  f = expect_invalid(testsupport::check(text));
  CHECK(f["pointer"].get<std::string>().rfind("/targets/0/value", 0) == 0);

  // unbalanced: only the opening brackets
  expect_invalid(testsupport::check(std::string(n, '[')));
  expect_invalid(testsupport::check(std::string(n, '{')));
}

TEST_CASE("hostile: the depth limit is exact") {
  // the root object is level 1, so kMaxDepth - 1 arrays inside it are allowed
  auto r = testsupport::check(baseline_with("\"x\": " + std::string(kMaxDepth - 1, '[') + std::string(kMaxDepth - 1, ']')));
  CHECK(r["verdict"] == "needs_review");  // the unknown field `x`
  r = testsupport::check(baseline_with("\"x\": " + std::string(kMaxDepth, '[') + std::string(kMaxDepth, ']')));
  CHECK(r["verdict"] == "invalid_input");
}

TEST_CASE("hostile: megabytes of unknown fields give at most kMaxDiagnostics + 1 findings") {
  std::string members;
  for (int i = 0; i < 300000; ++i) members += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
  const std::string report_text = reqcheck::check_json(baseline_with(members), "", [] {
    reqcheck::CheckOptions o;
    o.now = testsupport::kNow;
    return o;
  }());
  const auto report = json::parse(report_text);
  CHECK(report["verdict"] == "needs_review");  // unknown fields are reviews, never errors
  std::size_t input = 0;
  for (const auto& f : report["findings"])
    if (f["rule"] == "INPUT") ++input;
  CHECK(input == kMaxDiagnostics + 1);
  CHECK(report_text.size() < (1u << 20));
}

TEST_CASE("hostile: an error after the cap still makes the input invalid") {
  std::string members;
  for (int i = 0; i < 1000; ++i) members += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
  auto q = testsupport::base_request();
  q["targets"][0]["role"] = "suspekt";  // read after the top-level unknown fields
  std::string text = q.dump();
  text.pop_back();
  const auto report = testsupport::check(text + "," + members + "}");
  CHECK(report["verdict"] == "invalid_input");
}

TEST_CASE("hostile: megabytes of duplicate keys stop after kMaxDiagnostics") {
  std::string members;
  for (int i = 0; i < 300000; ++i) members += (i ? ",\"dup\":1" : "\"dup\":1");
  const auto report = testsupport::check(baseline_with(members));
  expect_invalid(report);
  CHECK(report["findings"].size() <= kMaxDiagnostics + 1);
}

TEST_CASE("hostile: a member name of 1 MB is refused") {
  const auto f = expect_invalid(testsupport::check(baseline_with("\"" + std::string(1u << 20, 'k') + "\": 1")));
  CHECK(f["code"] == "INPUT.key_too_long");
}

TEST_CASE("hostile: 4 MiB of long enum values is quick and refused") {
  // each value is an error with a "did you mean" search; the search must not be O(n*m) per value
  auto q = testsupport::base_request();
  json targets = json::array();
  for (int i = 0; i < 60; ++i) targets.push_back({{"type", std::string(60000, 'u')}, {"value", "@example_seller"}, {"role", "suspect"}});
  q["targets"] = targets;
  expect_invalid(testsupport::check(q.dump()));
}

TEST_CASE("hostile: a pack of megabytes of unknown parameters gives a capped list of PACK errors") {
  auto pack = json::parse(reqcheck::bundled_pack_text("telegram-2024-09"));
  for (int i = 0; i < 100000; ++i) pack["parameters"]["p" + std::to_string(i)] = 1;
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto report = json::parse(reqcheck::check_json(testsupport::base_request().dump(), pack.dump(), o));
  CHECK(report["verdict"] == "invalid_input");
  CHECK(report["findings"].size() <= kMaxDiagnostics + 1);
}

TEST_CASE("hostile: huge and deep XML is refused with a location") {
  const std::string head = R"(<?xml version="1.0"?><HI1Message xmlns="http://uri.etsi.org/03120/common/2019/10/Core">)";
  // 6 MB: over the input limit
  std::string big = head + "<Header>" + std::string(6u << 20, 'x') + "</Header></HI1Message>";
  expect_invalid(testsupport::check(big));
  // 100,000 deep, under the size limit
  std::string deep = head;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  for (int i = 0; i < 100000; ++i) deep += "</a>";
  deep += "</HI1Message>";
  expect_invalid(testsupport::check(deep));
  // entity expansion a million fold is never performed: a DOCTYPE is refused
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE HI1Message [<!ENTITY a \"" + std::string(1000, 'a') + "\">";
  for (int i = 1; i < 8; ++i) bomb += "<!ENTITY a" + std::to_string(i) + " \"" + [&] {
    std::string s;
    for (int k = 0; k < 10; ++k) s += i == 1 ? "&a;" : "&a" + std::to_string(i - 1) + ";";
    return s;
  }() + "\">";
  bomb += "]>\n" + head.substr(21) + "<Header><TransactionIdentifier>&a7;</TransactionIdentifier></Header></HI1Message>";
  const auto f = expect_invalid(testsupport::check(bomb));
  CHECK(f["line"] == 2);
  // a million sibling elements (about 4 MB) is read in bounded memory and refused or judged
  std::string wide = head + "<Header>";
  for (int i = 0; i < 400000; ++i) wide += "<a/>";
  wide += "</Header></HI1Message>";
  const auto r = testsupport::check(wide);
  CHECK(r["verdict"] != "meets_criteria");
}

TEST_CASE("hostile: batches are bounded like single requests") {
  // split_batch gives at most kMaxBatchRequests (100,000) requests of an array or NDJSON, found
  // without a DOM of the batch; each is then read within the limits of one request
  const std::size_t n = 100000;
  const auto deep = reqcheck::split_batch(std::string(n, '[') + std::string(n, ']'));
  CHECK(deep.size() == 1);  // one element, nested 99,999 deep: its own check refuses the depth
  CHECK(testsupport::check(deep[0].text)["findings"][0]["code"] == "INPUT.too_deep");
  std::string many = "[";
  for (int i = 0; i < 1000000; ++i) many += i ? ",{}" : "{}";
  many += "]";
  CHECK(reqcheck::split_batch(many).size() == reqcheck::parse::kMaxBatchRequests);
  std::string lines;
  for (int i = 0; i < 1000000; ++i) lines += "{}\n";
  CHECK(reqcheck::split_batch(lines).size() == reqcheck::parse::kMaxBatchRequests);
}
