// The report view's groups: the platform pack's findings, then each profile's under its title.
#include <doctest/doctest.h>

#include "support.hpp"

using namespace reqcheck::app;

namespace {
reqcheck::report::Finding finding(std::string rule, std::string profile) {
  reqcheck::report::Finding f;
  f.rule = std::move(rule);
  f.profile = std::move(profile);
  return f;
}
}  // namespace

TEST_CASE("findings are grouped by pack: the platform pack's first, then each profile in policies order") {
  reqcheck::report::Report r;
  r.policy_id = "telegram-2024-09";
  r.policy_title = "Telegram";
  r.policies = {{"telegram-2024-09", "1", "", "Telegram", "platform", "service"},
                {"eu-eevidence", "1", "", "e-Evidence", "profile", "instrument type `epoc`"},
                {"eu-dsa10", "1", "", "DSA Art. 10", "profile", "never here"}};
  r.findings = {finding("EE-03", "eu-eevidence"), finding("AUTH-01", ""), finding("INPUT", ""), finding("EE-12", "eu-eevidence"),
                finding("XX-01", "stray")};
  const auto groups = finding_groups(r);
  REQUIRE(groups.size() == 3);  // the DSA profile gave no finding: no group
  CHECK(groups[0].heading == "Platform policy: Telegram");
  CHECK(groups[0].findings == std::vector<std::size_t>{1, 2});
  CHECK(groups[1].heading == "e-Evidence");
  CHECK(groups[1].profile == "eu-eevidence");
  CHECK(groups[1].findings == std::vector<std::size_t>{0, 3});
  CHECK(groups[2].profile == "stray");
  CHECK(groups[2].findings == std::vector<std::size_t>{4});
}

TEST_CASE("a report without profiles is one group without a heading") {
  reqcheck::report::Report r;
  r.findings = {finding("AUTH-01", ""), finding("DATA-01", "")};
  const auto groups = finding_groups(r);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].heading.empty());
  CHECK(groups[0].findings.size() == 2);
  CHECK(finding_groups(reqcheck::report::Report{}).size() == 1);
}
