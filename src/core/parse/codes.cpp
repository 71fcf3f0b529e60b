// The diagnostic code table and the helpers that build diagnostics from it. The rows are the
// contract documented in assets/diagnostics.md; summaries and helps are for people, the codes
// for tests and scripts. PACK and ENGINE rows are set by the pack loader and the check.
#include "parse/codes.hpp"

#include <algorithm>

namespace reqcheck::parse {

const std::vector<CodeInfo>& diagnostic_codes() {
  static const std::vector<CodeInfo> codes = {
      // --- the text of a request (parse/json_text.cpp) ------------------------------------------
      {"INPUT.not_json", "the text is not valid JSON",
       "correct the JSON where shown (line and column); a JSON validator or the editor's highlighting helps find unbalanced "
       "quotes and braces"},
      {"INPUT.empty_text", "the text is empty or only blanks", "paste or load a request: one JSON object `{\"schema\": \"reqcheck.request/1\", ...}`"},
      {"INPUT.trailing_text", "a second JSON value follows the first",
       "a request is one JSON object; several requests go in a JSON array or one per line (NDJSON)"},
      {"INPUT.invalid_utf8", "the text is not valid UTF-8", "save the file as UTF-8"},
      {"INPUT.wrong_encoding", "the text is UTF-16 (or another encoding with NUL bytes), not UTF-8",
       "save it as UTF-8 (most editors: Save as… → Encoding: UTF-8)"},
      {"INPUT.nul_byte", "the text holds a NUL byte",
       "remove the NUL byte: it often marks a file that was truncated, padded or joined to another"},
      {"INPUT.double_bom", "the text starts with two byte order marks", "save the file as UTF-8 with at most one byte order mark"},
      {"INPUT.too_large", "the input is larger than the size limit", "a request holds a few kilobytes; check that this is the right file"},
      {"INPUT.too_deep", "objects and arrays nest deeper than the limit",
       "a request nests four levels; split the input or remove what does not belong to the request"},
      {"INPUT.too_many_requests", "a batch holds more requests than the limit",
       "split the batch into files of at most 100,000 requests; the requests before this one were checked"},
      {"INPUT.too_many_elements", "an array has more elements than the limit",
       "a request holds a few kilobytes; split the input or remove what does not belong to the request"},
      {"INPUT.string_too_long", "a string is longer than the limit",
       "a request holds a few kilobytes; split the input or remove what does not belong to the request"},
      {"INPUT.key_too_long", "a member name is longer than the limit",
       "a request holds a few kilobytes; split the input or remove what does not belong to the request"},
      {"INPUT.duplicate_key", "an object has the same member name twice",
       "keep one member of this name: with two, it is unclear which one the issuer meant"},
      {"INPUT.too_many_problems", "more problems than the limit: the rest are not listed", "correct the problems listed and check again"},
      // --- the request format (parse/request_reader.cpp) ---------------------------------------
      {"INPUT.not_an_object", "the request is not a JSON object",
       "a request is one JSON object `{\"schema\": \"reqcheck.request/1\", ...}`; in a batch, each element of the array (or "
       "each line) is one"},
      {"INPUT.empty_batch", "the batch is an array with no request", "put at least one request object in the array"},
      {"INPUT.missing_schema", "the request has no `schema`", "add `\"schema\": \"reqcheck.request/1\"` as the first field"},
      {"INPUT.wrong_schema", "`schema` names a format other than reqcheck.request/1",
       "this version of reqcheck reads `reqcheck.request/1`"},
      {"INPUT.unknown_field", "a field that reqcheck.request/1 does not have (status review)",
       "remove it, or move its content to a field of reqcheck.request/1; a misspelt field is not checked"},
      {"INPUT.wrong_type", "a value of the wrong JSON type for its field", "give the value the type the request format says"},
      {"INPUT.not_in_enum", "a value outside the allowed values of its field", "use one of the values the request format lists"},
      {"INPUT.negative_number", "a count of years or hours is negative", "give a number of 0 or more"},
      {"INPUT.invalid_date", "a value that is not a valid RFC 3339 date or date-time",
       "write a date like `2026-11-20` or a date-time like `2026-11-20T09:30:00+01:00`"},
      {"INPUT.invalid_datetime", "a value that is not a valid RFC 3339 date-time (seconds and an offset)",
       "write it like `2026-11-20T09:30:00+01:00` or `2026-11-20T08:30:00Z`"},
      // --- ETSI TS 103 120 (HI-1) messages (import/) --------------------------------------------
      {"INPUT.hi1_malformed_xml", "the HI-1 XML is not well-formed", "correct the XML at the line and column shown"},
      {"INPUT.hi1_doctype", "the HI-1 XML has a DOCTYPE",
       "remove the DOCTYPE: entity declarations are refused, so no entity is expanded or fetched"},
      {"INPUT.hi1_several_roots", "the HI-1 XML has more than one root element", "remove what follows `</HI1Message>`"},
      {"INPUT.hi1_not_a_message", "the document is not an HI-1 message (no `HI1Message` root)",
       "load an ETSI TS 103 120 message, or a reqcheck.request/1 JSON request"},
      {"INPUT.hi1_wrong_namespace", "`HI1Message` is not in the TS 103 120 Core namespace",
       "declare the TS 103 120 Core namespace on `HI1Message`"},
      {"INPUT.hi1_no_request", "the HI-1 message creates no AuthorisationObject or LDTaskObject",
       "load the message that creates the authorisation and its tasks"},
      {"INPUT.hi1_document_only", "the HI-1 message carries a document but no data request",
       "load the message that creates the AuthorisationObject and its LDTaskObjects, or write the request as reqcheck.request/1"},
      {"INPUT.hi1_interception_task", "the HI-1 message asks for lawful interception (LITaskObject), not disclosure of stored data",
       "reqcheck checks disclosure requests: load the message that creates an AuthorisationObject with LDTaskObjects"},
      {"INPUT.hi1_invalid_value", "an HI-1 value is outside the lexical space of its XSD type",
       "write the value as its XSD type says (a boolean is `true`, `false`, `1` or `0`; an integer is digits with an optional sign)"},
      {"INPUT.several_authorisations", "the HI-1 message holds several authorisations, where one request was expected",
       "check them as a batch, or convert one authorisation at a time"},
      // --- the check's own inputs (api.cpp) ----------------------------------------------------
      {"INPUT.unknown_format", "the input format asked for is not one reqcheck reads",
       "use `hi1`, `reqcheck`, or nothing to detect it"},
      {"INPUT.bad_checking_time", "the checking time is not an RFC 3339 date-time",
       "give the checking time like `2026-11-30T12:00:00Z`"},
      {"INPUT.received_after_checking_time", "`received_at` is after the checking time",
       "correct `received_at`, or check with a later checking time"},
      {"INPUT.service_not_covered", "no policy pack covers the service the request is addressed to",
       "address the request to a service reqcheck has a pack for, or load a pack for it"},
      {"INPUT.service_pack_mismatch", "the request's service differs from the service of the pack chosen",
       "choose the pack of the request's service, or correct `service`"},
      // --- policy packs (policy/pack_loader.cpp) -----------------------------------------------
      {"PACK.not_json", "the pack is not valid JSON (or not readable text)", "correct the pack's JSON where shown"},
      {"PACK.wrong_schema", "the pack does not name a pack format reqcheck reads", "set `schema` to `reqcheck.pack/2`"},
      {"PACK.unknown_rule", "the pack names a rule id reqcheck does not have", "use a rule id that `reqcheck rules` lists"},
      {"PACK.missing_parameter", "a rule the pack enables lacks a parameter it needs", "add the parameter to the rule's entry"},
      {"PACK.wrong_kind", "a pack parameter or field has the wrong JSON type", "give the value the type the pack format says"},
      {"PACK.value_out_of_domain", "a pack value is outside its allowed values or range",
       "use a value the rule's page lists, within its range"},
      {"PACK.unused_parameter", "a pack parameter that no rule reads", "remove it, or correct its name"},
      {"PACK.unknown_id", "no bundled pack has the id asked for", "run `reqcheck packs` for the ids"},
      {"PACK.bad_period", "a pack's period in force is not a pair of RFC 3339 date-times in order",
       "give `applies.in_force_from` (and `in_force_until`) as date-times, the first before the second"},
      {"PACK.missing_field", "a field the pack format requires is absent", "add the field"},
      {"PACK.bad_applies", "the pack's `applies` (services, period, conditions) is absent or cannot be read",
       "correct `applies` as the pack format says (README, Rules and packs)"},
      {"PACK.unknown_field", "a field the pack format does not have", "remove it, or correct its name"},
      {"PACK.duplicate_rule", "the pack lists a rule twice", "list each rule once"},
      {"PACK.id_clash", "a pack file has the id of a bundled pack of another kind (a profile named like a platform pack)",
       "give the pack an id of its own"},
      {"PACK.too_many_problems", "more problems in the pack than the limit: the rest are not listed",
       "correct the problems listed and load the pack again"},
      // --- the engine itself ---------------------------------------------------------------------
      {"ENGINE.internal_error", "reqcheck failed while checking: a bug, not a problem of the request",
       "report this to the reqcheck maintainers"},
      {"ENGINE.no_conclusion", "a rule reached no conclusion on the request (its finding is incomplete)", "report this to the reqcheck maintainers"},
      {"ENGINE.status_outside_kind", "a rule concluded a status its kind does not allow (an informational rule failed, a review-only rule passed)",
       "report this to the reqcheck maintainers"},
  };
  return codes;
}

const CodeInfo* find_code(std::string_view code) {
  const auto& codes = diagnostic_codes();
  const auto it = std::find_if(codes.begin(), codes.end(), [&](const CodeInfo& c) { return c.code == code; });
  return it == codes.end() ? nullptr : &*it;
}

Diagnostic diag(std::string_view code, std::string pointer, std::string message, std::string help) {
  if (help.empty())
    if (const CodeInfo* info = find_code(code)) help = std::string(info->help);
  Diagnostic d{std::move(pointer), 0, 0, std::move(message), std::move(help), false};
  d.code = std::string(code);
  return d;
}

std::string strip_library_id(std::string_view what) {
  // `[json.exception.<kind>.<id>] ` and, for parse errors, `parse error at line L, column C: `
  if (what.rfind("[json.exception.", 0) == 0)
    if (const auto close = what.find("] "); close != std::string_view::npos) what.remove_prefix(close + 2);
  if (what.rfind("parse error", 0) == 0)
    if (const auto colon = what.find(": "); colon != std::string_view::npos) what.remove_prefix(colon + 2);
  return std::string(what);
}

}  // namespace reqcheck::parse
