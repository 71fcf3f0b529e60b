// Packs in the app state: a dropped or pasted pack is recognised by its schema (sniffing), a
// broken pack is refused with its errors while the request stays, and the three pack modes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support.hpp"

using namespace reqcheck::app;
using apptest::Fixture;
using apptest::wire;
using apptest::read_file;

TEST_CASE("looks_like_pack sniffs the pack schema near the start only") {
  CHECK(looks_like_pack("{\"schema\": \"reqcheck.pack/1\", \"id\": \"x\"}"));
  CHECK(looks_like_pack("{\n  \"schema\":\"reqcheck.pack/2\""));
  CHECK_FALSE(looks_like_pack(read_file("assets/samples/meets-criteria.json")));
  CHECK_FALSE(looks_like_pack(std::string(600, ' ') + "\"reqcheck.pack/1\""));
}

TEST_CASE("a dropped or pasted pack is loaded as the pack in use; the request stays") {
  for (Incoming kind : {Incoming::drop, Incoming::paste, Incoming::pack}) {
    CAPTURE(static_cast<int>(kind));
    Fixture f;
    init_app(f.state);
    const std::string request = f.state.request_text;
    const std::string pack = read_file("assets/packs/telegram-2018-08.json");
    receive(f.state, kind, "my-pack.json", pack);
    CHECK(f.state.request_text == request);
    CHECK(f.state.request_name == "meets-criteria.json");
    CHECK(f.state.user_pack_errors.empty());
    CHECK(f.state.pack_mode == PackMode::user);
    CHECK(f.state.user_pack_name == "my-pack.json");
    CHECK(f.state.user_policy.has_value());
    CHECK(f.state.report.policy_id == "telegram-2018-08");
    CHECK(f.state.notice == "Checking against pack my-pack.json.");
  }
}

TEST_CASE("a broken pack is refused with its errors and the request is kept") {
  Fixture f;
  init_app(f.state);
  const std::string request = f.state.request_text;
  const Verdict verdict = f.state.report.verdict;
  nlohmann::ordered_json pack = nlohmann::ordered_json::parse(read_file("assets/packs/telegram-2024-09.json"));
  pack["rules"].push_back({{"id", "NOPE-99"}, {"legal_ref", "nowhere"}});
  receive(f.state, Incoming::drop, "bad-pack.json", pack.dump(2));
  CHECK(f.state.request_text == request);
  CHECK(f.state.report.verdict == verdict);
  CHECK(f.state.pack_mode == PackMode::automatic);
  CHECK_FALSE(f.state.user_policy.has_value());
  REQUIRE(f.state.user_pack_errors.size() >= 1);
  CHECK(f.state.user_pack_errors[0].rfind("bad-pack.json: ", 0) == 0);
  bool names_rule = false;
  for (const std::string& e : f.state.user_pack_errors) {
    names_rule = names_rule || e.find("NOPE-99") != std::string::npos;
  }
  CHECK(names_rule);
  CHECK(f.state.notice_is_error);
  CHECK(f.state.right_tab_switch == 1);

  // a pack that is not even JSON, but says it is a pack, is refused too
  receive(f.state, Incoming::paste, "", "{\"schema\": \"reqcheck.pack/1\", \"id\": ");
  CHECK(f.state.request_text == request);
  REQUIRE_FALSE(f.state.user_pack_errors.empty());
  CHECK(f.state.user_pack_errors[0].rfind("pasted.json: ", 0) == 0);
}

TEST_CASE("choose_pack: automatic, a bundled pack by id, and the loaded file") {
  Fixture f;
  init_app(f.state);
  const std::string automatic_pack = f.state.report.policy_id;
  CHECK(automatic_pack == "telegram-2024-09");

  choose_pack(f.state, PackMode::bundled, "telegram-2018-08");
  CHECK(f.state.pack_mode == PackMode::bundled);
  CHECK(f.state.pack_id == "telegram-2018-08");
  CHECK(f.state.report.policy_id == "telegram-2018-08");
  CHECK(f.platform.verdict.policy == "telegram-2018-08");

  refresh_rules(f.state);
  CHECK(f.state.rules_error.empty());
  CHECK(f.state.rules_pack_label.rfind("telegram-2018-08", 0) == 0);
  CHECK_FALSE(f.state.rules.empty());

  // the user mode needs a loaded file: without one nothing changes
  choose_pack(f.state, PackMode::user, {});
  CHECK(f.state.pack_mode == PackMode::bundled);

  choose_pack(f.state, PackMode::automatic, {});
  CHECK(f.state.pack_mode == PackMode::automatic);
  CHECK(f.state.report.policy_id == automatic_pack);

  REQUIRE(load_user_pack(f.state, read_file("assets/packs/telegram-2018-08.json"), "file.json"));
  CHECK(f.state.pack_mode == PackMode::user);
  choose_pack(f.state, PackMode::automatic, {});
  CHECK(f.state.report.policy_id == automatic_pack);
  choose_pack(f.state, PackMode::user, {});  // the loaded file is still there to go back to
  CHECK(f.state.pack_mode == PackMode::user);
  CHECK(f.state.report.policy_id == "telegram-2018-08");
  refresh_rules(f.state);
  CHECK(f.state.rules_pack_label.rfind("telegram-2018-08", 0) == 0);

  // an unknown bundled id is the core's invalid_input, not a crash
  choose_pack(f.state, PackMode::bundled, "no-such-pack");
  CHECK(wire(f.state.report.verdict) == "invalid_input");
}

TEST_CASE("a rule page the core does not carry is fetched once through the platform, then shown") {
  // the page's core is linked without its rule pages (src/app/page_rule_pages.cpp)
  Fixture f;
  init_app(f.state);
  const std::string before = f.state.request_text;
  reqcheck::RuleInfo r;
  r.id = "AUTH-01";
  CHECK(rule_page(f.state, r) == nullptr);
  CHECK(rule_page(f.state, r) == nullptr);
  REQUIRE(f.platform.fetched == std::vector<std::string>{"rules/AUTH-01.md"});
  receive(f.state, Incoming::rule_page, "AUTH-01.md", "# AUTH-01\n");
  REQUIRE(rule_page(f.state, r) != nullptr);
  CHECK(*rule_page(f.state, r) == "# AUTH-01\n");
  CHECK(f.state.request_text == before);  // a rule page is not a request
  r.doc = "# from the core\n";
  CHECK(*rule_page(f.state, r) == r.doc);
}
