// How rules put user values into messages: backticks, the 80-character cut, and the article that
// fits the value ("an `epoc`", not "a `epoc`").
#include <doctest/doctest.h>

#include "rules/rule.hpp"

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
