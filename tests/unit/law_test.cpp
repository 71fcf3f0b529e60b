// frameworks.md §2.1 and §2.5: the country an authority names and the act a legal basis cites,
// as both the packs' triggers and the profile rules read them.
#include <doctest/doctest.h>

#include "ident/law.hpp"

using reqcheck::ident::cited_framework;
using reqcheck::ident::LawAliases;
using reqcheck::model::LegalBasis;

namespace {
const LawAliases kAliases{
    {"coe_budapest_protocol2", {"second additional protocol", "cets 224"}},
    {"coe_budapest", {"convention on cybercrime", "budapest convention", "ets 185"}},
    {"eu_eevidence", {"2023/1543"}},
    {"eu_dsa", {"2022/2065", "digital services act", "dsa"}},
    {"uk_copo", {"overseas production orders"}},
    {"us_sca", {"stored communications act", "18 u.s.c. 2703"}},
};

LegalBasis law(std::string text) {
  LegalBasis b;
  b.law = std::move(text);
  return b;
}
}  // namespace

TEST_CASE("a country is ASCII upper-case ISO 3166-1 alpha-2 with EL and UK mapped, else absent") {
  using reqcheck::ident::country;
  CHECK(country(std::string("de")) == "DE");
  CHECK(country(std::string("UK")) == "GB");
  CHECK(country(std::string("el")) == "GR");
  CHECK_FALSE(country(std::string("XX")));
  CHECK_FALSE(country(std::string("Germany")));
  CHECK_FALSE(country(std::nullopt));
}

TEST_CASE("a legal basis cites the first framework whose alias it holds as whole words") {
  CHECK(cited_framework(law("Second Additional Protocol to the Convention on Cybercrime"), kAliases) == "coe_budapest_protocol2");
  CHECK(cited_framework(law("Convention  on\tCybercrime, Art. 18"), kAliases) == "coe_budapest");
  CHECK(cited_framework(law("Regulation (EU) 2023/1543"), kAliases) == "eu_eevidence");
  CHECK(cited_framework(law("Regulation (EU) 2022/2065 (Digital Services Act)"), kAliases) == "eu_dsa");
  CHECK(cited_framework(law("18 U.S.C. 2703"), kAliases) == "us_sca");
  CHECK(cited_framework(law("18 U.S.C. 27031"), kAliases) == std::nullopt);  // not whole words
  CHECK(cited_framework(law("DSAX Act"), kAliases) == std::nullopt);
  CHECK(cited_framework(law("StPO"), kAliases) == std::nullopt);
  CHECK(cited_framework(LegalBasis{}, kAliases) == std::nullopt);
}

TEST_CASE("a stated framework wins over the aliases of the law") {
  LegalBasis b = law("Regulation (EU) 2022/2065");
  b.framework = "national";
  CHECK(cited_framework(b, kAliases) == "national");
  b.law.reset();
  b.framework = "eu_eevidence";
  CHECK(cited_framework(b, kAliases) == "eu_eevidence");
}
