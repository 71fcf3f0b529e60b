// Contact values and identifiers as people paste them (issue 10, items 2, 3 and 6): Unicode white
// space and dashes, invisible and non-ASCII characters in e-mail addresses and phone numbers,
// national trunk prefixes after a country code, and Telegram's link forms.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ident/identifiers.hpp"

using namespace reqcheck::ident;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Unicode White_Space, all of it
const std::vector<char32_t> kSpaces = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
                                       0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
const std::vector<char32_t> kDashes = {0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D};
const std::vector<char32_t> kInvisible = {0xAD, 0x034F, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A,
                                          0x202E, 0x2060, 0x2063, 0x2066, 0x2069, 0xFE0F, 0xFEFF, 0xE0041};

}  // namespace

TEST_CASE("code points are named so a reader can find them") {
  CHECK(code_point_name(0xA0) == "U+00A0 no-break space");
  CHECK(code_point_name(0x200B) == "U+200B zero width space");
  CHECK(code_point_name(0xFF47) == "U+FF47");
  CHECK(code_point_name(0xE0041) == "U+E0041");
  for (char32_t cp : kSpaces) CHECK(unicode_space(cp));
  for (char32_t cp : kDashes) CHECK(unicode_dash(cp));
  for (char32_t cp : kInvisible) CHECK(invisible(cp));
  for (char32_t cp : kInvisible) CHECK_FALSE(unicode_space(cp));
}

TEST_CASE("e-mail: white space of any script around the address is trimmed, and the note says so") {
  for (char32_t cp : kSpaces) {
    const std::string sp = utf8(cp);
    for (const std::string& text : {"a.sample@gmail.com" + sp, sp + "a.sample@gmail.com", sp + "a.sample@Gmail.com" + sp + sp}) {
      INFO("U+", static_cast<unsigned>(cp));
      const auto r = email_domain(text);
      REQUIRE(r.ok);
      CHECK(r.normalised == "gmail.com");
      CHECK(contains(r.note, code_point_name(cp)));
      CHECK(domain_matches(r.normalised, "gmail.com"));
    }
  }
  CHECK(email_domain("a.sample@gmail.com").note.empty());
}

TEST_CASE("e-mail: what is left non-ASCII or invisible fails closed, naming the code point") {
  for (char32_t cp : kInvisible) {
    INFO("U+", static_cast<unsigned>(cp));
    for (const std::string& text : {"a.sample@gmail.com" + utf8(cp), "a.sample@gm" + utf8(cp) + "ail.com", utf8(cp) + "x@police.example.de"}) {
      const auto r = email_domain(text);
      CHECK_FALSE(r.ok);
      CHECK(r.doubtful);
      CHECK(contains(r.reason, code_point_name(cp)));
    }
  }
  // a space inside the address is not trimmed: it is not around it
  CHECK_FALSE(email_domain("a.sample@gmail" + utf8(0xA0) + ".com").ok);
  CHECK(contains(email_domain("a.sample@gmail" + utf8(0xA0) + ".com").reason, "U+00A0"));
  // full-width letters (which IDNA would map to ASCII) and other scripts are never read as ASCII
  const auto fw = email_domain("a@" + utf8(0xFF47) + utf8(0xFF4D) + utf8(0xFF41) + utf8(0xFF49) + utf8(0xFF4C) + ".com");
  CHECK_FALSE(fw.ok);
  CHECK(contains(fw.reason, "U+FF47"));
  const auto cyr = email_domain("b@p" + utf8(0x043E) + "lizei.example.polizei.de");
  CHECK_FALSE(cyr.ok);
  CHECK(contains(cyr.reason, "U+043E"));
  // punycode is ASCII that displays as other scripts
  CHECK_FALSE(email_domain("b@xn--plizei-3hf.example.de").ok);
  CHECK_FALSE(email_domain("b@pp.XN--plizei-3hf.de").ok);
  CHECK(email_domain("b@pp.example.polizei.de").ok);
}

TEST_CASE("E.164: every Unicode space and dash is named as a separator and the number is given") {
  for (const auto& list : {kSpaces, kDashes}) {
    for (char32_t cp : list) {
      const std::string sep = utf8(cp);
      INFO("U+", static_cast<unsigned>(cp));
      const auto r = e164("+44" + sep + "7700" + sep + "900123");
      CHECK_FALSE(r.ok);
      CHECK_FALSE(r.doubtful);
      CHECK(r.suggestion == "+447700900123");
      CHECK(contains(r.hint, "`+447700900123`"));
      CHECK(contains(r.reason, "separators"));
      if (cp >= 0x80) CHECK(contains(r.reason, code_point_name(cp)));
      CHECK_FALSE(contains(r.reason, "other script"));
    }
  }
  for (char32_t cp : kInvisible) {
    INFO("U+", static_cast<unsigned>(cp));
    const auto r = e164("+447700" + utf8(cp) + "900123");
    CHECK_FALSE(r.ok);
    CHECK(r.doubtful);
    CHECK(contains(r.reason, code_point_name(cp)));
    CHECK(r.suggestion == "+447700900123");
  }
  // digits of another script are refused as what they are
  const auto arabic = e164("+" + utf8(0x0664) + utf8(0x0664) + "7700900123");
  CHECK_FALSE(arabic.ok);
  CHECK(contains(arabic.reason, "U+0664"));
  CHECK(contains(arabic.reason, "another script"));
}

TEST_CASE("E.164: a national trunk prefix kept after the country code, from libphonenumber's data") {
  const auto gb = e164("+4407700900123");
  CHECK_FALSE(gb.ok);
  CHECK(gb.doubtful);
  CHECK(gb.suggestion == "+447700900123");
  CHECK(contains(gb.reason, "trunk prefix `0`"));
  CHECK(e164("4407700900123").suggestion == "+447700900123");
  CHECK(e164("+49030123456").suggestion == "+4930123456");
  CHECK(e164("+3306 12 34 56 78").suggestion == "+33612345678");
  CHECK(e164("+36061234567").suggestion == "+361234567");  // Hungary: trunk prefix 06
  CHECK(e164("00 44 07700 900123").suggestion == "+447700900123");
  // plans without a 0 trunk prefix keep their numbers: Italy has none, Russia's is 8
  CHECK(e164("+390612345678").ok);
  CHECK(e164("+78121234567").ok);
  CHECK(e164("+12025550123").ok);
  CHECK(e164("+447700900123").ok);
}

TEST_CASE("E.164: a national number is told to add the country code, not given a number that fails") {
  for (std::string_view text : {"030 1234567", "0301234567", "07700 900123", "(030) 123-4567"}) {
    INFO(text);
    const auto r = e164(text);
    CHECK_FALSE(r.ok);
    CHECK(r.suggestion.empty());
    CHECK(contains(r.reason, "country code"));
    CHECK_FALSE(contains(r.hint, "0301234567"));
  }
}

TEST_CASE("Telegram links: one grammar, each form classified") {
  struct Row {
    const char* link;
    LinkKind kind;
    const char* target;
    bool ok;
  };
  const Row rows[] = {
      {"t.me/example_seller", LinkKind::account, "example_seller", true},
      {"https://telegram.me/example_seller/", LinkKind::account, "example_seller", true},
      {"https://example_seller.t.me", LinkKind::account, "example_seller", true},
      {"https://www.t.me/s/example_seller", LinkKind::account, "example_seller", true},
      {"tg://resolve?domain=example_seller", LinkKind::account, "example_seller", true},
      {"https://t.me/+447700900123", LinkKind::phone, "+447700900123", false},
      {"tg://resolve?phone=447700900123", LinkKind::phone, "+447700900123", false},
      {"https://t.me/+Xq3ExAmPlE0Zm9v", LinkKind::chat, "", false},
      {"https://t.me/joinchat/AbCdEf", LinkKind::chat, "", false},
      {"https://t.me/c/1234567", LinkKind::chat, "", false},
      {"tg://join?invite=AbCdEf", LinkKind::chat, "", false},
      {"https://t.me/example_seller/123", LinkKind::message, "example_seller", false},
      {"https://t.me/c/1234567/89", LinkKind::message, "", false},
      {"tg://resolve?domain=example_seller&post=5", LinkKind::message, "example_seller", false},
      {"https://t.me/addstickers/ExampleSet", LinkKind::other, "", false},
      {"https://t.me/addemoji/ExampleSet", LinkKind::other, "", false},
      {"https://t.me/proxy?server=x", LinkKind::other, "", false},
      {"https://t.me/share", LinkKind::other, "", false},
      {"https://t.me/login", LinkKind::other, "", false},
      {"https://t.me/iv", LinkKind::other, "", false},
      {"https://t.me/socks", LinkKind::other, "", false},
      {"https://t.me/s", LinkKind::other, "", false},
      {"https://example.com/example_seller", LinkKind::other, "", false},
      {"https://t.me/", LinkKind::other, "", false},
  };
  for (const auto& row : rows) {
    INFO(row.link);
    const auto link = read_telegram_link(row.link);
    CHECK(link.kind == row.kind);
    CHECK(link.target == row.target);
    CHECK(link.result.ok == row.ok);
    CHECK(telegram_link(row.link).ok == row.ok);
    if (!row.ok) CHECK_FALSE(link.result.reason.empty());
  }
  // a phone link gives its number as the suggestion; it is not an invite
  const auto phone = read_telegram_link("https://t.me/+447700900123");
  CHECK(phone.result.suggestion == "+447700900123");
  CHECK(phone.result.doubtful);
  CHECK_FALSE(contains(phone.result.reason, "invite"));
  CHECK(read_telegram_link("https://t.me/example_seller/123").result.suggestion == "@example_seller");
  // reserved paths are never usernames, whatever their case
  CHECK(read_telegram_link("https://t.me/JoinChat").kind == LinkKind::other);
  CHECK(read_telegram_link("https://t.me/Share/url").kind == LinkKind::other);
}

TEST_CASE("look-alike check names characters that cannot be seen") {
  const auto nbsp = lookalike_script("@example_seller" + utf8(0xA0));
  CHECK(contains(nbsp, "U+00A0 no-break space"));
  const auto zw = lookalike_script("example" + utf8(0x200B) + "_seller");
  CHECK(contains(zw, "U+200B zero width space"));
  const auto both = lookalike_script("p" + utf8(0x0430) + "ypal" + utf8(0x200D));
  CHECK(contains(both, "mixes Latin"));
  CHECK(contains(both, "U+200D"));
  CHECK_FALSE(telegram_username("@example_seller" + utf8(0xA0)).ok);
}

TEST_CASE("a phone link with a kept trunk prefix is still a phone link, with the corrected number") {
  const auto link = read_telegram_link("https://t.me/+4407700900123");
  CHECK(link.kind == LinkKind::phone);
  CHECK(link.result.doubtful);
  CHECK(link.result.suggestion == "+447700900123");
  CHECK(contains(link.result.hint, "`+447700900123`"));
  CHECK_FALSE(read_telegram_link("https://t.me/+0123").result.doubtful);
}
