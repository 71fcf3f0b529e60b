// A NUL byte anywhere in an input refuses it, at the NUL's line and column, on every path that
// reads text: a request, a batch (array and NDJSON line), HI-1 XML and JSON, a pack. The JSON
// lexer and pugixml both take a NUL for the end of the text, so without this what follows it
// (a second request, a second root) would be silently dropped.
#include "parse/limits.hpp"
#include <doctest/doctest.h>

#include <algorithm>

#include "import/etsi_hi1.hpp"
#include "reqcheck/report.hpp"
#include "support.hpp"

using nlohmann::json;
using testsupport::kSourceDir;
using testsupport::read_file;

namespace {

using namespace std::string_literals;

/// The first INPUT finding of `report` with `code`, or null.
json finding(const json& report, const std::string& code) {
  for (const auto& f : report["findings"])
    if (f.value("code", "") == code) return f;
  return nullptr;
}

std::string one_line(const json& j) { return j.dump(); }

/// A request that meets the criteria, and one that asks for content data.
std::string passing() { return one_line(testsupport::base_request()); }
std::string content() {
  auto q = testsupport::base_request();
  q["data_requested"] = json::array({{{"category", "content_data"}}});
  return one_line(q);
}

}  // namespace

TEST_CASE("a NUL byte after a request is refused, not read as the end of the text") {
  const auto r = testsupport::check("{\"schema\":\"reqcheck.request/1\"}\0garbage"s);
  CHECK(r["verdict"] == "invalid_input");
  const auto f = finding(r, "INPUT.nul_byte");
  REQUIRE(f.is_object());
  CHECK(f["line"] == 1);
  CHECK(f["column"] == 32);
  CHECK(testsupport::check(passing())["verdict"] == "meets_criteria");
  // a passing request, a NUL and a request for content data never meets the criteria
  const auto joined = testsupport::check(passing() + '\0' + content());
  CHECK(joined["verdict"] == "invalid_input");
  CHECK(finding(joined, "INPUT.nul_byte").is_object());
}

TEST_CASE("a NUL byte inside a string or between tokens is named at its own line and column") {
  const auto in_string = testsupport::check("{\"schema\":\"reqcheck.request/1\",\n \"service\": \"tele\0gram\"}"s);
  const auto f = finding(in_string, "INPUT.nul_byte");
  REQUIRE(f.is_object());
  CHECK(f["line"] == 2);
  CHECK(f["column"] == 18);
  CHECK(f["pointer"] == "/service");
  const auto blank = testsupport::check("   \0{}"s);
  CHECK(finding(blank, "INPUT.nul_byte")["column"] == 4);
  // a NUL as the second byte is not taken for UTF-16 unless the bytes alternate as UTF-16 does
  CHECK(finding(testsupport::check("{\0\"schema\":\"reqcheck.request/1\"}"s), "INPUT.nul_byte")["column"] == 2);
  CHECK(finding(testsupport::check("{\0\n\0}\0"s), "INPUT.wrong_encoding").is_object());
}

TEST_CASE("a NUL byte in a batch refuses the element or line that holds it") {
  const auto& policy = reqcheck::Policy::bundled();
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  // a JSON array: the whole text is refused, at the NUL
  const auto array = reqcheck::check_batch(policy, "[" + passing() + ",\n" + passing() + std::string("]\0[", 3) + content() + "]", o);
  REQUIRE(array.items.size() == 1);
  CHECK(array.worst == reqcheck::report::Verdict::invalid_input);
  // in a batch larger than a request may be (4 MiB), the elements before the NUL are checked and
  // the last one runs to the NUL's line, so that its report refuses it at its place
  std::string big = "[";
  while (big.size() <= reqcheck::parse::kMaxInputBytes) big += passing() + ",\n";
  big += passing() + std::string("]\0[", 3) + content() + "]";
  const auto large = reqcheck::check_batch(policy, big, o);
  REQUIRE(large.items.size() > 1);
  CHECK(large.items.front().report.verdict == reqcheck::report::Verdict::meets_criteria);
  CHECK(large.worst == reqcheck::report::Verdict::invalid_input);
  bool refused = false;
  for (const auto& f : large.items.back().report.findings) refused |= f.code == "INPUT.nul_byte" && f.line > 1;
  CHECK(refused);
  // NDJSON: the line with the NUL is refused, at its place in the file
  const std::string ndjson = passing() + "\n" + passing() + '\0' + content() + "\n";
  const auto lines = reqcheck::check_batch(policy, ndjson, o);
  CHECK(lines.worst == reqcheck::report::Verdict::invalid_input);
  bool found = false;
  for (const auto& item : lines.items)
    for (const auto& f : item.report.findings)
      if (f.code == "INPUT.nul_byte") {
        found = true;
        CHECK(f.line == 2);
        CHECK(f.column == static_cast<int>(passing().size()) + 1);
      }
  CHECK(found);
  // a NUL after the first line's request, the next line a request for content: never a pass
  const auto truncated = reqcheck::check_batch(policy, passing() + '\0' + "\n" + content() + "\n", o);
  CHECK(truncated.worst == reqcheck::report::Verdict::invalid_input);
}

TEST_CASE("a NUL byte in an HI-1 message is refused, XML and JSON") {
  const std::string xml = read_file(kSourceDir / "assets/samples/fails-hi1-ip-identification-warrant.xml");
  const auto end = xml.find("</HI1Message>") + std::string("</HI1Message>").size();
  const std::string two_roots = xml.substr(0, end) + '\0' + "<HI1Message xmlns=\"x\"/>\n";
  const auto r = testsupport::check(two_roots);
  CHECK(r["verdict"] == "invalid_input");
  const auto f = finding(r, "INPUT.nul_byte");
  REQUIRE(f.is_object());
  CHECK(f["line"] == std::count(xml.begin(), xml.begin() + static_cast<std::ptrdiff_t>(end), '\n') + 1);
  CHECK(reqcheck::import::import_hi1(two_roots).errors.at(0).code == "INPUT.nul_byte");
  CHECK(reqcheck::split_batch(two_roots).size() == 1);

  const std::string js = read_file(kSourceDir / "assets/samples/fails-hi1-ip-identification-warrant.hi1.json");
  const auto rj = testsupport::check(js.substr(0, js.rfind('}') + 1) + '\0' + "{}");
  CHECK(rj["verdict"] == "invalid_input");
  CHECK(finding(rj, "INPUT.nul_byte").is_object());
}

TEST_CASE("a NUL byte in a pack refuses the pack, at the NUL") {
  const std::string pack = read_file(kSourceDir / "assets/packs/telegram-2024-09.json");
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto r = json::parse(reqcheck::check_json(passing(), pack + '\0' + "{}", o));
  CHECK(r["verdict"] == "invalid_input");
  bool found = false;
  for (const auto& f : r["findings"])
    if (f["rule"] == "PACK" && f.value("code", "").rfind("PACK.", 0) == 0 && f.value("line", 0) > 1) found = true;
  CHECK(found);
}
