// Compiled policies: the packs a check applies (`reqcheck.pack/2`: the platform's policy versions
// and the legal-framework profiles, each saying where it applies), parsed, validated and hashed
// once, then shared by every check of a run or page load. The pack format and its loader are the
// engine's own (src/core/policy); callers see packs only through this header.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reqcheck/report.hpp"

namespace reqcheck {

/// A pack of a compiled policy. `kind`: `platform` or `profile`; `services`: where it applies
/// (empty: any service); `in_force_from` / `in_force_until`: RFC 3339 UTC instants as written in
/// the pack (`in_force_until` empty while in force); `sha256`: of the pack's text; `bundled`:
/// compiled into the engine (else a user's pack file).
struct PackInfo {
  std::string id, version, kind, title, source, sha256, in_force_from, in_force_until;
  std::vector<std::string> services;
  bool bundled = true;
};

/// A rule as a pack lists it: `legal_ref` is that pack's source for it; `kind`: `judging`,
/// `informational` or `review_only`; `doc`: the Markdown page `assets/rules/<ID>.md`.
struct RuleInfo {
  std::string id, title, legal_ref, family, kind, doc;
};

/// A compiled set of packs. Cheap to copy (shared, immutable). Build it once per CLI run, page
/// load or pack change; `check` (engine.hpp) then touches only the request.
class Policy {
 public:
  /// Every bundled pack (assets/packs/*.json, compiled in), compiled on first use and kept for
  /// the life of the process (immutable: every caller shares it).
  static const Policy& bundled();

  /// The bundled packs plus a user's pack file (JSON text of `reqcheck.pack/2`, or `/1`
  /// converted on load). A platform pack of the user's is then the platform pack of every check
  /// (as `--pack FILE` forces it); a profile is applied where its `applies` matches, beside the
  /// bundled ones. A pack that does not load gives a Policy whose `errors()` say why (findings
  /// of rule `PACK` with code, pointer, line and column) and whose checks are `invalid_input`.
  static Policy with_pack(std::string_view pack_text);

  /// True when every pack loaded.
  bool ok() const;
  /// Why a pack could not be used (empty when `ok()`).
  const std::vector<report::Finding>& errors() const;

  /// The packs, platform packs first (newest first), then profiles; a user's pack first of all.
  const std::vector<PackInfo>& packs() const;

  /// The id of the user's pack (`with_pack`), empty for the bundled policy or when it failed.
  const std::string& user_pack_id() const;

  /// The rules a pack lists, in its order; nullopt when no pack has that id. An empty id: the
  /// user's pack if any, else the newest platform pack.
  std::optional<std::vector<RuleInfo>> rules(std::string_view pack_id = {}) const;

  /// The languages a pack accepts a request in, for an instrument of `instrument_type` (INSTR-06,
  /// Telegram Privacy Policy §8.3 as the packs read it: the pack's
  /// `accepted_languages_by_instrument` entry for that type, else its `accepted_languages`), as
  /// primary BCP 47 subtags (`en`). Empty when no pack has that id or it does not list INSTR-06.
  std::vector<std::string> accepted_languages(std::string_view pack_id, std::string_view instrument_type) const;

  /// The engine's view of the compiled packs (src/core/policy/compiled.hpp).
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit Policy(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

/// The Markdown documentation page of a rule id (e.g. `AUTH-01`), or empty when unknown.
std::string rule_doc(std::string_view rule_id);

/// The version of the IANA tz database (Debian's tzdata) whose zones are compiled into the engine
/// and against which packs' zone names are checked (e.g. `2025b`); reports name it.
std::string_view tz_version();

}  // namespace reqcheck
