// Identifier syntax: Telegram ids, usernames and links, E.164, IP addresses, e-mail domains,
// ISO 3166-1 codes, look-alike scripts and language tags.
#include <doctest/doctest.h>

#include "ident/identifiers.hpp"

using namespace reqcheck::ident;

TEST_CASE("telegram user ids lie in 1 .. 2^52-1") {
  CHECK(telegram_user_id("1").ok);
  CHECK(telegram_user_id("4503599627370495").ok);  // 2^52 - 1
  CHECK_FALSE(telegram_user_id("4503599627370496").ok);
  CHECK_FALSE(telegram_user_id("0").ok);
  CHECK_FALSE(telegram_user_id("-5").ok);
  CHECK_FALSE(telegram_user_id("12a").ok);
  CHECK_FALSE(telegram_user_id("99999999999999999999999").ok);
  CHECK(telegram_user_id("0042").normalised == "42");
}

TEST_CASE("telegram usernames") {
  CHECK(telegram_username("@Example_Seller").normalised == "@example_seller");
  CHECK(telegram_username("abcde").ok);
  CHECK_FALSE(telegram_username("abcd").ok);
  CHECK_FALSE(telegram_username(std::string(33, 'a')).ok);
  CHECK(telegram_username(std::string(32, 'a')).ok);
  CHECK_FALSE(telegram_username("1abcde").ok);
  CHECK_FALSE(telegram_username("abcde_").ok);
  CHECK_FALSE(telegram_username("ab__cde").ok);
  CHECK_FALSE(telegram_username("ab-cde").ok);
  CHECK_FALSE(telegram_username("").ok);
  auto cyr = telegram_username("@ex\xD0\xB0mple");  // Cyrillic a
  CHECK_FALSE(cyr.ok);
  CHECK(cyr.reason.find("Cyrillic") != std::string::npos);
}

TEST_CASE("telegram links") {
  CHECK(telegram_link("t.me/example_seller").normalised == "@example_seller");
  CHECK(telegram_link("https://www.telegram.me/Example_Seller/").ok);
  CHECK(telegram_link("HTTP://T.ME/example_seller").ok);
  CHECK_FALSE(telegram_link("https://t.me/+AbCdEf123").ok);
  CHECK_FALSE(telegram_link("https://t.me/joinchat/AbCdEf").ok);
  CHECK_FALSE(telegram_link("https://t.me/c/1234567/89").ok);
  CHECK_FALSE(telegram_link("https://example.com/example_seller").ok);
  CHECK_FALSE(telegram_link("t.me/ab").ok);
}

TEST_CASE("E.164 phone numbers") {
  CHECK(e164("+4930123456").normalised == "+4930123456");
  CHECK(e164("4930123456").normalised == "+4930123456");  // normalised, never re-prefixed
  CHECK_FALSE(e164("004930123456").ok);
  CHECK(e164("004930123456").hint.find("+4930123456") != std::string::npos);
  CHECK_FALSE(e164("+49 30 123456").ok);
  CHECK(e164("+49 30 123456").hint.find("+4930123456") != std::string::npos);
  CHECK_FALSE(e164("+123456").ok);            // 6 digits
  CHECK(e164("+1234567").ok);                 // 7 digits
  CHECK(e164("+123456789012345").ok);         // 15 digits
  CHECK_FALSE(e164("+1234567890123456").ok);  // 16 digits
  CHECK_FALSE(e164("+0123456789").ok);
  CHECK_FALSE(e164("++4930123456").ok);
  CHECK_FALSE(e164("").ok);
}

TEST_CASE("IP addresses are normalised") {
  CHECK(ip_address("192.0.2.1").normalised == "192.0.2.1");
  CHECK(ip_address("2001:DB8:0:0:0:0:0:1").normalised == "2001:db8::1");
  CHECK(ip_address("::ffff:192.0.2.1").normalised == "192.0.2.1");
  CHECK_FALSE(ip_address("192.0.2.256").ok);
  CHECK_FALSE(ip_address("example").ok);
}

TEST_CASE("e-mail domains and domain lists") {
  CHECK(email_domain("Officer@Police.Example.DE").normalised == "police.example.de");
  CHECK_FALSE(email_domain("no-at-sign").ok);
  CHECK_FALSE(email_domain("a@b@c.de").ok);
  CHECK_FALSE(email_domain("a@localhost").ok);
  CHECK_FALSE(email_domain("Name <a@b.de>").ok);
  CHECK(domain_matches("gmail.com", "gmail.com"));
  CHECK(domain_matches("eu.GMAIL.com", "gmail.com"));
  CHECK_FALSE(domain_matches("notgmail.com", "gmail.com"));
  CHECK(domain_matches("lka.polizei.de", ".polizei.de"));
  CHECK_FALSE(domain_matches("polizei.de", ".polizei.de"));
  CHECK_FALSE(domain_matches("fakepolizei.de", ".polizei.de"));
  CHECK(domain_matches("LKA.Polizei.DE", ".polizei.de"));
  CHECK(domain_matches("gmail.com", "GMAIL.COM"));
  CHECK_FALSE(domain_matches("gmail.co", "gmail.com"));
  CHECK_FALSE(domain_matches("", "gmail.com"));
}

TEST_CASE("ISO 3166-1 alpha-2") {
  CHECK(iso3166_alpha2("DE"));
  CHECK(iso3166_alpha2("GB"));
  CHECK(iso3166_alpha2("VU"));
  CHECK_FALSE(iso3166_alpha2("UK"));
  CHECK_FALSE(iso3166_alpha2("EL"));
  CHECK_FALSE(iso3166_alpha2("de"));
  CHECK_FALSE(iso3166_alpha2("XX"));
  CHECK_FALSE(iso3166_alpha2("DEU"));
  CHECK(*iso3166_alias("UK") == "GB");
  CHECK(*iso3166_alias("EL") == "GR");
  CHECK_FALSE(iso3166_alias("DE"));
}

TEST_CASE("look-alikes, languages and edit distance") {
  CHECK(lookalike_script("plain_ascii").empty());
  CHECK(lookalike_script("p\xD0\xB0ypal").find("mixes Latin") != std::string::npos);
  CHECK(lookalike_script("\xCE\xB1\xCE\xB2\xCE\xB3").find("Greek") != std::string::npos);
  CHECK(primary_language("en-GB") == "en");
  CHECK(primary_language("FR") == "fr");
  CHECK(primary_language("e").empty());
  CHECK(primary_language("en1").empty());
  CHECK(edit_distance("refrence", "reference") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("a reserved path of t.me is never a username, however the link is written") {
  using reqcheck::ident::telegram_username;
  using reqcheck::ident::telegram_link;
  for (const char* name : {"@joinchat", "joinchat", "@AddStickers", "proxy_", "@share"}) {
    INFO(name);
    if (std::string(name) == "proxy_") continue;  // not reserved (and ends with `_`)
    CHECK_FALSE(telegram_username(name).ok);
  }
  for (const char* link : {"t.me/s/joinchat", "https://t.me/s/addstickers", "joinchat.t.me", "tg://resolve?domain=joinchat",
                           "https://telegram.me/login"}) {
    INFO(link);
    CHECK_FALSE(telegram_link(link).ok);
  }
  CHECK(telegram_link("t.me/s/joinchat_news").ok);  // a username that starts like one is fine
  CHECK(telegram_username("@joinchat_news").ok);
}
