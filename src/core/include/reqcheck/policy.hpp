// Policy packs (`reqcheck.pack/1`): which rules apply to a service in a period and every
// parameter they read (accepted instruments, offence → ToS table, retention days, domain
// lists, languages). Packs are data in assets/packs/; the bundled ones are compiled in.
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

namespace reqcheck::policy {

/// The schema identifier of a pack.
inline constexpr std::string_view kPackSchema = "reqcheck.pack/1";

/// A review route of AUTH-01: an authority type that is reviewed rather than failed when it
/// issues `instrument` (if set) or an emergency request (if `emergency`).
struct Route {
  std::string authority;
  std::optional<std::string> instrument;
  bool emergency = false;
};

/// One parameter value: a whole number (days), a list of strings, a map string → string (e.g.
/// offence category → ToS clause), a map string → list (e.g. instrument → languages), or routes.
using ParamValue = std::variant<std::int64_t, std::vector<std::string>, std::map<std::string, std::string>,
                                std::map<std::string, std::vector<std::string>>, std::vector<Route>>;

/// A loaded, validated pack.
struct Pack {
  std::string id, version, service, title, source;
  /// Period in force: from (inclusive) until (exclusive, absent while in force), UTC instants.
  ident::TimeValue in_force_from;
  std::optional<ident::TimeValue> in_force_until;
  /// Notes shown in every report checked against this pack.
  std::vector<std::string> notes;
  /// The rules in force, in pack order.
  std::vector<std::string> rule_ids;
  /// Parameters by name, shared by the rules that declare them (e.g. `free_mail_domains` is
  /// read by AUTH-03 and EMER-02).
  std::map<std::string, ParamValue> params;
  /// SHA-256 of the pack text, lower-case hex.
  std::string sha256;
};

/// A pack or the reasons it cannot be used (each with a JSON Pointer into the pack).
struct PackLoad {
  std::optional<Pack> pack;
  parse::Diagnostics errors;
};

/// Loads and validates a pack: schema, id, service, period, every rule id known to the registry,
/// every parameter an enabled rule declares present with the right kind and values in their
/// domain, no parameter that no enabled rule reads. Never throws.
PackLoad load_pack(std::string_view text);

/// A bundled pack: its id, service, period and JSON text (from assets/packs/, compiled in).
struct BundledPack {
  std::string_view id;
  std::string_view text;
};

/// The bundled packs, newest first.
const std::vector<BundledPack>& bundled_packs();

/// Chooses the bundled pack for `service` (case-insensitive) in force at `at`: the pack whose
/// period contains `at`, else, before the earliest period, the earliest pack (the caller notes
/// that no earlier policy is encoded). Empty when no bundled pack serves `service`.
std::optional<BundledPack> choose_bundled(std::string_view service, const ident::TimeValue& at, bool* before_earliest);

}  // namespace reqcheck::policy
