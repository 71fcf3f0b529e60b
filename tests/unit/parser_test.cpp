// Reading request text: locations (JSON Pointer, line, column) of every kind of input error,
// limits, duplicate keys, encoding, and what counts as absent.
#include <doctest/doctest.h>

#include "parse/json_text.hpp"
#include "parse/limits.hpp"
#include "parse/request_reader.hpp"
#include "support.hpp"

using namespace reqcheck::parse;

namespace {
const Diagnostic* find(const Diagnostics& ds, const std::string& pointer) {
  for (const auto& d : ds)
    if (d.pointer == pointer) return &d;
  return nullptr;
}
}  // namespace

TEST_CASE("syntax errors give line and column") {
  auto r = read_request("{\"schema\": \"reqcheck.request/1\",\n  \"service\": tru\n}");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].line == 2);
  CHECK(r.diagnostics[0].column == 14);
  CHECK(r.diagnostics[0].code == "INPUT.not_json");
  CHECK_FALSE(r.request);

  auto truncated = read_request("{\"schema\": \"reqcheck.request/1\", \"targets\": [");
  REQUIRE(has_errors(truncated.diagnostics));
  CHECK(truncated.diagnostics[0].pointer == "/targets/0");

  CHECK(truncated.diagnostics[0].code == "INPUT.not_json");
  CHECK(read_request("").diagnostics.at(0).code == "INPUT.empty_text");
  CHECK(read_request("{} trailing").diagnostics.at(0).code == "INPUT.trailing_text");
  CHECK(read_request("{} {}").diagnostics.at(0).code == "INPUT.trailing_text");

  // an unexpected separator is located at itself, not at what follows it
  for (const auto& expected : std::vector<std::pair<std::string, int>>{
           {"[1,,2]", 4}, {"{\"a\":,}", 6}, {"{,}", 2}, {"[\"a\",,2]", 6}, {"{\"a\" :: 1}", 7}, {"[ , 1]", 3},
           {"{\"a\": [1, 2,]}", 13}, {"{\"a\":1,}", 8}, {"{\"a\": tru}", 7}, {"[1 2]", 4}}) {
    const auto d = read_request(expected.first).diagnostics;
    REQUIRE(!d.empty());
    INFO(expected.first);
    CHECK(d[0].line == 1);
    CHECK(d[0].column == expected.second);
  }
}

TEST_CASE("wrong types, enum values and dates point at the value") {
  const std::string text =
      "{\"schema\": \"reqcheck.request/1\",\n"
      " \"instrument\": {\"type\": \"court-order\", \"signed\": \"yes\", \"issued_on\": \"2026-02-30\"},\n"
      " \"targets\": {}}";
  auto r = read_request(text);
  auto* type = find(r.diagnostics, "/instrument/type");
  REQUIRE(type);
  CHECK(type->line == 2);
  CHECK(type->column == 25);
  CHECK(type->code == "INPUT.not_in_enum");
  CHECK(type->help.find("`court_order`") != std::string::npos);  // the suggestion, not its wording
  auto* signed_ = find(r.diagnostics, "/instrument/signed");
  REQUIRE(signed_);
  CHECK(signed_->column == 50);
  CHECK(signed_->code == "INPUT.wrong_type");
  REQUIRE(find(r.diagnostics, "/instrument/issued_on"));
  CHECK(find(r.diagnostics, "/instrument/issued_on")->code == "INPUT.invalid_date");
  REQUIRE(find(r.diagnostics, "/targets"));
  CHECK(find(r.diagnostics, "/targets")->code == "INPUT.wrong_type");
  CHECK(find(r.diagnostics, "/targets")->line == 3);
}

TEST_CASE("unknown fields are review findings with a hint, at the key") {
  auto r = read_request("{\"schema\": \"reqcheck.request/1\",\n \"refrence\": \"x\"}");
  auto* d = find(r.diagnostics, "/refrence");
  REQUIRE(d);
  CHECK(d->review);
  CHECK(d->line == 2);
  CHECK(d->column == 2);
  CHECK(d->code == "INPUT.unknown_field");
  CHECK(d->help.find("`reference`") != std::string::npos);  // the suggestion, not its wording
  CHECK_FALSE(has_errors(r.diagnostics));
  CHECK(r.request);
}

TEST_CASE("schema must be reqcheck.request/1") {
  const auto first_code = [](std::string_view text) {
    const auto r = read_request(text);
    REQUIRE(has_errors(r.diagnostics));
    return r.diagnostics[0].code;
  };
  CHECK(first_code("{\"schema\": \"reqcheck.request/2\"}") == "INPUT.wrong_schema");
  CHECK(first_code("{}") == "INPUT.missing_schema");
  CHECK(first_code("[]") == "INPUT.empty_batch");
  CHECK(first_code("\"text\"") == "INPUT.not_an_object");
}

TEST_CASE("duplicate keys are refused at the second key") {
  auto r = read_request("{\"schema\": \"reqcheck.request/1\", \"service\": \"telegram\",\n \"service\": \"other\"}");
  REQUIRE(has_errors(r.diagnostics));
  CHECK(r.diagnostics[0].pointer == "/service");
  CHECK(r.diagnostics[0].line == 2);
  CHECK(r.diagnostics[0].code == "INPUT.duplicate_key");
}

TEST_CASE("encoding: BOM accepted, invalid UTF-8 refused") {
  CHECK_FALSE(has_errors(read_request("\xEF\xBB\xBF{\"schema\": \"reqcheck.request/1\"}").diagnostics));
  const auto bad = read_request("{\"schema\": \"reqcheck.request/1\", \"service\": \"\xFF\"}");
  REQUIRE(has_errors(bad.diagnostics));
  CHECK(bad.diagnostics[0].code == "INPUT.invalid_utf8");
  CHECK(has_errors(read_request(std::string("{\"schema\": \"reqcheck.request/1\"\0}", 33)).diagnostics));
  CHECK(read_request("\xFF\xFE{\0}\0").diagnostics.at(0).code == "INPUT.wrong_encoding");
}

TEST_CASE("limits: size, depth, array length, string length") {
  std::string deep = "{\"schema\": \"reqcheck.request/1\", \"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto r = read_request(deep);
  REQUIRE(has_errors(r.diagnostics));
  CHECK(r.diagnostics[0].code == "INPUT.too_deep");

  std::string many = "{\"schema\": \"reqcheck.request/1\", \"targets\": [";
  for (std::size_t i = 0; i <= kMaxArrayItems; ++i) many += (i ? ",{}" : "{}");
  many += "]}";
  CHECK(read_request(many).diagnostics.at(0).code == "INPUT.too_many_elements");

  CHECK(read_request("{\"schema\": \"" + std::string(kMaxStringBytes + 1, 'a') + "\"}").diagnostics.at(0).code ==
        "INPUT.string_too_long");
  CHECK(read_request(std::string(kMaxInputBytes + 1, ' ')).diagnostics.at(0).code == "INPUT.too_large");
}

TEST_CASE("null and blank strings read as absent") {
  auto r = read_request(R"({"schema": "reqcheck.request/1", "service": null, "language": "  ", "instrument": {"type": null}})");
  CHECK_FALSE(has_errors(r.diagnostics));
  REQUIRE(r.request);
  CHECK_FALSE(r.request->service);
  CHECK_FALSE(r.request->language);
  CHECK_FALSE(r.request->instrument->type);
}

TEST_CASE("received_at must be a date-time") {
  auto r = read_request(R"({"schema": "reqcheck.request/1", "received_at": "2026-11-20"})");
  REQUIRE(has_errors(r.diagnostics));
  CHECK(r.diagnostics[0].code == "INPUT.invalid_datetime");
}

TEST_CASE("every sample reads, except the one with a bad date") {
  for (const auto& e : std::filesystem::directory_iterator(testsupport::kSourceDir / "assets/samples")) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() != ".json" || name.find(".hi1.") != std::string::npos) continue;  // HI-1: hi1_test.cpp
    INFO(name);
    auto r = read_request(testsupport::read_file(e.path()));
    CHECK(has_errors(r.diagnostics) == (name.rfind("invalid-input", 0) == 0));
  }
}
