// Policy packs (`reqcheck.pack/2`): validation errors with their code and location, the
// parameter kinds, `applies`, conversion of `reqcheck.pack/1`, the compiled Policy, and the
// choice of the version in force at receipt.
#include <doctest/doctest.h>

#include "policy/pack.hpp"
#include "reqcheck/engine.hpp"
#include "rules/rule.hpp"
#include "support.hpp"

using nlohmann::json;
using namespace reqcheck::policy;

namespace {
json default_pack() { return json::parse(reqcheck::bundled_pack_text("telegram-2024-09")); }
bool has_error(const PackLoad& l, const std::string& pointer, const std::string& code) {
  for (const auto& e : l.errors)
    if (e.pointer == pointer && e.code == code) return true;
  return false;
}
json rule_entry(const char* id) { return {{"id", id}, {"legal_ref", "test"}}; }
}  // namespace

TEST_CASE("the bundled packs") {
  const auto list = json::parse(reqcheck::bundled_packs_json());
  REQUIRE(list.size() >= 2);
  CHECK(list[0]["id"] == "telegram-2024-09");
  CHECK(list[0]["kind"] == "platform");
  CHECK(list[0]["in_force_until"].is_null());
  CHECK(list[1]["id"] == "telegram-2018-08");
  CHECK(reqcheck::bundled_pack_text("nope").empty());
  for (const auto& b : bundled_packs()) {
    const auto l = load_pack(b.text);
    CHECK_MESSAGE(l.errors.empty(), b.id);
    REQUIRE(l.pack);
    CHECK_FALSE(l.pack->converted_from_v1);
  }
  CHECK(reqcheck::Policy::bundled().ok());
}

TEST_CASE("each pack cites its own period's wording") {
  const auto p2024 = reqcheck::Policy::bundled().rules("telegram-2024-09");
  const auto p2018 = reqcheck::Policy::bundled().rules("telegram-2018-08");
  REQUIRE(p2024);
  REQUIRE(p2018);
  CHECK((*p2024)[0].id == "AUTH-01");
  CHECK((*p2018)[0].id == "AUTH-01");
  CHECK((*p2018)[0].legal_ref.find("2018") != std::string::npos);
  CHECK((*p2024)[0].legal_ref.find("2024") != std::string::npos);
  auto req = testsupport::base_request();
  req["received_at"] = "2020-01-01T00:00:00Z";
  const auto old = testsupport::check(req.dump());
  CHECK(old["policy"]["id"] == "telegram-2018-08");
  for (const auto& f : old["findings"])
    if (f["rule"] == "AUTH-01") CHECK(f["legal_ref"].get<std::string>().find("2018") != std::string::npos);
}

TEST_CASE("a pack naming an unknown rule, or listing one twice, is refused") {
  auto p = default_pack();
  p["rules"].push_back(rule_entry("AUTH-99"));
  auto l = load_pack(p.dump());
  CHECK_FALSE(l.pack);
  CHECK(has_error(l, "/rules/21/id", "PACK.unknown_rule"));
  p = default_pack();
  p["rules"].push_back(rule_entry("AUTH-01"));
  CHECK(has_error(load_pack(p.dump()), "/rules/21/id", "PACK.duplicate_rule"));
  p = default_pack();
  p["rules"][0].erase("legal_ref");
  CHECK(has_error(load_pack(p.dump()), "/rules/0/legal_ref", "PACK.missing_field"));
  p = default_pack();
  p["rules"][0] = "AUTH-01";
  CHECK(has_error(load_pack(p.dump()), "/rules/0", "PACK.wrong_kind"));
}

TEST_CASE("bad parameters are refused with their pointer and code") {
  auto p = default_pack();
  p["parameters"]["retention_days"] = "365";
  CHECK(has_error(load_pack(p.dump()), "/parameters/retention_days", "PACK.wrong_kind"));
  p = default_pack();
  p["parameters"]["retention_days"] = -1;
  CHECK(has_error(load_pack(p.dump()), "/parameters/retention_days", "PACK.value_out_of_domain"));
  p = default_pack();
  p["parameters"]["accepted_instruments"].push_back("court-order");
  CHECK(has_error(load_pack(p.dump()), "/parameters/accepted_instruments/6", "PACK.value_out_of_domain"));
  p = default_pack();
  p["parameters"]["offence_tos_clauses"]["jaywalking"] = "x";
  CHECK(has_error(load_pack(p.dump()), "/parameters/offence_tos_clauses/jaywalking", "PACK.value_out_of_domain"));
  p = default_pack();
  p["parameters"].erase("max_range_days");
  CHECK(has_error(load_pack(p.dump()), "/parameters", "PACK.missing_parameter"));
  p = default_pack();
  p["parameters"]["unused"] = 1;
  CHECK(has_error(load_pack(p.dump()), "/parameters/unused", "PACK.unused_parameter"));
  p = default_pack();
  p["parameters"]["authority_review_routes"][0]["authority"] = "sheriff";
  CHECK_FALSE(load_pack(p.dump()).pack);
  p = default_pack();
  p["schema"] = "reqcheck.pack/9";
  CHECK(has_error(load_pack(p.dump()), "/schema", "PACK.wrong_schema"));
  p = default_pack();
  p["kind"] = "plugin";
  CHECK(has_error(load_pack(p.dump()), "/kind", "PACK.value_out_of_domain"));
  const auto broken = load_pack("{not json");
  CHECK_FALSE(broken.pack);
  REQUIRE_FALSE(broken.errors.empty());
  CHECK(broken.errors[0].code == "PACK.not_json");
}

TEST_CASE("applies: services, period and conditions are validated") {
  auto p = default_pack();
  p["applies"]["services"] = json::array({"telegram", "signal"});
  CHECK(has_error(load_pack(p.dump()), "/applies/services", "PACK.bad_applies"));
  p = default_pack();
  p["applies"]["in_force_until"] = "2020-01-01T00:00:00Z";
  CHECK(has_error(load_pack(p.dump()), "/applies/in_force_until", "PACK.bad_period"));
  p = default_pack();
  p["applies"]["in_force_from"] = "23 September 2024";
  CHECK(has_error(load_pack(p.dump()), "/applies/in_force_from", "PACK.bad_period"));
  p = default_pack();
  p.erase("applies");
  CHECK(has_error(load_pack(p.dump()), "/applies", "PACK.bad_applies"));
  p = default_pack();
  p["applies"]["any_of"] = json::array({{{"instrument_types", {"epoc"}}}});
  CHECK(has_error(load_pack(p.dump()), "/applies/any_of", "PACK.bad_applies"));  // only profiles have conditions
  p = default_pack();
  p["kind"] = "profile";
  p["applies"]["any_of"] = json::array({{{"instrument_types", {"no_such_instrument"}}}});
  CHECK(has_error(load_pack(p.dump()), "/applies/any_of/0/instrument_types/0", "PACK.value_out_of_domain"));
  p["applies"]["any_of"] = json::array({{{"colour", "red"}}});
  CHECK(has_error(load_pack(p.dump()), "/applies/any_of/0/colour", "PACK.unknown_field"));
}

TEST_CASE("a profile applies where one of its conditions matches, and says why") {
  auto p = default_pack();
  p["kind"] = "profile";
  p["id"] = "test-profile";
  p["applies"] = json::parse(R"({
    "services": [], "in_force_from": "2026-08-18T00:00:00Z",
    "any_of": [
      {"instrument_types": ["subpoena"]},
      {"frameworks": {"coe_budapest": ["budapest convention", "ets 185"]}},
      {"issuer_countries": ["GR"], "emergency": true}
    ]})");
  const auto l = load_pack(p.dump());
  REQUIRE(l.pack);
  auto q = reqcheck::model::Request{};
  const auto at = *reqcheck::ident::parse_rfc3339_datetime("2026-11-30T12:00:00Z");
  const auto before = *reqcheck::ident::parse_rfc3339_datetime("2026-08-17T23:59:59Z");
  CHECK_FALSE(applies_to(*l.pack, q, at));
  q.instrument = reqcheck::model::Instrument{};
  q.instrument->type = "subpoena";
  REQUIRE(applies_to(*l.pack, q, at));
  CHECK(applies_to(*l.pack, q, at)->find("instrument type `subpoena`") == 0);
  CHECK_FALSE(applies_to(*l.pack, q, before));  // not yet in force
  q.instrument->type = "court_order";
  q.instrument->legal_basis = std::vector<reqcheck::model::LegalBasis>{{std::string("Budapest  Convention, Art. 18"), std::nullopt, std::nullopt, std::nullopt}};
  CHECK(applies_to(*l.pack, q, at));  // cites the act as whole words, white space normalised
  q.instrument->legal_basis = std::vector<reqcheck::model::LegalBasis>{{std::string("Budapest Conventional law"), std::nullopt, std::nullopt, std::nullopt}};
  CHECK_FALSE(applies_to(*l.pack, q, at));  // not whole words
  q.issuing_authority = reqcheck::model::Authority{};
  q.issuing_authority->country = "el";  // EL is GR
  CHECK_FALSE(applies_to(*l.pack, q, at));  // not an emergency
  q.emergency = reqcheck::model::Emergency{};
  CHECK(applies_to(*l.pack, q, at));
}

TEST_CASE("zone names come from the embedded tz database") {
  CHECK(known_zone("Europe/Dublin"));
  CHECK(known_zone("America/New_York"));
  CHECK(known_zone("UTC"));
  CHECK_FALSE(known_zone("Europe/Atlantis"));
  CHECK_FALSE(known_zone("europe/dublin"));
  CHECK_FALSE(reqcheck::tz_version().empty());
  CHECK(reqcheck::tz_version() != "unknown");
}

TEST_CASE("a reqcheck.pack/1 file is converted on load, and the report says so") {
  auto v2 = default_pack();
  json v1 = {{"schema", "reqcheck.pack/1"}, {"id", "my-pack"}, {"version", "1"}, {"service", "telegram"}, {"title", "mine"},
             {"in_force_from", "2024-09-23T00:00:00Z"}, {"in_force_until", nullptr}, {"notes", json::array()}, {"rules", json::array()},
             {"parameters", v2["parameters"]}};
  for (const auto& r : v2["rules"]) v1["rules"].push_back(r["id"]);
  const auto l = load_pack(v1.dump());
  REQUIRE(l.pack);
  CHECK(l.pack->converted_from_v1);
  CHECK(l.pack->service == "telegram");
  CHECK(l.pack->rules.size() == 21);
  CHECK_FALSE(l.pack->rules[0].legal_ref.empty());
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto report = json::parse(reqcheck::check_json(testsupport::base_request().dump(), v1.dump(), o));
  CHECK(report["policy"]["id"] == "my-pack");
  CHECK(report["verdict"] == "meets_criteria");
  CHECK(report["notes"].dump().find("reqcheck.pack/1") != std::string::npos);
  v1["rules"].push_back("AUTH-99");
  const auto bad = load_pack(v1.dump());
  CHECK_FALSE(bad.pack);
  CHECK(has_error(bad, "/rules/21/id", "PACK.unknown_rule"));
}

TEST_CASE("a parameter removed from a rule's list changes its outcome (parameters are data)") {
  auto p = default_pack();
  p["parameters"]["disclosable_data_categories"] = {"ip_address", "phone_number", "content_data"};
  auto req = testsupport::base_request();
  req["data_requested"].push_back({{"category", "content_data"}});
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto with_bundled = json::parse(reqcheck::check_json(req.dump(), "", o));
  const auto with_custom = json::parse(reqcheck::check_json(req.dump(), p.dump(), o));
  CHECK(with_bundled["verdict"] == "does_not_meet");
  CHECK(with_custom["verdict"] == "meets_criteria");
  CHECK(with_custom["policy"]["sha256"] != with_bundled["policy"]["sha256"]);
  CHECK(with_custom["policies"][0]["reason"] == "the pack file given");
}

TEST_CASE("the version in force at receipt is chosen, and can be forced") {
  auto req = testsupport::base_request();
  CHECK(testsupport::check(req.dump())["policy"]["id"] == "telegram-2024-09");
  req["received_at"] = "2024-09-22T23:59:59Z";
  CHECK(testsupport::check(req.dump())["policy"]["id"] == "telegram-2018-08");
  req["received_at"] = "2024-09-23T00:00:00Z";
  const auto now = testsupport::check(req.dump());
  CHECK(now["policy"]["id"] == "telegram-2024-09");
  REQUIRE(now["policies"].size() >= 1);
  CHECK(now["policies"][0]["id"] == "telegram-2024-09");
  CHECK(now["policies"][0]["kind"] == "platform");
  CHECK(now["policies"][0]["reason"].get<std::string>().find("in force at `received_at`") != std::string::npos);
  req["received_at"] = "2017-01-01T00:00:00Z";
  const auto early = testsupport::check(req.dump());
  CHECK(early["policy"]["id"] == "telegram-2018-08");
  CHECK(early["notes"].dump().find("predates every encoded policy") != std::string::npos);
  CHECK(testsupport::check(testsupport::base_request().dump(), "telegram-2018-08")["policy"]["id"] == "telegram-2018-08");
  const auto unknown = testsupport::check(testsupport::base_request().dump(), "no-such-pack");
  CHECK(unknown["verdict"] == "invalid_input");
  CHECK(unknown["findings"].dump().find("PACK.unknown_id") != std::string::npos);
}

TEST_CASE("a compiled policy is reused: the same report as compiling each time") {
  const auto policy = reqcheck::Policy::with_pack(default_pack().dump());
  REQUIRE(policy.ok());
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const std::string text = testsupport::base_request().dump();
  const auto a = reqcheck::report::to_json(reqcheck::check(policy, text, o));
  const auto b = reqcheck::report::to_json(reqcheck::check(policy, text, o));
  CHECK(a == b);
  CHECK(a == reqcheck::check_json(text, default_pack().dump(), o));
  const auto bad = reqcheck::Policy::with_pack("{\"schema\": \"reqcheck.pack/2\"}");
  CHECK_FALSE(bad.ok());
  const auto r = reqcheck::check(bad, text, o);
  CHECK(r.verdict == reqcheck::report::Verdict::invalid_input);
}

TEST_CASE("rules_json lists the rules with their docs, or the pack's errors") {
  const auto r = json::parse(reqcheck::rules_json(""));
  CHECK(r["pack"]["id"] == "telegram-2024-09");
  CHECK(r["rules"].size() == 21);
  CHECK(r["rules"][0]["doc"].get<std::string>().find("# AUTH-01") == 0);
  CHECK(r["rules"][20]["kind"] == "informational");
  const auto bad = json::parse(reqcheck::rules_json("{\"schema\": 1}"));
  CHECK(bad.contains("errors"));
  CHECK(bad["errors"][0].contains("code"));
}

TEST_CASE("a pack file of another kind cannot take a bundled pack's id") {
  auto p = default_pack();
  p["kind"] = "profile";  // a profile named like the platform pack would have removed it
  p["applies"]["services"] = json::array();
  const auto policy = reqcheck::Policy::with_pack(p.dump());
  CHECK_FALSE(policy.ok());
  bool clash = false;
  for (const auto& e : policy.errors()) clash |= e.code == "PACK.id_clash";
  CHECK(clash);
  p["id"] = "my-profile";  // under an id of its own it is a profile beside the bundled packs
  CHECK(reqcheck::Policy::with_pack(p.dump()).ok());
}

TEST_CASE("a user's platform pack without what the profiles read from it takes the bundled values, and says so") {
  auto pack = default_pack();
  pack["id"] = "my-older-pack";
  for (const char* p : {"eevidence_languages", "eevidence_addressee"}) pack["parameters"].erase(p);
  const auto policy = reqcheck::Policy::with_pack(pack.dump());
  CHECK(policy.ok());
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const std::string epoc = testsupport::read_file(testsupport::kSourceDir / "assets/samples/needs-review-epoc-production-order.json");
  const auto report = json::parse(reqcheck::check_json(epoc, pack.dump(), o));
  CHECK(report["verdict"] == "needs_review");
  CHECK(report["policy"]["id"] == "my-older-pack");
  CHECK(report["notes"].dump().find("does not give `eevidence_languages`") != std::string::npos);
  CHECK(testsupport::status_of(report, "EE-12") == "review");  // the bundled `[]`: no language declared
}
