// Loads a policy pack (`reqcheck.pack/2`, or a `reqcheck.pack/1` text converted on load) from
// JSON text and validates it against the rule registry: unknown rule ids, missing legal sources,
// missing or unknown parameters, wrong kinds and values outside their domain are errors with a
// JSON Pointer into the pack and a `PACK.*` code. The SHA-256 is taken over the exact text given.
#include <algorithm>
#include <set>

#include "ident/identifiers.hpp"
#include "parse/enums.hpp"
#include "parse/json_text.hpp"
#include "parse/limits.hpp"
#include "policy/pack.hpp"
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

  void error(const std::string& ptr, std::string code, std::string message, std::string help) {
    const auto [line, col] = loc_.value(ptr);
    // as for requests (request_reader.cpp): a hostile pack must not yield millions of findings
    if (errors_.size() > parse::kMaxDiagnostics) return;
    if (errors_.size() == parse::kMaxDiagnostics) {
      code = "PACK.too_many_problems";
      message = "more than " + std::to_string(parse::kMaxDiagnostics) + " problems: the first " +
                std::to_string(parse::kMaxDiagnostics) + " are listed, the rest from here on are not";
      help = "correct the problems listed and load the pack again";
    }
    errors_.push_back({ptr, line, col, std::move(message), std::move(help), false, std::move(code)});
  }

  std::optional<std::string> string(const json& obj, const std::string& base, const char* key, bool required = true) {
    auto it = obj.find(key);
    const std::string ptr = pointer_append(base, key);
    if (it == obj.end() || it->is_null()) {
      if (required) error(ptr, "PACK.missing_field", std::string("the pack has no `") + key + "`", std::string("add `") + key + "`");
      return std::nullopt;
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
      error(ptr, "PACK.wrong_kind", std::string("`") + key + "` must be a non-empty string", "correct the pack");
      return std::nullopt;
    }
    return it->get<std::string>();
  }

  std::optional<TimeValue> instant(const json& obj, const std::string& base, const char* key, bool required) {
    auto s = string(obj, base, key, required);
    if (!s) return std::nullopt;
    if (auto t = ident::parse_rfc3339_datetime(*s)) return t;
    error(pointer_append(base, key), "PACK.bad_period", std::string("`") + key + "` is not an RFC 3339 date-time",
          "write e.g. `2024-09-23T00:00:00Z`");
    return std::nullopt;
  }

  static bool in(const std::vector<std::string_view>& domain, const std::string& v) {
    return domain.empty() || std::find(domain.begin(), domain.end(), v) != domain.end();
  }

  std::optional<std::vector<std::string>> string_list(const json& v, const std::string& ptr, const std::vector<std::string_view>& domain) {
    if (!v.is_array()) return wrong(ptr, "an array of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) return wrong(pointer_append(ptr, i), "a string");
      const auto s = v[i].get<std::string>();
      if (!in(domain, s)) {
        error(pointer_append(ptr, i), "PACK.value_out_of_domain", "`" + s + "` is not an allowed value here",
              "use a value of reqcheck.request/1's enumeration");
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
          error(ptr, "PACK.value_out_of_domain",
                "`" + std::string(spec.name) + "` is " + std::to_string(n) + ", outside " + std::to_string(spec.min) + " to " +
                    std::to_string(spec.max),
                "give a number in that range");
          return std::nullopt;
        }
        return ParamValue{n};
      }
      case ParamKind::boolean:
        if (!v.is_boolean()) return wrong(ptr, "`true` or `false`");
        return ParamValue{v.get<bool>()};
      case ParamKind::string: {
        if (!v.is_string() || v.get_ref<const std::string&>().empty()) return wrong(ptr, "a non-empty string");
        const auto s = v.get<std::string>();
        if (!in(spec.values, s)) return wrong(ptr, "one of the allowed values");
        return ParamValue{s};
      }
      case ParamKind::date: {
        if (!v.is_string()) return wrong(ptr, "an RFC 3339 date (`YYYY-MM-DD`)");
        auto t = ident::parse_rfc3339(v.get<std::string>());
        if (!t || !t->date_only) return wrong(ptr, "an RFC 3339 date (`YYYY-MM-DD`)");
        return ParamValue{*t};
      }
      case ParamKind::duration: {
        if (!v.is_string()) return wrong(ptr, "an ISO 8601 duration in one unit (`P10D`, `PT8H` or `P3M`)");
        auto d = parse_duration(v.get<std::string>());
        if (!d || d->count < spec.min || d->count > spec.max)
          return wrong(ptr, "an ISO 8601 duration in one unit (`P10D`, `PT8H` or `P3M`) of " + std::to_string(spec.min) + " to " +
                                std::to_string(spec.max));
        return ParamValue{*d};
      }
      case ParamKind::zone: {
        if (!v.is_string() || !known_zone(v.get<std::string>()))
          return wrong(ptr, "an IANA time-zone name the engine embeds (EU/EEA, UK, Swiss and US zones, UTC; e.g. `Europe/Dublin`)");
        return ParamValue{ZoneName{v.get<std::string>()}};
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
            error(p, "PACK.value_out_of_domain", "`" + it.key() + "` is not an allowed key here",
                  "use a value of reqcheck.request/1's enumeration");
            return std::nullopt;
          }
          if (spec.kind == ParamKind::string_map) {
            if (!it->is_string()) return wrong(p, "a string");
            if (!in(spec.values, it->get<std::string>())) return wrong(p, "one of the allowed values");
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
      case ParamKind::routes: return routes(spec, v, ptr);
    }
    return std::nullopt;
  }

  std::nullopt_t wrong(const std::string& ptr, const std::string& expected) {
    error(ptr, "PACK.wrong_kind", "the value at `" + ptr + "` is not " + expected, "correct the pack");
    return std::nullopt;
  }

  /// `P<n>D`, `PT<n>H`, `P<n>M`: the three period forms the frameworks count in.
  static std::optional<Duration> parse_duration(const std::string& s) {
    Duration d;
    d.text = s;
    std::string_view digits;
    if (s.size() > 3 && s.compare(0, 2, "PT") == 0 && s.back() == 'H') {
      d.unit = Duration::Unit::hours;
      digits = std::string_view(s).substr(2, s.size() - 3);
    } else if (s.size() > 2 && s[0] == 'P' && (s.back() == 'D' || s.back() == 'M')) {
      d.unit = s.back() == 'D' ? Duration::Unit::days : Duration::Unit::months;
      digits = std::string_view(s).substr(1, s.size() - 2);
    } else {
      return std::nullopt;
    }
    if (digits.empty() || digits.size() > 6) return std::nullopt;
    for (char c : digits) {
      if (c < '0' || c > '9') return std::nullopt;
      d.count = d.count * 10 + (c - '0');
    }
    return d;
  }

  std::optional<ParamValue> routes(const ParamSpec& spec, const json& v, const std::string& ptr) {
    if (!v.is_array()) return wrong(ptr, "an array of routes");
    std::vector<Route> out;
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
      out.push_back(route);
    }
    return ParamValue{out};
  }

  void unknown_keys(const json& obj, const std::string& base, const std::set<std::string>& known) {
    for (auto it = obj.begin(); it != obj.end(); ++it)
      if (!known.count(it.key()))
        error(pointer_append(base, it.key()), "PACK.unknown_field", "unknown pack field `" + it.key() + "`", "remove it");
  }

  std::optional<Condition> condition(const json& v, const std::string& ptr) {
    if (!v.is_object()) return wrong(ptr, "an object of conditions");
    unknown_keys(v, ptr, {"instrument_types", "issuer_countries", "jurisdictions", "frameworks", "emergency"});
    Condition c;
    const auto list = [&](const char* key, std::vector<std::string>& into, const std::vector<std::string_view>& domain) {
      if (auto it = v.find(key); it != v.end())
        if (auto l = string_list(*it, pointer_append(ptr, key), domain)) into = *l;
    };
    list("instrument_types", c.instrument_types, parse::kInstrumentTypes);
    list("issuer_countries", c.issuer_countries, {});
    list("jurisdictions", c.jurisdictions, {});
    if (auto it = v.find("frameworks"); it != v.end()) {
      if (!it->is_object()) return wrong(pointer_append(ptr, "frameworks"), "an object framework id → aliases of its act");
      for (auto f = it->begin(); f != it->end(); ++f)
        if (auto l = string_list(*f, pointer_append(pointer_append(ptr, "frameworks"), f.key()), {})) c.frameworks[f.key()] = *l;
    }
    if (auto it = v.find("emergency"); it != v.end()) {
      if (!it->is_boolean()) return wrong(pointer_append(ptr, "emergency"), "a boolean");
      c.emergency_only = it->get<bool>();
    }
    return c;
  }

  void applies(const json& root, Pack& pack) {
    auto it = root.find("applies");
    if (it == root.end() || !it->is_object()) {
      error("/applies", "PACK.bad_applies", "the pack does not say where it applies",
            "give `applies`: {\"services\": [...], \"in_force_from\": ..., \"in_force_until\": ..., \"any_of\": [...]}");
      return;
    }
    const json& a = *it;
    unknown_keys(a, "/applies", {"services", "in_force_from", "in_force_until", "any_of"});
    if (auto s = a.find("services"); s != a.end())
      if (auto l = string_list(*s, "/applies/services", {})) pack.applies.services = *l;
    if (auto from = instant(a, "/applies", "in_force_from", true)) pack.applies.in_force_from = *from;
    pack.applies.in_force_until = instant(a, "/applies", "in_force_until", false);
    if (pack.applies.in_force_until && pack.applies.in_force_until->instant <= pack.applies.in_force_from.instant)
      error("/applies/in_force_until", "PACK.bad_period", "`in_force_until` is not after `in_force_from`", "correct the period");
    if (auto any = a.find("any_of"); any != a.end()) {
      if (!any->is_array()) {
        wrong("/applies/any_of", "an array of conditions");
      } else {
        for (std::size_t i = 0; i < any->size(); ++i)
          if (auto c = condition((*any)[i], pointer_append("/applies/any_of", i))) pack.applies.any_of.push_back(*c);
      }
    }
    if (pack.kind == PackKind::platform && pack.applies.services.size() != 1)
      error("/applies/services", "PACK.bad_applies", "a platform pack names exactly one service", "give e.g. `[\"telegram\"]`");
    if (pack.kind == PackKind::platform && !pack.applies.any_of.empty())
      error("/applies/any_of", "PACK.bad_applies", "a platform pack applies to every request of its service in its period",
            "remove `any_of`, or make the pack a `profile`");
    if (!pack.applies.services.empty()) pack.service = pack.applies.services.front();
  }

  void rule_list(const json& root, Pack& pack, std::map<std::string, const ParamSpec*>& declared) {
    const auto rules_it = root.find("rules");
    if (rules_it == root.end() || !rules_it->is_array() || rules_it->empty()) {
      error("/rules", "PACK.missing_field", "the pack lists no rules",
            "give `rules` as an array of `{\"id\": \"AUTH-01\", \"legal_ref\": \"...\"}`");
      return;
    }
    for (std::size_t i = 0; i < rules_it->size(); ++i) {
      const auto& v = (*rules_it)[i];
      const std::string ptr = pointer_append("/rules", i);
      if (!v.is_object()) {
        wrong(ptr, "an object `{\"id\": ..., \"legal_ref\": ...}`");
        continue;
      }
      unknown_keys(v, ptr, {"id", "legal_ref"});
      const auto id = string(v, ptr, "id");
      const auto legal_ref = string(v, ptr, "legal_ref");
      if (!id) continue;
      const rules::Rule* rule = rules::find_rule(*id);
      if (!rule) {
        error(pointer_append(ptr, "id"), "PACK.unknown_rule", "unknown rule id `" + *id + "`", "use an id that `reqcheck rules` lists");
        continue;
      }
      if (std::any_of(pack.rules.begin(), pack.rules.end(), [&](const PackRule& r) { return r.rule == rule; })) {
        error(pointer_append(ptr, "id"), "PACK.duplicate_rule", "rule `" + *id + "` is listed twice", "list each rule once");
        continue;
      }
      pack.rules.push_back({rule, legal_ref.value_or("")});
      for (const auto& spec : rule->params) declared.emplace(std::string(spec.name), &spec);
    }
  }

 private:
  const parse::Locations& loc_;
  parse::Diagnostics& errors_;
};

/// A `reqcheck.pack/1` document as the equivalent `reqcheck.pack/2` one: `service` and the
/// period move into `applies`, and each rule id takes the legal source its rule row gives. The
/// values stay where they were, so pointers into parameters still name the user's file.
json upgrade_v1(const json& v1) {
  json v2 = v1;
  v2["schema"] = kPackSchema;
  v2["kind"] = "platform";
  json applies = json::object();
  if (v1.contains("service")) applies["services"] = json::array({v1["service"]});
  if (v1.contains("in_force_from")) applies["in_force_from"] = v1["in_force_from"];
  if (v1.contains("in_force_until")) applies["in_force_until"] = v1["in_force_until"];
  v2["applies"] = applies;
  v2.erase("service");
  v2.erase("in_force_from");
  v2.erase("in_force_until");
  if (v1.contains("rules") && v1["rules"].is_array()) {
    json rules = json::array();
    for (const auto& r : v1["rules"]) {
      const rules::Rule* rule = r.is_string() ? rules::find_rule(r.get<std::string>()) : nullptr;
      // an unknown id stays in place, so that the loader names it as unknown at its index
      rules.push_back(json{{"id", r}, {"legal_ref", rule ? std::string(rule->legal_ref) : std::string("(none)")}});
    }
    v2["rules"] = rules;
  }
  return v2;
}

/// The spec of `name` when some rule declares it as left to the platform pack
/// (`ParamSpec::from_platform`), else nullptr.
const ParamSpec* platform_spec(const std::string& name) {
  for (const auto* rule : rules::all_rules())
    for (const auto& spec : rule->params)
      if (spec.from_platform && spec.name == name) return &spec;
  return nullptr;
}

}  // namespace

PackLoad load_pack(std::string_view text) {
  PackLoad out;
  auto doc = parse::read_json(text);
  out.errors = doc.diagnostics;
  for (auto& d : out.errors)
    if (d.code.rfind("INPUT.", 0) == 0) d.code = "PACK.not_json";  // the text of a pack, not of a request
    else if (d.code.empty()) d.code = "PACK.not_json";
  if (!doc.json) return out;
  json root = *doc.json;
  PackReader r(doc.locations, out.errors);
  if (!root.is_object()) {
    r.error("", "PACK.wrong_kind", "a pack is a JSON object", "see assets/packs/telegram-2024-09.json");
    return out;
  }
  Pack pack;
  const auto schema = r.string(root, "", "schema");
  if (schema && *schema == kPackSchemaV1) {
    root = upgrade_v1(root);
    pack.converted_from_v1 = true;
  } else if (schema && *schema != kPackSchema) {
    r.error("/schema", "PACK.wrong_schema", "unknown pack schema `" + *schema + "`",
            "use `reqcheck.pack/2` (a `reqcheck.pack/1` pack is converted on load)");
  }
  r.unknown_keys(root, "", {"schema", "id", "version", "kind", "title", "source", "applies", "notes", "rules", "parameters"});
  pack.id = r.string(root, "", "id").value_or("");
  pack.version = r.string(root, "", "version").value_or("");
  pack.title = r.string(root, "", "title").value_or("");
  pack.source = r.string(root, "", "source", false).value_or("");
  if (const auto kind = r.string(root, "", "kind")) {
    if (*kind == "platform") pack.kind = PackKind::platform;
    else if (*kind == "profile") pack.kind = PackKind::profile;
    else r.error("/kind", "PACK.value_out_of_domain", "unknown pack kind `" + *kind + "`", "use `platform` or `profile`");
  }
  r.applies(root, pack);
  if (auto it = root.find("notes"); it != root.end())
    if (auto notes = r.string_list(*it, "/notes", {})) pack.notes = *notes;

  std::map<std::string, const ParamSpec*> declared;
  r.rule_list(root, pack, declared);
  const auto params_it = root.find("parameters");
  const json empty = json::object();
  const json& params = params_it != root.end() && params_it->is_object() ? *params_it : empty;
  if (params_it != root.end() && !params_it->is_object()) r.wrong("/parameters", "an object");
  for (const auto& [name, spec] : declared) {
    const std::string ptr = pointer_append("/parameters", name);
    auto it = params.find(name);
    if (it == params.end()) {
      // a profile's rules may read what is the platform's (its addressee, its languages) from the
      // platform pack; Policy checks at compile time that the platform packs give it
      if (pack.kind == PackKind::profile && spec->from_platform) continue;
      r.error("/parameters", "PACK.missing_parameter", "parameter `" + name + "` is missing",
              "every parameter a listed rule reads must be given in the pack");
      continue;
    }
    if (auto v = r.value(*spec, *it, ptr)) pack.params.emplace(name, std::move(*v));
  }
  for (auto it = params.begin(); it != params.end(); ++it) {
    if (declared.count(it.key())) continue;
    // what is the platform's (its e-Evidence addressee, its languages) stays in the platform pack
    // even though only a profile's rules read it (a platform pack turned profile keeps it too)
    if (const ParamSpec* spec = platform_spec(it.key())) {
      if (auto v = r.value(*spec, *it, pointer_append("/parameters", it.key()))) pack.params.emplace(it.key(), std::move(*v));
      continue;
    }
    r.error(pointer_append("/parameters", it.key()), "PACK.unused_parameter", "parameter `" + it.key() + "` is read by no listed rule",
              "remove it, or list the rule that reads it");
  }
  if (!out.errors.empty()) return out;
  pack.sha256 = report::sha256_hex(text);
  out.pack = std::move(pack);
  return out;
}

}  // namespace reqcheck::policy
