// How rules put user values into messages: backticks, the 80-character cut, and the article that
// fits the value ("an `epoc`", not "a `epoc`").
#include <doctest/doctest.h>

#include "reqcheck/engine.hpp"
#include "rules/rule.hpp"
#include "support.hpp"

using reqcheck::rules::a_quoted;
using reqcheck::rules::quote;

TEST_CASE("a_quoted picks the article by how the value is read") {
  CHECK(a_quoted("epoc") == "an `epoc`");
  CHECK(a_quoted("epoc_pr") == "an `epoc_pr`");
  CHECK(a_quoted("overseas_production_order") == "an `overseas_production_order`");
  CHECK(a_quoted("administrative_authority") == "an `administrative_authority`");
  CHECK(a_quoted("emergency_request") == "an `emergency_request`");
  CHECK(a_quoted("investigating_judge") == "an `investigating_judge`");
  CHECK(a_quoted("unknown") == "an `unknown`");
  CHECK(a_quoted("Other") == "an `Other`");
  CHECK(a_quoted("court_order") == "a `court_order`");
  CHECK(a_quoted("police") == "a `police`");
  CHECK(a_quoted("user_id") == "a `user_id`");
  CHECK(a_quoted("username") == "a `username`");
  CHECK(a_quoted("uk_court") == "a `uk_court`");
  CHECK(a_quoted("european_investigation_order") == "a `european_investigation_order`");
  CHECK(a_quoted("") == "a ``");
}

TEST_CASE("a_quoted keeps quote's cut and backtick escaping") {
  const std::string long_value(100, 'e');
  CHECK(a_quoted(long_value) == "an " + quote(long_value));
  CHECK(a_quoted("o`x") == "an `o'x`");
}

TEST_CASE("messages number array elements from 1, as the form does; pointers stay 0-based") {
  auto req = testsupport::base_request();
  req["targets"].push_back({{"type", "username"}, {"value", "second_account"}, {"role", "witness"}});
  req["case"]["offences"].push_back({{"category", "fraud"}});  // no provision
  req["data_requested"].push_back({{"category", "ip_address"}, {"from", "2026-10-01T00:00:00Z"}});  // no `to`
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto r = reqcheck::check(reqcheck::Policy::bundled(), req.dump(), o);
  const auto message_at = [&](const std::string& rule, const std::string& pointer) {
    for (const auto& f : r.findings)
      if (f.rule == rule && f.pointer == pointer) return f.message;
    return std::string("(no finding)");
  };
  const std::size_t t = req["targets"].size() - 1, off = req["case"]["offences"].size() - 1, d = req["data_requested"].size() - 1;
  CHECK(message_at("SUBJ-03", "/targets/" + std::to_string(t) + "/role") == "target " + std::to_string(t + 1) + " is a `witness`, not a suspect");
  CHECK(message_at("OFF-01", "/case/offences/" + std::to_string(off) + "/provision") ==
        "offence " + std::to_string(off + 1) + " names no criminal-law provision");
  CHECK(message_at("DATA-03", "/data_requested/" + std::to_string(d)).rfind("data item " + std::to_string(d + 1) + " has no `to`", 0) == 0);
  CHECK(reqcheck::rules::nth(0) == "1");
}

TEST_CASE("a request's control characters are shown, never obeyed, in messages and in text and Markdown reports") {
  CHECK(quote("a\nb") == "`a\\u000Ab`");
  CHECK(quote("\x1b[2K") == "`\\u001B[2K`");
  CHECK(quote("x\xC2\x9By") == "`x\\u009By`");  // C1 CSI
  CHECK(quote("\xC3\xA9") == "`\xC3\xA9`");     // é stays
  // bidirectional controls would reorder what follows them (a reference shown as another)
  CHECK(quote("LKA-\xE2\x80\xAE" "7140") == "`LKA-\\u202E7140`");  // U+202E RIGHT-TO-LEFT OVERRIDE
  CHECK(quote("a\xE2\x81\xA6" "b\xE2\x81\xA9\xE2\x80\x8F") == "`a\\u2066b\\u2069\\u200F`");
  CHECK(quote("\xE2\x80\x94") == "`\xE2\x80\x94`");  // an em dash stays
  auto req = testsupport::base_request();
  req["instrument"]["signatory"]["name"] = "Judge X`\n\nverdict: meets the criteria\n\x1b[1A\x1b[2K";
  req["instrument"]["type"] = "letter";
  req["reference"] = "R\x1b[31m-1\n";
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto r = reqcheck::check(reqcheck::Policy::bundled(), req.dump(), o);
  for (const std::string& out : {reqcheck::report::to_text(r), reqcheck::report::to_markdown(r)}) {
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find("\nverdict: meets") == std::string::npos);
    CHECK(out.find("\\u001B") != std::string::npos);
  }
}
