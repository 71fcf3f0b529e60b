// not_request_text: which files the page refuses before they replace the request in the editor.
#include <string>

#include <doctest/doctest.h>

#include "reqcheck/engine.hpp"
#include "support.hpp"

using reqcheck::not_request_text;

namespace {

bool refused_as(std::string_view bytes, std::string_view words) {
  const std::string why = not_request_text(bytes);
  INFO("reason: " << why);
  return why.find(words) != std::string::npos;
}

}  // namespace

TEST_CASE("every request, batch and HI-1 message the engine reads is accepted") {
  CHECK(not_request_text(testsupport::base_request().dump(2)).empty());
  CHECK(not_request_text("\xEF\xBB\xBF{\"schema\": \"reqcheck.request/1\"}").empty());  // UTF-8 BOM
  CHECK(not_request_text("  \r\n[{}, {}]").empty());
  CHECK(not_request_text("{\"a\":1}\n{\"a\":2}\n").empty());  // NDJSON
  CHECK(not_request_text("<?xml version=\"1.0\"?><HI1Message/>").empty());
  CHECK(not_request_text("{\"name\": \"Amtsgericht Köln\", \"x\": \"東京\"}").empty());
  CHECK(not_request_text("{ broken JSON is still a request to fix").empty());  // check() says where
}

TEST_CASE("files that cannot be a request are refused with the reason") {
  CHECK(refused_as("", "empty"));
  CHECK(refused_as(" \n\t\r\n", "only blanks"));
  CHECK(refused_as("\xEF\xBB\xBF", "only blanks"));
  CHECK(refused_as(std::string_view("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "PNG image"));
  CHECK(refused_as("\xFF\xD8\xFF\xE0", "JPEG"));
  CHECK(refused_as("%PDF-1.7\n", "PDF"));
  CHECK(refused_as(std::string_view("PK\x03\x04\x14\0", 6), "ZIP"));
  CHECK(refused_as(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "Office"));
  CHECK(refused_as("{\\rtf1\\ansi", "RTF"));
  CHECK(refused_as("\x1F\x8B\x08", "gzip"));
  // UTF-16 with and without a byte order mark, both byte orders; UTF-32
  CHECK(refused_as(std::string_view("\xFF\xFE{\0\"\0", 6), "UTF-16"));
  CHECK(refused_as(std::string_view("\xFE\xFF\0{\0\"", 6), "UTF-16"));
  CHECK(refused_as(std::string_view("{\0\"\0s\0", 6), "UTF-16"));
  CHECK(refused_as(std::string_view("\0{\0\"\0s", 6), "UTF-16"));
  CHECK(refused_as(std::string_view("\xFF\xFE\0\0{\0\0\0", 8), "UTF-32"));
  // the page test's "binary.json"
  CHECK(refused_as(std::string_view("\xFF\xFE\0\x7B\x80\x81\x22\x0A", 8), "UTF-16"));
  CHECK(refused_as(std::string_view("{\"a\": \"x\0y\"}", 12), "NUL bytes (the first at byte 8)"));
  CHECK(refused_as("{\"name\": \"K\xF6ln\"}", "not UTF-8 text (byte 0xF6 at byte 11"));
  CHECK(refused_as("{\"x\": \"\xC0\xAF\"}", "not UTF-8"));        // overlong
  CHECK(refused_as("{\"x\": \"\xED\xA0\x80\"}", "not UTF-8"));    // a surrogate
  CHECK(refused_as("{\"x\": \"\xE2\x82\"", "not UTF-8"));         // truncated at the end
  CHECK(refused_as("schema: reqcheck.request/1\n", "neither JSON"));
  CHECK(refused_as("Dear Sir or Madam,", "neither JSON"));
}
