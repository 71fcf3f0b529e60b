// Diagnostic codes: the table is well-formed and documented row for row in
// assets/diagnostics.md, every code the sources name is in it, every diagnostic the readers make
// carries one, and no library error id reaches a message.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "import/etsi_hi1.hpp"
#include "parse/codes.hpp"
#include "parse/request_reader.hpp"
#include "support.hpp"

using reqcheck::parse::diagnostic_codes;
using reqcheck::parse::find_code;
using testsupport::kSourceDir;
using testsupport::read_file;

namespace {

const std::regex kCodePattern(R"(^(INPUT|PACK|ENGINE)\.[a-z0-9_]+$)");

/// The codes of the rows of the table in assets/diagnostics.md (`| \`CODE\` | ... |`).
std::vector<std::string> documented_codes() {
  std::vector<std::string> out;
  const std::string doc = read_file(kSourceDir / "assets/diagnostics.md");
  const std::regex row(R"(^\| `([^`]+)` \|)");
  std::istringstream in(doc);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, row)) out.push_back(m[1]);
  }
  return out;
}

/// Every file under `dir` whose name ends in one of `extensions`.
std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir, std::initializer_list<std::string_view> extensions) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    const std::string name = e.path().filename().string();
    for (auto ext : extensions)
      if (name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_codes(const reqcheck::parse::Diagnostics& diagnostics, const std::string& where) {
  for (const auto& d : diagnostics) {
    INFO(where, " ", d.pointer, ": ", d.message);
    CHECK_FALSE(d.code.empty());
    CHECK(find_code(d.code) != nullptr);
    CHECK(d.message.find("json.exception") == std::string::npos);
    CHECK(d.help.find("json.exception") == std::string::npos);
  }
}

}  // namespace

TEST_CASE("diagnostic codes are unique, well-formed and have a summary and a help") {
  std::set<std::string_view> seen;
  for (const auto& c : diagnostic_codes()) {
    INFO(c.code);
    CHECK(std::regex_match(std::string(c.code), kCodePattern));
    CHECK(seen.insert(c.code).second);
    CHECK_FALSE(c.summary.empty());
    CHECK_FALSE(c.help.empty());
    CHECK(find_code(c.code) == &c);
  }
  CHECK(find_code("INPUT.no_such_code") == nullptr);
}

TEST_CASE("assets/diagnostics.md documents every code of the table, and only those") {
  const auto documented = documented_codes();
  const std::set<std::string> doc_set(documented.begin(), documented.end());
  CHECK(doc_set.size() == documented.size());  // no row twice
  for (const auto& c : diagnostic_codes()) {
    INFO(c.code);
    CHECK(doc_set.count(std::string(c.code)) == 1);
  }
  for (const auto& code : documented) {
    INFO(code);
    CHECK(find_code(code) != nullptr);
  }
}

TEST_CASE("every code named in the sources is in the table") {
  // an unknown code is a programming error: caught here, not thrown while a request is read
  const std::regex named(R"re("((?:INPUT|PACK|ENGINE)\.[a-z0-9_]+)")re");
  for (const auto& file : files_under(kSourceDir / "src", {".cpp", ".hpp"})) {
    const std::string text = read_file(file);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), named); it != std::sregex_iterator(); ++it) {
      INFO(file.string(), ": ", (*it)[1].str());
      CHECK(find_code((*it)[1].str()) != nullptr);
    }
  }
}

TEST_CASE("diag() takes the table's help unless given one") {
  const auto d = reqcheck::parse::diag("INPUT.duplicate_key", "/a", "duplicate key `a`");
  CHECK(d.code == "INPUT.duplicate_key");
  CHECK(d.pointer == "/a");
  CHECK_FALSE(d.review);
  CHECK(d.help == find_code("INPUT.duplicate_key")->help);
  CHECK(reqcheck::parse::diag("INPUT.duplicate_key", "/a", "m", "specific").help == "specific");
}

TEST_CASE("library error ids are stripped") {
  using reqcheck::parse::strip_library_id;
  CHECK(strip_library_id("[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing value") ==
        "syntax error while parsing value");
  CHECK(strip_library_id("[json.exception.type_error.302] type must be string, but is number") == "type must be string, but is number");
  CHECK(strip_library_id("plain text: kept") == "plain text: kept");
}

TEST_CASE("every diagnostic of the request reader and the HI-1 import carries a code of the table") {
  std::size_t with_diagnostics = 0;
  for (const auto& file : files_under(kSourceDir / "tests/cases", {"request.json", "request.xml", "request.hi1.json"})) {
    const std::string text = read_file(file);
    const auto read = reqcheck::parse::read_request(text);
    check_codes(read.diagnostics, file.string());
    const auto imported = reqcheck::import::import_hi1(text);
    check_codes(imported.errors, file.string() + " (as HI-1)");
    with_diagnostics += !read.diagnostics.empty();
  }
  CHECK(with_diagnostics >= 50);
}

TEST_CASE("reader diagnostics have the codes of their problems") {
  using reqcheck::parse::read_request;
  const auto code = [](std::string_view text) {
    const auto r = read_request(text);
    return r.diagnostics.empty() ? std::string("none") : r.diagnostics[0].code;
  };
  CHECK(code("") == "INPUT.empty_text");
  CHECK(code("  \n") == "INPUT.empty_text");
  CHECK(code("{") == "INPUT.not_json");
  CHECK(code(R"({"schema": "reqcheck.request/1"} {})") == "INPUT.trailing_text");
  CHECK(code("{\"schema\": \"\xC3\x28\"}") == "INPUT.invalid_utf8");
  CHECK(code(std::string("\xFF\xFE{\0}\0", 6)) == "INPUT.wrong_encoding");
  CHECK(code("\xEF\xBB\xBF\xEF\xBB\xBF{}") == "INPUT.double_bom");
  CHECK(code(R"({"a": 1, "a": 2})") == "INPUT.duplicate_key");
  CHECK(code("[]") == "INPUT.empty_batch");
  CHECK(code("42") == "INPUT.not_an_object");
  CHECK(code("{}") == "INPUT.missing_schema");
  CHECK(code(R"({"schema": "reqcheck.request/2"})") == "INPUT.wrong_schema");
  CHECK(code(R"({"schema": "reqcheck.request/1", "refrence": "x"})") == "INPUT.unknown_field");
  CHECK(code(R"({"schema": "reqcheck.request/1", "targets": {}})") == "INPUT.wrong_type");
  CHECK(code(R"({"schema": "reqcheck.request/1", "targets": [1]})") == "INPUT.wrong_type");
  CHECK(code(R"({"schema": "reqcheck.request/1", "instrument": {"type": "court-order"}})") == "INPUT.not_in_enum");
  CHECK(code(R"({"schema": "reqcheck.request/1", "emergency": {"deadline_hours": -1}})") == "INPUT.negative_number");
  CHECK(code(R"({"schema": "reqcheck.request/1", "instrument": {"issued_on": "2026-02-30"}})") == "INPUT.invalid_date");
  CHECK(code(R"({"schema": "reqcheck.request/1", "received_at": "2026-02-03"})") == "INPUT.invalid_datetime");
  CHECK(code(std::string(reqcheck::parse::kMaxInputBytes + 1, ' ')) == "INPUT.too_large");
  CHECK(code(std::string(40, '[') + std::string(40, ']')) == "INPUT.too_deep");
  CHECK(code("{\"schema\": \"" + std::string(reqcheck::parse::kMaxStringBytes + 1, 'x') + "\"}") == "INPUT.string_too_long");
  CHECK(code("{\"" + std::string(reqcheck::parse::kMaxStringBytes + 1, 'x') + "\": 1}") == "INPUT.key_too_long");
  std::string many = "[";
  for (std::size_t i = 0; i <= reqcheck::parse::kMaxArrayItems; ++i) many += i ? ",1" : "1";
  CHECK(code(many + "]") == "INPUT.too_many_elements");
  std::string unknown = R"({"schema": "reqcheck.request/1")";
  for (int i = 0; i < 150; ++i) unknown += ", \"x" + std::to_string(i) + "\": 1";
  const auto r = read_request(unknown + "}");
  REQUIRE(r.diagnostics.size() == reqcheck::parse::kMaxDiagnostics + 1);
  CHECK(r.diagnostics.back().code == "INPUT.too_many_problems");
}

TEST_CASE("HI-1 import diagnostics have the codes of their problems") {
  using reqcheck::import::import_hi1;
  const auto code = [](std::string_view text) {
    const auto r = import_hi1(text);
    return r.errors.empty() ? std::string("none") : r.errors[0].code;
  };
  constexpr const char* ns = "http://uri.etsi.org/03120/common/2019/10/Core";
  CHECK(code("<HI1Message") == "INPUT.hi1_malformed_xml");
  CHECK(code("<!DOCTYPE x [<!ENTITY a \"b\">]><HI1Message/>") == "INPUT.hi1_doctype");
  CHECK(code("<Other/>") == "INPUT.hi1_not_a_message");
  CHECK(code("<HI1Message xmlns=\"urn:other\"/>") == "INPUT.hi1_wrong_namespace");
  CHECK(code(std::string("<HI1Message xmlns=\"") + ns + "\"/>") == "INPUT.hi1_no_request");
  CHECK(code("<HI1Message>\xC3\x28</HI1Message>") == "INPUT.invalid_utf8");
}
