// Loads a policy pack from JSON text and validates it against the rule registry: unknown rule
// ids, missing or unknown parameters, wrong kinds and values outside their enum are errors with
// a JSON Pointer into the pack. The pack's SHA-256 is taken over the exact text given.
#include <algorithm>
#include <set>

#include "parse/json_text.hpp"
#include "parse/limits.hpp"
#include "reqcheck/policy.hpp"
#include "report/digest.hpp"
#include "rules/rule.hpp"

namespace reqcheck::policy {
namespace {

using nlohmann::json;
using parse::pointer_append;
using rules::ParamKind;
using rules::ParamSpec;

class PackReader {
 public:
  PackReader(const parse::Locations& loc, parse::Diagnostics& errors) : loc_(loc), errors_(errors) {}

  void error(const std::string& ptr, std::string message, std::string help) {
    const auto [line, col] = loc_.value(ptr);
    // as for requests (request_reader.cpp): a hostile pack must not yield millions of findings
    if (errors_.size() > parse::kMaxDiagnostics) return;
    if (errors_.size() == parse::kMaxDiagnostics) {
      message = "more than " + std::to_string(parse::kMaxDiagnostics) + " problems: the first " +
                std::to_string(parse::kMaxDiagnostics) + " are listed, the rest from here on are not";
      help = "correct the problems listed and load the pack again";
    }
    errors_.push_back({ptr, line, col, std::move(message), std::move(help), false});
  }

  std::optional<std::string> string(const json& obj, const char* key, bool required = true) {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) error(pointer_append("", key), std::string("the pack has no `") + key + "`", std::string("add `") + key + "`");
      return std::nullopt;
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
      error(pointer_append("", key), std::string("`") + key + "` must be a non-empty string", "");
      return std::nullopt;
    }
    return it->get<std::string>();
  }

  bool in(const std::vector<std::string_view>& domain, const std::string& v) {
    return domain.empty() || std::find(domain.begin(), domain.end(), v) != domain.end();
  }

  std::optional<std::vector<std::string>> string_list(const json& v, const std::string& ptr, const std::vector<std::string_view>& domain) {
    if (!v.is_array()) return wrong(ptr, "an array of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) return wrong(pointer_append(ptr, i), "a string");
      const auto s = v[i].get<std::string>();
      if (!in(domain, s)) {
        error(pointer_append(ptr, i), "`" + s + "` is not an allowed value here", "use a value of reqcheck.request/1's enumeration");
        return std::nullopt;
      }
      out.push_back(s);
    }
    return out;
  }

  std::optional<ParamValue> value(const ParamSpec& spec, const json& v, const std::string& ptr) {
    switch (spec.kind) {
      case ParamKind::integer: {
        if (!v.is_number_integer()) return wrong(ptr, "a whole number");
        const auto n = v.get<std::int64_t>();
        if (n < spec.min || n > spec.max) {
          error(ptr, "`" + std::string(spec.name) + "` is " + std::to_string(n) + ", outside " + std::to_string(spec.min) + " to " +
                         std::to_string(spec.max),
                "give a number of days in that range");
          return std::nullopt;
        }
        return ParamValue{n};
      }
      case ParamKind::string_list: {
        auto l = string_list(v, ptr, spec.values);
        if (!l) return std::nullopt;
        return ParamValue{*l};
      }
      case ParamKind::string_map:
      case ParamKind::list_map: {
        if (!v.is_object()) return wrong(ptr, "an object");
        std::map<std::string, std::string> smap;
        std::map<std::string, std::vector<std::string>> lmap;
        for (auto it = v.begin(); it != v.end(); ++it) {
          const std::string p = pointer_append(ptr, it.key());
          if (!in(spec.keys, it.key())) {
            error(p, "`" + it.key() + "` is not an allowed key here", "use a value of reqcheck.request/1's enumeration");
            return std::nullopt;
          }
          if (spec.kind == ParamKind::string_map) {
            if (!it->is_string()) return wrong(p, "a string");
            smap[it.key()] = it->get<std::string>();
          } else {
            auto l = string_list(*it, p, spec.values);
            if (!l) return std::nullopt;
            lmap[it.key()] = *l;
          }
        }
        if (spec.kind == ParamKind::string_map) return ParamValue{smap};
        return ParamValue{lmap};
      }
      case ParamKind::routes: {
        if (!v.is_array()) return wrong(ptr, "an array of routes");
        std::vector<Route> routes;
        for (std::size_t i = 0; i < v.size(); ++i) {
          const std::string p = pointer_append(ptr, i);
          const auto& r = v[i];
          if (!r.is_object() || !r.contains("authority") || !r["authority"].is_string())
            return wrong(p, "an object `{\"authority\": ..., \"instrument\"?: ..., \"emergency\"?: true}`");
          Route route{r["authority"].get<std::string>(), std::nullopt, false};
          if (!in(spec.values, route.authority)) return wrong(pointer_append(p, "authority"), "an authority type");
          if (r.contains("instrument")) {
            if (!r["instrument"].is_string() || !in(spec.keys, r["instrument"].get<std::string>()))
              return wrong(pointer_append(p, "instrument"), "an instrument type");
            route.instrument = r["instrument"].get<std::string>();
          }
          if (r.contains("emergency")) {
            if (!r["emergency"].is_boolean()) return wrong(pointer_append(p, "emergency"), "a boolean");
            route.emergency = r["emergency"].get<bool>();
          }
          for (auto it = r.begin(); it != r.end(); ++it)
            if (it.key() != "authority" && it.key() != "instrument" && it.key() != "emergency")
              return wrong(pointer_append(p, it.key()), "absent (unknown key)");
          routes.push_back(route);
        }
        return ParamValue{routes};
      }
    }
    return std::nullopt;
  }

 private:
  std::nullopt_t wrong(const std::string& ptr, const std::string& expected) {
    error(ptr, "the value at `" + ptr + "` is not " + expected, "correct the pack");
    return std::nullopt;
  }

  const parse::Locations& loc_;
  parse::Diagnostics& errors_;
};

}  // namespace

PackLoad load_pack(std::string_view text) {
  PackLoad out;
  auto doc = parse::read_json(text);
  out.errors = doc.diagnostics;
  if (!doc.json) return out;
  const json& root = *doc.json;
  PackReader r(doc.locations, out.errors);
  if (!root.is_object()) {
    r.error("", "a pack is a JSON object", "see assets/packs/telegram-2024-09.json");
    return out;
  }
  Pack pack;
  const auto schema = r.string(root, "schema");
  if (schema && *schema != kPackSchema) r.error("/schema", "unknown pack schema `" + *schema + "`", "use `reqcheck.pack/1`");
  pack.id = r.string(root, "id").value_or("");
  pack.version = r.string(root, "version").value_or("");
  pack.service = r.string(root, "service").value_or("");
  pack.title = r.string(root, "title").value_or("");
  pack.source = r.string(root, "source", false).value_or("");
  if (auto from = r.string(root, "in_force_from")) {
    if (auto t = ident::parse_rfc3339_datetime(*from)) pack.in_force_from = *t;
    else r.error("/in_force_from", "`in_force_from` is not an RFC 3339 date-time", "write e.g. `2024-09-23T00:00:00Z`");
  }
  if (auto until = r.string(root, "in_force_until", false)) {
    if (auto t = ident::parse_rfc3339_datetime(*until)) pack.in_force_until = *t;
    else r.error("/in_force_until", "`in_force_until` is not an RFC 3339 date-time", "write e.g. `2024-09-23T00:00:00Z`, or null");
  }
  if (auto it = root.find("notes"); it != root.end())
    if (auto notes = r.string_list(*it, "/notes", {})) pack.notes = *notes;
  for (auto it = root.begin(); it != root.end(); ++it) {
    static const std::set<std::string> known = {"schema", "id", "version", "service", "title", "source", "in_force_from",
                                                "in_force_until", "notes", "rules", "parameters"};
    if (!known.count(it.key())) r.error(pointer_append("", it.key()), "unknown pack field `" + it.key() + "`", "remove it");
  }

  std::map<std::string, const ParamSpec*> declared;
  const auto rules_it = root.find("rules");
  if (rules_it == root.end() || !rules_it->is_array() || rules_it->empty()) {
    r.error("/rules", "the pack lists no rules", "give `rules` as an array of rule ids, e.g. [\"AUTH-01\", ...]");
  } else {
    for (std::size_t i = 0; i < rules_it->size(); ++i) {
      const auto& v = (*rules_it)[i];
      const std::string ptr = pointer_append("/rules", i);
      const rules::Rule* rule = v.is_string() ? rules::find_rule(v.get<std::string>()) : nullptr;
      if (!rule) {
        r.error(ptr, "unknown rule id " + (v.is_string() ? "`" + v.get<std::string>() + "`" : std::string("(not a string)")),
                "use an id that `reqcheck rules` lists");
        continue;
      }
      if (std::find(pack.rule_ids.begin(), pack.rule_ids.end(), rule->id) != pack.rule_ids.end()) {
        r.error(ptr, "rule `" + std::string(rule->id) + "` is listed twice", "list each rule once");
        continue;
      }
      pack.rule_ids.emplace_back(rule->id);
      for (const auto& spec : rule->params) declared.emplace(std::string(spec.name), &spec);
    }
  }
  const auto params_it = root.find("parameters");
  const json empty = json::object();
  const json& params = params_it != root.end() && params_it->is_object() ? *params_it : empty;
  if (params_it != root.end() && !params_it->is_object()) r.error("/parameters", "`parameters` must be an object", "");
  for (const auto& [name, spec] : declared) {
    const std::string ptr = pointer_append("/parameters", name);
    auto it = params.find(name);
    if (it == params.end()) {
      r.error("/parameters", "parameter `" + name + "` is missing", "every parameter a listed rule reads must be given in the pack");
      continue;
    }
    if (auto v = r.value(*spec, *it, ptr)) pack.params.emplace(name, std::move(*v));
  }
  for (auto it = params.begin(); it != params.end(); ++it)
    if (!declared.count(it.key()))
      r.error(pointer_append("/parameters", it.key()), "parameter `" + it.key() + "` is read by no listed rule",
              "remove it, or list the rule that reads it");
  if (!out.errors.empty()) return out;
  pack.sha256 = report::sha256_hex(text);
  out.pack = std::move(pack);
  return out;
}

}  // namespace reqcheck::policy
