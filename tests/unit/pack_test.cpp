// Policy packs: validation errors with their location, and the choice of the version in force
// at receipt.
#include <doctest/doctest.h>

#include "reqcheck/policy.hpp"
#include "support.hpp"

using nlohmann::json;
using namespace reqcheck::policy;

namespace {
json default_pack() { return json::parse(reqcheck::bundled_pack_text("telegram-2024-09")); }
bool has_error_at(const PackLoad& l, const std::string& pointer) {
  for (const auto& e : l.errors)
    if (e.pointer == pointer) return true;
  return false;
}
}  // namespace

TEST_CASE("the bundled packs") {
  const auto list = json::parse(reqcheck::bundled_packs_json());
  REQUIRE(list.size() == 2);
  CHECK(list[0]["id"] == "telegram-2024-09");
  CHECK(list[0]["in_force_until"].is_null());
  CHECK(list[1]["id"] == "telegram-2018-08");
  CHECK(reqcheck::bundled_pack_text("nope").empty());
}

TEST_CASE("a pack naming an unknown rule is refused") {
  auto p = default_pack();
  p["rules"].push_back("AUTH-99");
  auto l = load_pack(p.dump());
  CHECK_FALSE(l.pack);
  CHECK(has_error_at(l, "/rules/21"));
}

TEST_CASE("bad parameters are refused with their pointer") {
  auto p = default_pack();
  p["parameters"]["retention_days"] = "365";
  CHECK(has_error_at(load_pack(p.dump()), "/parameters/retention_days"));
  p = default_pack();
  p["parameters"]["retention_days"] = -1;
  CHECK(has_error_at(load_pack(p.dump()), "/parameters/retention_days"));
  p = default_pack();
  p["parameters"]["accepted_instruments"].push_back("court-order");
  CHECK(has_error_at(load_pack(p.dump()), "/parameters/accepted_instruments/6"));
  p = default_pack();
  p["parameters"]["offence_tos_clauses"]["jaywalking"] = "x";
  CHECK(has_error_at(load_pack(p.dump()), "/parameters/offence_tos_clauses/jaywalking"));
  p = default_pack();
  p["parameters"].erase("max_range_days");
  CHECK_FALSE(load_pack(p.dump()).pack);
  p = default_pack();
  p["parameters"]["unused"] = 1;
  CHECK(has_error_at(load_pack(p.dump()), "/parameters/unused"));
  p = default_pack();
  p["parameters"]["authority_review_routes"][0]["authority"] = "sheriff";
  CHECK_FALSE(load_pack(p.dump()).pack);
  p = default_pack();
  p["schema"] = "reqcheck.pack/9";
  CHECK(has_error_at(load_pack(p.dump()), "/schema"));
  CHECK_FALSE(load_pack("{not json").pack);
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
}

TEST_CASE("the version in force at receipt is chosen, and can be forced") {
  auto req = testsupport::base_request();
  CHECK(testsupport::check(req.dump())["policy"]["id"] == "telegram-2024-09");
  req["received_at"] = "2024-09-22T23:59:59Z";
  CHECK(testsupport::check(req.dump())["policy"]["id"] == "telegram-2018-08");
  req["received_at"] = "2024-09-23T00:00:00Z";
  CHECK(testsupport::check(req.dump())["policy"]["id"] == "telegram-2024-09");
  req["received_at"] = "2017-01-01T00:00:00Z";
  const auto early = testsupport::check(req.dump());
  CHECK(early["policy"]["id"] == "telegram-2018-08");
  CHECK(early["notes"].dump().find("predates every encoded policy") != std::string::npos);
  CHECK(testsupport::check(testsupport::base_request().dump(), "telegram-2018-08")["policy"]["id"] == "telegram-2018-08");
  CHECK(testsupport::check(testsupport::base_request().dump(), "no-such-pack")["verdict"] == "invalid_input");
}

TEST_CASE("rules_json lists the rules with their docs, or the pack's errors") {
  const auto r = json::parse(reqcheck::rules_json(""));
  CHECK(r["pack"]["id"] == "telegram-2024-09");
  CHECK(r["rules"].size() == 21);
  CHECK(r["rules"][0]["doc"].get<std::string>().find("# AUTH-01") == 0);
  const auto bad = json::parse(reqcheck::rules_json("{\"schema\": 1}"));
  CHECK(bad.contains("errors"));
}
