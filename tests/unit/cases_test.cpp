// The data-driven case runner: every folder under tests/cases holding request.json and
// expected.json is one doctest subcase (format in tests/cases/README.md).
#include <doctest/doctest.h>

#include <algorithm>

#include "support.hpp"

namespace {

using nlohmann::json;
using testsupport::kSourceDir;
using testsupport::read_file;

bool matches(const json& finding, const json& expected) {
  if (finding["rule"] != expected["rule"] || finding["status"] != expected["status"]) return false;
  // a diagnostic code, when given, must be the finding's (a finding without one never matches)
  if (expected.contains("code") && finding.value("code", "") != expected["code"]) return false;
  if (expected.contains("pointer")) {
    const std::string want = expected["pointer"], got = finding["pointer"];
    if (got != want && got.rfind(want + "/", 0) != 0) return false;
  }
  for (const char* k : {"line", "column"})
    if (expected.contains(k) && (!finding.contains(k) || finding[k] != expected[k])) return false;
  return true;
}

struct CaseDir {
  std::filesystem::path dir;
  std::string name;  // relative to tests/cases
};

/// The case folders and their names, found once per process: doctest runs the test case's body
/// once per subcase, and walking the tree (and resolving each name, which stats the file
/// system) each time was most of the suite's time, growing with the square of the cases.
const std::vector<CaseDir>& case_dirs() {
  static const std::vector<CaseDir> dirs = [] {
    std::vector<CaseDir> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(kSourceDir / "tests/cases"))
      if (e.is_regular_file() && e.path().filename() == "expected.json")
        out.push_back({e.path().parent_path(), std::filesystem::relative(e.path().parent_path(), kSourceDir / "tests/cases").string()});
    std::sort(out.begin(), out.end(), [](const CaseDir& a, const CaseDir& b) { return a.dir < b.dir; });
    return out;
  }();
  return dirs;
}

}  // namespace

TEST_CASE("data-driven cases under tests/cases") {
  const auto& dirs = case_dirs();
  CHECK(dirs.size() >= 40);
  for (const auto& c : dirs) {
    const auto& dir = c.dir;
    const std::string& name = c.name;  // not a structured binding: INFO captures it in a lambda (clang 14)
    SUBCASE(name.c_str()) {
      const json expected = json::parse(read_file(dir / "expected.json"));
      reqcheck::CheckOptions options;
      options.now = testsupport::kNow;
      std::string pack_text;  // a pack file of the source tree, e.g. a test-only profile
      if (expected.contains("options")) {
        options.now = expected["options"].value("now", options.now);
        options.pack_id = expected["options"].value("pack", "");
        if (expected["options"].contains("pack_file")) pack_text = read_file(kSourceDir / expected["options"]["pack_file"].get<std::string>());
        if (expected["options"].contains("pack_patch")) {  // RFC 7396 patch of the bundled platform pack
          json pack = json::parse(reqcheck::bundled_pack_text(options.pack_id.empty() ? "telegram-2024-09" : options.pack_id));
          pack.merge_patch(expected["options"]["pack_patch"]);
          pack_text = pack.dump();
        }
      }
      // the request in any form the engine reads: reqcheck JSON, HI-1 XML, or HI-1 JSON
      std::filesystem::path request = dir / "request.json";
      for (const char* alt : {"request.xml", "request.hi1.json"})
        if (std::filesystem::exists(dir / alt)) request = dir / alt;
      const std::string report_text = reqcheck::check_json(read_file(request), pack_text, options);
      const json report = json::parse(report_text);
      INFO("case ", name, "\n", report_text);
      if (expected.contains("verdict")) CHECK(report["verdict"] == expected["verdict"]);
      if (expected.contains("policies")) {  // the packs applied, in order
        json ids = json::array();
        for (const auto& p : report["policies"]) ids.push_back(p["id"]);
        CHECK(ids == expected["policies"]);
      }
      for (const auto& want : expected.value("deadlines", json::array())) {
        const bool found = std::any_of(report["deadlines"].begin(), report["deadlines"].end(),
                                       [&](const json& d) { return d["name"] == want["name"] && d["due"] == want["due"]; });
        CHECK_MESSAGE(found, "expected deadline ", want.dump());
      }
      for (const auto& name : expected.value("absent_deadlines", json::array())) {
        const bool found = std::any_of(report["deadlines"].begin(), report["deadlines"].end(), [&](const json& d) { return d["name"] == name; });
        CHECK_MESSAGE(!found, "unexpected deadline ", name.dump());
      }
      for (const auto& want : expected.value("findings", json::array())) {
        const bool found = std::any_of(report["findings"].begin(), report["findings"].end(), [&](const json& f) { return matches(f, want); });
        CHECK_MESSAGE(found, "expected finding ", want.dump());
      }
      for (const auto& unwanted : expected.value("absent", json::array())) {
        const bool found = std::any_of(report["findings"].begin(), report["findings"].end(), [&](const json& f) { return matches(f, unwanted); });
        CHECK_MESSAGE(!found, "unexpected finding ", unwanted.dump());
      }
    }
  }
}
