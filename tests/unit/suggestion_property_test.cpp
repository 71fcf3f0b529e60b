// Property (issue 10, item 3): every corrected value a report suggests passes the rule that
// suggested it. Phone numbers, links and usernames are written in many broken ways; each
// backticked value of a finding's help that reads as an identifier is put back into the
// request, and the rule must then pass it. The identifier functions are held to the same
// property directly.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "ident/identifiers.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {

/// Broken ways of writing the numbers: separators of every kind, `00`, a kept trunk prefix,
/// invisible characters, national numbers, and both at once.
std::vector<std::string> phone_inputs() {
  const std::vector<std::string> numbers = {"447700900123", "4930123456", "33612345678", "390612345678", "78121234567",
                                            "12025550123",  "361234567",  "4312345678"};
  const std::vector<std::string> seps = {" ", "-", ".", "/", "\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF", "\xE3\x80\x80", "\xE2\x80\x93",
                                         "\xE2\x88\x92", "\xE2\x80\x8B", "\xC2\xAD"};
  std::vector<std::string> out;
  for (const auto& n : numbers) {
    for (const std::string lead : {"+", "", "00"}) {
      out.push_back(lead + n);
      for (const auto& sep : seps) {
        out.push_back(lead + n.substr(0, 2) + sep + n.substr(2, 4) + sep + n.substr(6));
        out.push_back(lead + n.substr(0, 2) + sep + "0" + n.substr(2));  // trunk prefix kept
      }
      out.push_back(lead + n.substr(0, 2) + "0" + n.substr(2));
      out.push_back(lead + n.substr(0, 2) + "06" + n.substr(2));
      out.push_back(lead + n.substr(0, 2) + " (0) " + n.substr(2));
    }
    out.push_back("0" + n.substr(2));
    out.push_back("0" + n.substr(2, 3) + " " + n.substr(5));
  }
  return out;
}

std::vector<std::string> link_inputs() {
  return {"https://t.me/+447700900123", "tg://resolve?phone=447700900123", "tg://resolve?phone=+4407700900123",
          "t.me/+4407700900123",        "https://t.me/example_seller/5",  "tg://resolve?domain=Example_Seller&post=3",
          "https://t.me/c/123/45",      "https://t.me/+Xq3ExAmPlE0Zm9v",  "https://t.me/addstickers/X",
          "https://t.me/example__x",    "https://t.me/s/example_seller",  "example_seller.t.me/5"};
}

/// The backticked values of `help` that read as identifiers of `type`.
std::vector<std::pair<std::string, std::string>> suggestions(const std::string& help) {
  static const std::regex ticked("`([^`]+)`");
  static const std::regex phone(R"(^\+[0-9]{2,}$)");
  static const std::regex user("^@[A-Za-z0-9_]+$");
  std::vector<std::pair<std::string, std::string>> out;
  for (auto it = std::sregex_iterator(help.begin(), help.end(), ticked); it != std::sregex_iterator(); ++it) {
    const std::string v = (*it)[1];
    if (std::regex_match(v, phone)) out.emplace_back("phone_number", v);
    else if (std::regex_match(v, user)) out.emplace_back("username", v);
  }
  return out;
}

}  // namespace

TEST_CASE("property: every suggested identifier passes its own check") {
  for (const auto& text : phone_inputs()) {
    INFO(text);
    const auto r = reqcheck::ident::e164(text);
    if (r.ok) continue;
    if (!r.suggestion.empty()) CHECK(reqcheck::ident::e164(r.suggestion).ok);
    for (const auto& [type, value] : suggestions(r.hint)) CHECK(reqcheck::ident::e164(value).ok);
  }
  for (const auto& text : link_inputs()) {
    INFO(text);
    const auto link = reqcheck::ident::read_telegram_link(text);
    if (link.result.suggestion.empty()) continue;
    if (link.kind == reqcheck::ident::LinkKind::phone) CHECK(reqcheck::ident::e164(link.result.suggestion).ok);
    else CHECK(reqcheck::ident::telegram_username(link.result.suggestion).ok);
  }
}

TEST_CASE("property: every corrected value a report suggests passes the rule that suggested it") {
  std::vector<std::pair<std::string, std::string>> targets;
  for (const auto& p : phone_inputs()) targets.emplace_back("phone_number", p);
  for (const auto& l : link_inputs()) targets.emplace_back("link", l);
  targets.emplace_back("username", "https://t.me/example_seller");
  int suggested = 0;
  for (const auto& target : targets) {
    const std::string& type = target.first;  // named, not bound: clang 14 (wasm) cannot capture bindings
    const std::string& value = target.second;
    json request = testsupport::base_request();
    request["targets"] = json::array({{{"type", type}, {"value", value}, {"role", "suspect"}}});
    request["issuing_authority"]["phone"] = value;  // AUTH-03 reads phone numbers too
    const json report = testsupport::check(request.dump());
    for (const auto& f : report["findings"]) {
      if (f["status"] == "pass" || !f.contains("help") || !f["help"].is_string()) continue;
      for (const auto& suggestion : suggestions(f["help"].get<std::string>())) {
        const std::string& as = suggestion.first;
        const std::string& fixed = suggestion.second;
        INFO(type, " ", value, " -> ", f["rule"].get<std::string>(), " suggests ", as, " ", fixed);
        ++suggested;
        json again = testsupport::base_request();
        again["targets"] = json::array({{{"type", as}, {"value", fixed}, {"role", "suspect"}}});
        again["issuing_authority"]["phone"] = fixed;
        const json second = testsupport::check(again.dump());
        CHECK(testsupport::status_of(second, f["rule"].get<std::string>()) == "pass");
        CHECK(testsupport::status_of(second, "SUBJ-01") == "pass");
      }
    }
  }
  CHECK(suggested > 100);  // the property was exercised, not vacuously true
}
