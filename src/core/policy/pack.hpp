// A loaded policy pack (`reqcheck.pack/2`) as the engine holds it: where it applies, its rules
// with their legal sources, and every parameter they read, validated. Internal to the engine:
// callers see packs through `reqcheck::Policy` (reqcheck/policy.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ident/rfc3339.hpp"
#include "parse/diagnostic.hpp"
#include "reqcheck/request.hpp"

namespace reqcheck::rules {
struct Rule;
}

namespace reqcheck::policy {

/// The schema identifier of a pack, and of the earlier format that is converted on load.
inline constexpr std::string_view kPackSchema = "reqcheck.pack/2";
inline constexpr std::string_view kPackSchemaV1 = "reqcheck.pack/1";

/// A review route of AUTH-01: an authority type that is reviewed rather than failed when it
/// issues `instrument` (if set) or an emergency request (if `emergency`).
struct Route {
  std::string authority;
  std::optional<std::string> instrument;
  bool emergency = false;
};

/// A period of a `duration` parameter: a whole number of days, hours or calendar months
/// (written `P10D`, `PT8H`, `P3M`, ISO 8601). Days count local calendar dates, hours exact
/// instants, months with the month-end clamp: the rule that reads it says which zone.
struct Duration {
  enum class Unit { days, hours, months };
  std::int64_t count = 0;
  Unit unit = Unit::days;
  std::string text;  ///< as written, e.g. `P10D`
};

/// An IANA time-zone name (e.g. `Europe/Dublin`), one of the zones whose TZif data is compiled
/// into the engine (known_zone).
struct ZoneName {
  std::string name;
};

/// One parameter value: a whole number (days, years), a boolean, a string, a date, a duration, a
/// zone, a list of strings, a map string → string (e.g. offence category → ToS clause), a map
/// string → list (e.g. instrument → languages), or AUTH-01's review routes.
using ParamValue = std::variant<std::int64_t, bool, std::string, TimeValue, Duration, ZoneName, std::vector<std::string>,
                                std::map<std::string, std::string>, std::map<std::string, std::vector<std::string>>,
                                std::vector<Route>>;

/// Whether a pack is the platform's own policy (exactly one applies to a request: the one for its
/// service in force at `received_at`) or a legal-framework profile (every one whose `applies`
/// matches is applied on top of the platform pack; frameworks.md §1).
enum class PackKind { platform, profile };

/// One alternative of `applies.any_of`: every list given must hold (empty lists hold always).
/// `frameworks` maps a framework id to the aliases of its act as whole words in a legal basis's
/// `law` (frameworks.md §2.5); a condition with it holds when a legal basis cites one of them.
struct Condition {
  std::vector<std::string> instrument_types;
  std::vector<std::string> issuer_countries;
  std::vector<std::string> jurisdictions;
  std::map<std::string, std::vector<std::string>> frameworks;
  bool emergency_only = false;
};

/// Where a pack applies: services (empty: any), the period in force (UTC instants; from
/// inclusive, until exclusive, absent while in force), and, for profiles, the alternatives of
/// which one must match (empty: always).
struct Applies {
  std::vector<std::string> services;
  TimeValue in_force_from;
  std::optional<TimeValue> in_force_until;
  std::vector<Condition> any_of;
};

/// A rule listed by a pack, with the legal source the pack gives for it (the wording in force
/// for this pack's period: the 2018 pack cites the 2018 text).
struct PackRule {
  const rules::Rule* rule = nullptr;
  std::string legal_ref;
};

/// A loaded, validated pack.
struct Pack {
  std::string id, version, title, source;
  PackKind kind = PackKind::platform;
  Applies applies;
  /// The first service of `applies.services` (platform packs name exactly one).
  std::string service;
  /// Notes shown in every report checked against this pack.
  std::vector<std::string> notes;
  /// The rules in force, in pack order.
  std::vector<PackRule> rules;
  /// Parameters by name, shared by the rules that declare them (e.g. `free_mail_domains` is
  /// read by AUTH-03 and EMER-02).
  std::map<std::string, ParamValue> params;
  /// SHA-256 of the pack text, lower-case hex.
  std::string sha256;
  /// True when the text was `reqcheck.pack/1` and was converted on load.
  bool converted_from_v1 = false;
};

/// A pack or the reasons it cannot be used (each with a JSON Pointer into the pack and a
/// `PACK.*` code).
struct PackLoad {
  std::optional<Pack> pack;
  parse::Diagnostics errors;
};

/// Loads and validates a pack: schema (`reqcheck.pack/2`; a `reqcheck.pack/1` text is converted:
/// its `service`, `in_force_*` become `applies`, and each rule id takes the rule's default
/// `legal_ref`), id, kind, applies, every rule id known to the registry with a `legal_ref`, every
/// parameter an enabled rule declares present with the right kind and values in their domain, no
/// parameter that no enabled rule reads. Never throws.
PackLoad load_pack(std::string_view text);

/// Why a profile pack applies to `request`, received at `received`, or nullopt when it does not:
/// e.g. "instrument type `epoc`". A platform pack: whether its service and period match.
std::optional<std::string> applies_to(const Pack& pack, const model::Request& request, const TimeValue& received);

/// A bundled pack: its id and JSON text (from assets/packs/, compiled in).
struct BundledPack {
  std::string_view id;
  std::string_view text;
};

/// The bundled packs, newest first.
const std::vector<BundledPack>& bundled_packs();

/// True when `name` is one of the IANA zone (or link) names whose TZif data is compiled into the
/// engine (ident::zone_known: src/core/ident/embedded_zones.txt and the zones the bundled packs
/// name); any other name, even a real zone, is unknown (frameworks.md §2.6).
bool known_zone(std::string_view name);

}  // namespace reqcheck::policy
