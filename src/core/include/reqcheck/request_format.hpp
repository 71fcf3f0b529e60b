// The fields of reqcheck.request/1 as one table: pointer pattern, kind, allowed values, label
// and hint. The reader walks it (field lists, kinds, enum values), the form draws it, and a unit
// test holds it against assets/schema/request.schema.json. Standard headers only, so that the
// app can include it without the engine's JSON library.
#pragma once

#include <string_view>
#include <vector>

namespace reqcheck {

/// What a field holds. Every field may also be JSON null, and a string-valued one (string,
/// text, enum_, constant, datetime, date) a blank string: both read as absent.
enum class FieldKind {
  object,    ///< a JSON object; its fields are the entries `<pointer>/<name>`
  array,     ///< a JSON array; its element is the entry `<pointer>/*`
  string,    ///< a one-line string (names, identifiers, references)
  text,      ///< a free-text string that may run over several lines
  enum_,     ///< a string, one of `values`
  constant,  ///< a string that must equal `values[0]` (the `schema` identifier)
  datetime,  ///< an RFC 3339 date-time with seconds and an offset
  date,      ///< an RFC 3339 full-date `YYYY-MM-DD`, or a date-time as for `datetime`
  boolean,   ///< `true` or `false`
  number,    ///< a JSON number, 0 or more (years, hours)
};

/// One field of reqcheck.request/1.
struct FieldSpec {
  /// JSON Pointer pattern of the field: `/issuing_authority/type`; the elements of an array are
  /// `*`, as in `/targets/*/type` (the element itself is `/targets/*`).
  std::string_view pointer;
  FieldKind kind;
  /// The allowed values of an `enum_` (in request-format.md's order) or the one value of a
  /// `constant`; empty for other kinds.
  std::vector<std::string_view> values = {};
  /// Short label for a form, in sentence case (`Issued on`).
  std::string_view label = {};
  /// Example or format reminder shown in an empty input (`YYYY-MM-DD or date-time`); may be empty.
  std::string_view hint = {};
};

/// Every field of reqcheck.request/1, each object or array before its fields and fields in
/// request-format.md's order, with frameworks.md §6's additions beside the fields they go with
/// (the addressee after the service, prior orders after the instrument, the notification after
/// the validating authority, preservation after the data requested): the form's order. Built once; the reference stays valid for the program's life.
const std::vector<FieldSpec>& request_fields();

/// The entry whose pattern is exactly `pattern` (`/targets/*/type`), or nullptr.
const FieldSpec* find_field(std::string_view pattern);

/// The direct children of the object entry `pattern` ("" for the top level, `/targets/*` for
/// a target), in table order; empty for a pattern that is no object of the table. The reference
/// stays valid for the program's life.
const std::vector<const FieldSpec*>& child_fields(std::string_view pattern);

/// The last token of a pattern: `type` for `/targets/*/type`.
std::string_view field_name(const FieldSpec& field);

/// A reader's label for an enum value, for the form: "Court order" for `court_order`, "European
/// Production Order Certificate (EPOC)" for `epoc`, "IP address" for `ip_address`. The terms
/// and acronyms of the field for the values that have them (request-format.md, frameworks.md),
/// else the id with spaces for underscores and a capital first letter. The id itself stays the
/// value written to the request; the form shows both.
std::string value_label(std::string_view value);

}  // namespace reqcheck
