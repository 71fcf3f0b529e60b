// The request-format table (reqcheck/request_format.hpp) against the published JSON Schema
// (assets/schema/request.schema.json), in both directions, and against the reader: every field
// of the table is read with its kind and enum values, and nothing else is.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "parse/enums.hpp"
#include "parse/request_reader.hpp"
#include "reqcheck/request_format.hpp"
#include "support.hpp"

using nlohmann::json;
using reqcheck::FieldKind;
using reqcheck::FieldSpec;
using reqcheck::request_fields;
using testsupport::kSourceDir;
using testsupport::read_file;

namespace {

/// What the schema says of one field: its kind (string and text are both "string") and values.
struct SchemaField {
  std::string kind;
  std::vector<std::string> values;
  bool minimum_zero = false;
};

std::string kind_name(FieldKind k) {
  switch (k) {
    case FieldKind::object: return "object";
    case FieldKind::array: return "array";
    case FieldKind::string:
    case FieldKind::text: return "string";
    case FieldKind::enum_: return "enum";
    case FieldKind::constant: return "constant";
    case FieldKind::datetime: return "datetime";
    case FieldKind::date: return "date";
    case FieldKind::boolean: return "boolean";
    case FieldKind::number: return "number";
  }
  return "?";
}

class SchemaWalker {
 public:
  explicit SchemaWalker(const json& schema) : defs_(schema.at("$defs")) { walk(schema, "", ""); }
  std::map<std::string, SchemaField> fields;

 private:
  static bool has_type(const json& n, const std::string& t) {
    if (!n.contains("type")) return false;
    const json& type = n["type"];
    return type.is_string() ? type == t : std::find(type.begin(), type.end(), t) != type.end();
  }

  /// Follows `$ref` and takes the alternative of an `anyOf` that is not null or blank.
  std::pair<const json*, std::string> resolve(const json& n, std::string ref) const {
    if (n.contains("$ref")) {
      const std::string name = n["$ref"].get<std::string>().substr(std::string("#/$defs/").size());
      return resolve(defs_.at(name), name);
    }
    if (n.contains("anyOf"))
      for (const auto& alt : n["anyOf"]) {
        if (alt == json{{"type", "null"}} || alt == json{{"$ref", "#/$defs/blank"}}) continue;
        return resolve(alt, ref);
      }
    return {&n, ref};
  }

  void walk(const json& node, const std::string& pattern, const std::string& ref_in) {
    const auto [n, ref] = resolve(node, ref_in);
    SchemaField f;
    if (n->contains("const")) {
      f.kind = "constant";
      f.values.push_back((*n)["const"]);
    } else if (n->contains("enum")) {
      f.kind = "enum";
      for (const auto& v : (*n)["enum"]) f.values.push_back(v);
    } else if (has_type(*n, "object") || n->contains("properties")) {
      f.kind = "object";
    } else if (has_type(*n, "array")) {
      f.kind = "array";
    } else if (has_type(*n, "boolean")) {
      f.kind = "boolean";
    } else if (has_type(*n, "number") || has_type(*n, "integer")) {
      f.kind = "number";
      f.minimum_zero = n->contains("minimum") && (*n)["minimum"] == 0;
    } else if (has_type(*n, "string")) {
      f.kind = ref == "dateTime" ? "datetime" : ref == "dateOrDateTime" ? "date" : "string";
    } else {
      f.kind = "unknown";
    }
    if (!pattern.empty()) fields[pattern] = f;
    if (f.kind == "object") {
      // an object may extend others (`allOf` of `$ref`s, as the validating authority extends
      // the authority): their properties are its own
      if (n->contains("allOf"))
        for (const auto& base : (*n)["allOf"]) {
          const json& props = (*resolve(base, "").first)["properties"];
          for (auto it = props.begin(); it != props.end(); ++it) walk(it.value(), pattern + "/" + it.key(), "");
        }
      for (auto it = (*n)["properties"].begin(); it != (*n)["properties"].end(); ++it) walk(it.value(), pattern + "/" + it.key(), "");
    }
    if (f.kind == "array") walk((*n)["items"], pattern + "/*", "");
  }

  const json& defs_;
};

/// `pattern` with each `*` replaced by the first element, 0.
std::string concrete(std::string_view pattern) {
  std::string out(pattern);
  for (std::size_t at = out.find("/*"); at != std::string::npos; at = out.find("/*")) out.replace(at, 2, "/0");
  return out;
}

/// A valid value for a field of `kind`.
json valid_value(const FieldSpec& f) {
  switch (f.kind) {
    case FieldKind::object: return json::object();
    case FieldKind::array: return json::array();
    case FieldKind::enum_:
    case FieldKind::constant: return std::string(f.values.front());
    case FieldKind::datetime: return "2026-11-20T09:30:00+01:00";
    case FieldKind::date: return "2026-11-20";
    case FieldKind::boolean: return true;
    case FieldKind::number: return 5;
    case FieldKind::string:
    case FieldKind::text: return "some text";
  }
  return nullptr;
}

/// A request with every field of the table set to a valid value (arrays with one element).
json full_request() {
  json j = json::object();
  for (const auto& f : request_fields()) j[json::json_pointer(concrete(f.pointer))] = valid_value(f);
  return j;
}

bool has_diagnostic(const reqcheck::parse::RequestRead& r, const std::string& pointer, const std::string& code) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                     [&](const auto& d) { return d.pointer == pointer && d.code == code; });
}

}  // namespace

TEST_CASE("the request-format table and the JSON Schema hold the same fields, kinds and enum values") {
  const SchemaWalker schema(json::parse(read_file(kSourceDir / "assets/schema/request.schema.json")));
  REQUIRE(schema.fields.size() > 50);
  for (const auto& f : request_fields()) {
    INFO("table entry ", f.pointer);
    const auto it = schema.fields.find(std::string(f.pointer));
    REQUIRE(it != schema.fields.end());
    CHECK(it->second.kind == kind_name(f.kind));
    const std::vector<std::string> values(f.values.begin(), f.values.end());
    CHECK(it->second.values == values);
    if (f.kind == FieldKind::number) CHECK(it->second.minimum_zero);
    CHECK_FALSE(f.label.empty());
  }
  for (const auto& entry : schema.fields) {  // not a structured binding: INFO captures it
    const std::string& pattern = entry.first;
    INFO("schema property ", pattern);
    CHECK(reqcheck::find_field(pattern) != nullptr);
  }
}

TEST_CASE("the table lists each field once, parents before children") {
  std::set<std::string_view> seen;
  for (const auto& f : request_fields()) {
    INFO(f.pointer);
    CHECK(seen.insert(f.pointer).second);
    const auto parent = f.pointer.substr(0, f.pointer.rfind('/'));
    if (!parent.empty()) {
      const FieldSpec* p = reqcheck::find_field(parent);
      REQUIRE(p != nullptr);
      CHECK((p->kind == (reqcheck::field_name(f) == "*" ? FieldKind::array : FieldKind::object)));
      CHECK(seen.count(parent) == 1);
    }
    CHECK((f.values.empty() == (f.kind != FieldKind::enum_ && f.kind != FieldKind::constant)));
  }
  CHECK(reqcheck::child_fields("").size() == 18);
  CHECK(reqcheck::child_fields("/targets/*").size() == 3);
  CHECK(reqcheck::find_field("/targets/*/type")->values == reqcheck::parse::kTargetTypes);
  CHECK(reqcheck::find_field("/instrument/signatory/role")->values == reqcheck::parse::kAuthorityTypes);
  CHECK(reqcheck::find_field("/schema")->values.at(0) == reqcheck::parse::kRequestSchema);
}

TEST_CASE("the reader knows every field of the table, with its kind") {
  const json full = full_request();
  const auto ok = reqcheck::parse::read_request(full.dump());
  for (const auto& d : ok.diagnostics) INFO(d.pointer, ": ", d.code, " ", d.message);
  CHECK(ok.diagnostics.empty());
  REQUIRE(ok.request);
  CHECK(ok.request->targets->size() == 1);
  CHECK(ok.request->non_disclosure->until.has_value());

  for (const auto& f : request_fields()) {
    const std::string ptr = concrete(f.pointer);
    INFO("field ", ptr);
    json broken = full;
    // a value of another JSON type is a wrong_type at the field: the reader reads the field
    broken[json::json_pointer(ptr)] = f.kind == FieldKind::array || f.kind == FieldKind::object ? json(42) : json::array();
    CHECK(has_diagnostic(reqcheck::parse::read_request(broken.dump()), ptr, "INPUT.wrong_type"));
    if (f.kind == FieldKind::enum_) {
      broken[json::json_pointer(ptr)] = "no_such_value";
      CHECK(has_diagnostic(reqcheck::parse::read_request(broken.dump()), ptr, "INPUT.not_in_enum"));
    }
    if (f.kind == FieldKind::date || f.kind == FieldKind::datetime) {
      broken[json::json_pointer(ptr)] = f.kind == FieldKind::date ? "2026-02-30" : "2026-11-20";
      CHECK(has_diagnostic(reqcheck::parse::read_request(broken.dump()), ptr,
                           f.kind == FieldKind::date ? "INPUT.invalid_date" : "INPUT.invalid_datetime"));
    }
  }
}

TEST_CASE("value_label: the field's terms for enum values, a readable label for every other") {
  CHECK(reqcheck::value_label("court_order") == "Court order");
  CHECK(reqcheck::value_label("epoc") == "European Production Order Certificate (EPOC)");
  CHECK(reqcheck::value_label("ip_address") == "IP address");
  CHECK(reqcheck::value_label("phone_number") == "Phone number (E.164)");
  for (const auto& f : reqcheck::request_fields()) {
    if (f.kind != reqcheck::FieldKind::enum_) continue;
    for (const auto v : f.values) {
      const std::string label = reqcheck::value_label(v);
      INFO(std::string(v));
      REQUIRE_FALSE(label.empty());
      CHECK((label[0] >= 'A' && label[0] <= 'Z'));
      CHECK(label.find('_') == std::string::npos);
    }
  }
}
