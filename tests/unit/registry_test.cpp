// The registry test: rule ids are unique and well-formed; every rule has a page, a pack that
// lists it, and its own cases in its family's folder as its kind requires (frameworks.md §1); a
// parameter read by two rules has one spec; the examples of every rule page run as cases.
#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>

#include "policy/pack.hpp"
#include "rules/rule.hpp"
#include "support.hpp"

using nlohmann::json;
using reqcheck::rules::RuleKind;
using testsupport::kSourceDir;
using testsupport::read_file;

namespace {

/// Packs that may list rules: the bundled ones and the test-only example profile.
std::vector<std::string> pack_texts() {
  std::vector<std::string> out;
  for (const auto& p : reqcheck::policy::bundled_packs()) out.emplace_back(p.text);
  out.push_back(read_file(kSourceDir / "tests/example_profile/example-profile.json"));
  return out;
}

/// The text of a pack that lists `id` (empty: the bundled policy has it).
std::string pack_listing(const std::string& id) {
  for (const auto& text : pack_texts()) {
    const auto loaded = reqcheck::policy::load_pack(text);
    if (!loaded.pack) continue;
    for (const auto& r : loaded.pack->rules)
      if (r.rule->id == id) {
        for (const auto& b : reqcheck::policy::bundled_packs())
          if (b.text == text) return "";
        return text;
      }
  }
  return "";
}

/// Statuses the cases of `family` expect of `id` in folders named after it (`<ID>-<slug>`).
std::set<std::string> own_statuses(const std::string& family, const std::string& id) {
  std::set<std::string> out;
  const auto dir = kSourceDir / "tests/cases" / family;
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().rfind(id + "-", 0) != 0 || !std::filesystem::exists(e.path() / "expected.json")) continue;
    for (const auto& f : json::parse(read_file(e.path() / "expected.json")).value("findings", json::array()))
      if (f["rule"] == id) out.insert(f["status"].get<std::string>());
  }
  return out;
}

bool same_spec(const reqcheck::rules::ParamSpec& a, const reqcheck::rules::ParamSpec& b) {
  return a.kind == b.kind && a.values == b.values && a.keys == b.keys && a.min == b.min && a.max == b.max && a.from_platform == b.from_platform;
}

}  // namespace

TEST_CASE("rule ids are unique and well-formed") {
  std::set<std::string> ids;
  const std::regex form("[A-Z]+-[0-9]{2}");
  for (const auto* rule : reqcheck::rules::all_rules()) {
    const std::string id(rule->id);
    INFO("rule ", id);
    CHECK(std::regex_match(id, form));
    CHECK(ids.insert(id).second);
    CHECK_FALSE(rule->title.empty());
    CHECK_FALSE(rule->legal_ref.empty());
    CHECK_FALSE(rule->family.empty());
    CHECK((rule->check != nullptr));
  }
}

TEST_CASE("every rule has a page, a pack that lists it, and its own cases as its kind requires") {
  std::set<std::string> listed;
  for (const auto& text : pack_texts()) {
    const auto loaded = reqcheck::policy::load_pack(text);
    REQUIRE(loaded.pack);
    for (const auto& r : loaded.pack->rules) {
      listed.insert(std::string(r.rule->id));
      CHECK_FALSE(r.legal_ref.empty());
    }
  }
  for (const auto* rule : reqcheck::rules::all_rules()) {
    const std::string id(rule->id);
    INFO("rule ", id, " (", reqcheck::rules::to_string(rule->kind), ", family ", rule->family, ")");
    CHECK(reqcheck::rule_doc(id).rfind("# " + id, 0) == 0);
    CHECK(listed.count(id) == 1);
    const auto seen = own_statuses(std::string(rule->family), id);
    const bool not_passing = seen.count("fail") || seen.count("review") || seen.count("incomplete");
    switch (rule->kind) {
      case RuleKind::judging:
        CHECK(seen.count("pass") == 1);
        CHECK(not_passing);
        break;
      case RuleKind::informational:
        CHECK(seen.count("pass") == 1);
        CHECK_FALSE(not_passing);
        break;
      case RuleKind::review_only:
        CHECK((seen.count("review") == 1 || seen.count("not_applicable") == 1));
        CHECK_FALSE(seen.count("pass"));
        CHECK_FALSE(seen.count("fail"));
        break;
    }
  }
}

TEST_CASE("a parameter read by two rules has one spec") {
  std::map<std::string_view, const reqcheck::rules::ParamSpec*> specs;
  for (const auto* rule : reqcheck::rules::all_rules())
    for (const auto& p : rule->params) {
      auto [it, fresh] = specs.emplace(p.name, &p);
      INFO("parameter ", std::string(p.name), " of ", std::string(rule->id));
      if (!fresh) CHECK(same_spec(*it->second, p));
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

TEST_CASE("the examples of every rule page run as cases") {
  // each ```json block under "## Example" is a fragment merged (RFC 7396) into the passing
  // sample; the line before it says what the rule then concludes ("Passes", "Fails (...)", ...)
  const json base = json::parse(read_file(kSourceDir / "assets/samples/meets-criteria.json"));
  const std::vector<std::pair<std::string, std::string>> words = {
      {"Passes", "pass"}, {"Fails", "fail"}, {"Review", "review"}, {"Incomplete", "incomplete"}, {"Not applicable", "not_applicable"}};
  std::size_t ran = 0;
  for (const auto* rule : reqcheck::rules::all_rules()) {
    const std::string id(rule->id);
    const std::string page = reqcheck::rule_doc(id);
    const auto example = page.find("\n## Example");
    REQUIRE_MESSAGE(example != std::string::npos, id);
    std::string expected;
    std::size_t at = example;
    while ((at = page.find("\n", at + 1)) != std::string::npos) {
      const std::string line = page.substr(at + 1, page.find('\n', at + 1) - at - 1);
      for (const auto& [word, status] : words)
        if (line.rfind(word, 0) == 0) expected = status;
      if (line.rfind("```json", 0) != 0) continue;
      const auto end = page.find("\n```", at + 1);
      const std::string fragment = page.substr(page.find('\n', at + 1) + 1, end - page.find('\n', at + 1) - 1);
      INFO("rule ", id, " example (", expected, "):\n", fragment);
      const json patch = json::parse(fragment, nullptr, false);
      REQUIRE(!patch.is_discarded());
      json request = base;
      request.merge_patch(patch);
      reqcheck::CheckOptions o;
      o.now = testsupport::kNow;
      const auto report = json::parse(reqcheck::check_json(request.dump(2), pack_listing(id), o));
      bool found = false;
      for (const auto& f : report["findings"]) found |= f["rule"] == id && f["status"] == expected;
      CHECK(found);
      ++ran;
      at = end;
    }
  }
  CHECK(ran >= reqcheck::rules::all_rules().size());
}
