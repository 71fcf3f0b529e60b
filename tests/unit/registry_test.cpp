// The registry test: every rule of every bundled pack has a doc page, a passing and a failing
// case, and a registry entry; every pack names only known rules and loads without error.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "reqcheck/policy.hpp"
#include "rules/rule.hpp"
#include "support.hpp"

using nlohmann::json;
using testsupport::kSourceDir;
using testsupport::read_file;

TEST_CASE("every registered rule has a doc page, a pack entry and cases both ways") {
  // statuses seen per rule across all expected.json files
  std::map<std::string, std::set<std::string>> seen;
  for (const auto& e : std::filesystem::recursive_directory_iterator(kSourceDir / "tests/cases")) {
    if (e.path().filename() != "expected.json") continue;
    for (const auto& f : json::parse(read_file(e.path())).value("findings", json::array()))
      seen[f["rule"].get<std::string>()].insert(f["status"].get<std::string>());
  }
  std::set<std::string> in_packs;
  for (const auto& p : reqcheck::policy::bundled_packs()) {
    const json pack = json::parse(p.text);
    for (const auto& r : pack["rules"]) in_packs.insert(r["id"].get<std::string>());
  }

  for (const auto* rule : reqcheck::rules::all_rules()) {
    const std::string id(rule->id);
    INFO("rule ", id);
    CHECK(std::filesystem::exists(kSourceDir / "assets/rules" / (id + ".md")));
    CHECK_FALSE(reqcheck::rule_doc(id).empty());
    CHECK(in_packs.count(id) == 1);
    CHECK(seen[id].count("pass") == 1);
    const bool not_passing = seen[id].count("fail") || seen[id].count("review") || seen[id].count("incomplete");
    CHECK((not_passing || id == "PROC-01"));
    CHECK_FALSE(rule->legal_ref.empty());
    CHECK_FALSE(rule->title.empty());
  }
}

TEST_CASE("bundled packs load and name only known rules") {
  for (const auto& p : reqcheck::policy::bundled_packs()) {
    INFO("pack ", p.id);
    auto loaded = reqcheck::policy::load_pack(p.text);
    for (const auto& e : loaded.errors) INFO(e.pointer, ": ", e.message);
    REQUIRE(loaded.pack);
    CHECK(loaded.pack->id == p.id);
    CHECK(loaded.pack->sha256.size() == 64);
  }
}

TEST_CASE("every rule doc page belongs to a rule") {
  for (const auto& e : std::filesystem::directory_iterator(kSourceDir / "assets/rules")) {
    const std::string id = e.path().stem().string();
    if (id == "INPUT" || id == "PACK" || id == "ENGINE" || e.path().extension() != ".md") continue;
    INFO("doc page ", id);
    CHECK(reqcheck::rules::find_rule(id) != nullptr);
  }
}
