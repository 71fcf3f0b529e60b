// Locations of values in a JSON text: Locations::span() gives each value's start and end bytes
// with its line and column, falls back to the nearest located ancestor, and counts bytes
// through escapes, multibyte UTF-8, a byte order mark and CRLF line ends.
#include <doctest/doctest.h>

#include "parse/json_text.hpp"
#include "parse/request_reader.hpp"

using reqcheck::parse::read_json;
using reqcheck::parse::Span;

namespace {

/// The text of the value at `pointer`, cut out of `text` by its span ("<none>" if unlocated).
std::string cut(std::string_view text, const reqcheck::parse::Locations& loc, const std::string& pointer) {
  const auto s = loc.span(pointer);
  if (!s) return "<none>";
  REQUIRE(s->offset <= s->end);
  REQUIRE(s->end <= text.size());
  return std::string(text.substr(s->offset, s->end - s->offset));
}

}  // namespace

TEST_CASE("spans of nested objects, arrays and scalars") {
  const std::string text = R"({"a": {"b": [1, 2.5e3 , true, null, "x"], "c": {}}, "d": []})";
  const auto doc = read_json(text);
  REQUIRE(doc.json);
  CHECK(cut(text, doc.locations, "") == text);
  CHECK(cut(text, doc.locations, "/a") == R"({"b": [1, 2.5e3 , true, null, "x"], "c": {}})");
  CHECK(cut(text, doc.locations, "/a/b") == R"([1, 2.5e3 , true, null, "x"])");
  CHECK(cut(text, doc.locations, "/a/b/0") == "1");
  CHECK(cut(text, doc.locations, "/a/b/1") == "2.5e3");
  CHECK(cut(text, doc.locations, "/a/b/2") == "true");
  CHECK(cut(text, doc.locations, "/a/b/3") == "null");
  CHECK(cut(text, doc.locations, "/a/b/4") == "\"x\"");
  CHECK(cut(text, doc.locations, "/a/c") == "{}");
  CHECK(cut(text, doc.locations, "/d") == "[]");
  const auto s = doc.locations.span("/a/b/1");
  REQUIRE(s);
  CHECK(s->line == 1);
  CHECK(s->column == static_cast<int>(text.find("2.5e3") + 1));
}

TEST_CASE("a pointer that is not located falls back to its nearest located ancestor") {
  const std::string text = "{\n  \"a\": {\"b\": [10, 20]}\n}";
  const auto doc = read_json(text);
  CHECK(cut(text, doc.locations, "/a/b/7") == "[10, 20]");
  CHECK(cut(text, doc.locations, "/a/missing/deeper") == R"({"b": [10, 20]})");
  CHECK(cut(text, doc.locations, "/nothing") == text);
  const auto s = doc.locations.span("/a/b/7");
  REQUIRE(s);
  CHECK(s->line == 2);
  CHECK(s->column == 14);
  // nothing located: text that is not JSON at all
  CHECK_FALSE(read_json("nope").locations.span("/a"));
  CHECK_FALSE(reqcheck::parse::Locations{}.span(""));
}

TEST_CASE("strings with escapes and multibyte UTF-8 end after their closing quote") {
  const std::string text = "{\"k\": \"a\\\"b\\\\\", \"u\": \"\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80\", \"e\": \"\\u00e9\", \"n\": 1}";
  const auto doc = read_json(text);
  REQUIRE(doc.json);
  CHECK(cut(text, doc.locations, "/k") == "\"a\\\"b\\\\\"");
  CHECK(cut(text, doc.locations, "/u") == "\"\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80\"");
  CHECK(cut(text, doc.locations, "/e") == "\"\\u00e9\"");
  const auto n = doc.locations.span("/n");
  REQUIRE(n);
  CHECK(n->column == static_cast<int>(text.find("1}") + 1));  // columns count bytes
}

TEST_CASE("offsets count a byte order mark; columns and lines do not, and CRLF ends a line") {
  const std::string text = "\xEF\xBB\xBF{\r\n  \"a\": \"x\",\r\n  \"b\": [1,\r\n 2]\r\n}\r\n";
  const auto doc = read_json(text);
  REQUIRE(doc.json);
  CHECK(cut(text, doc.locations, "") == text.substr(3, text.size() - 5));
  CHECK(cut(text, doc.locations, "/a") == "\"x\"");
  CHECK(cut(text, doc.locations, "/b") == "[1,\r\n 2]");
  CHECK(cut(text, doc.locations, "/b/1") == "2");
  const auto root = doc.locations.span("");
  REQUIRE(root);
  CHECK(root->offset == 3);
  CHECK(root->line == 1);
  CHECK(root->column == 1);
  const auto b1 = doc.locations.span("/b/1");
  REQUIRE(b1);
  CHECK(b1->line == 4);
  CHECK(b1->column == 2);
}

TEST_CASE("a value that reading stopped inside runs to the end of the text") {
  const std::string text = R"({"a": [1, 2, {"b": )";
  const auto doc = read_json(text);
  CHECK_FALSE(doc.json);
  const auto s = doc.locations.span("/a/2/b");
  REQUIRE(s);
  CHECK(s->offset == text.find("{\"b\""));
  CHECK(s->end == text.size());
  CHECK(cut(text, doc.locations, "/a/1") == "2");
}

TEST_CASE("read_request returns the locations of the request") {
  const std::string text = R"({"schema": "reqcheck.request/1", "targets": [{"type": "username", "value": "@x"}]})";
  const auto r = reqcheck::parse::read_request(text);
  CHECK(r.diagnostics.empty());
  CHECK(cut(text, r.locations, "/targets/0/value") == "\"@x\"");
  CHECK(cut(text, r.locations, "/targets/0/role") == R"({"type": "username", "value": "@x"})");
  const auto s = r.locations.span("/schema");
  REQUIRE(s);
  CHECK(s->line == 1);
  CHECK(s->column == 12);
}

TEST_CASE("values with many children are found as with few: by index, by escaped name, the first of duplicates") {
  std::string text = "{";
  for (int i = 0; i < 40; ++i) text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
  text += R"("a/b": "slash", "t~x": "tilde", "arr": [)";
  for (int i = 0; i < 40; ++i) text += std::to_string(100 + i) + (i + 1 < 40 ? ", " : "");
  text += R"(], "d": {"x": 1}, "d": {"y": 2}})";
  const auto doc = read_json(text);
  CHECK_FALSE(doc.json);  // the duplicate key
  CHECK(cut(text, doc.locations, "/k0") == "0");
  CHECK(cut(text, doc.locations, "/k39") == "39");
  CHECK(cut(text, doc.locations, "/a~1b") == "\"slash\"");
  CHECK(cut(text, doc.locations, "/t~0x") == "\"tilde\"");
  CHECK(cut(text, doc.locations, "/arr/0") == "100");
  CHECK(cut(text, doc.locations, "/arr/39") == "139");
  CHECK(cut(text, doc.locations, "/arr/40") == cut(text, doc.locations, "/arr"));
  CHECK(cut(text, doc.locations, "/arr/01") == cut(text, doc.locations, "/arr"));
  CHECK(cut(text, doc.locations, "/d") == R"({"x": 1})");
  CHECK(cut(text, doc.locations, "/d/y") == "2");  // only in the second `d`
  CHECK(cut(text, doc.locations, "/nope") == text);
}
