// ETSI TS 103 120 (HI-1) → reqcheck.request/1. Each CREATE'd AuthorisationObject, with the
// LDTaskObjects and DocumentObjects associated with it, becomes one request; every value set
// keeps the HI-1 element it came from. What HI-1 cannot carry (offence category, target role,
// language, requester, legal provisions) stays absent so that the rules say so.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "import/hi1_tree.hpp"
#include "parse/diagnostic.hpp"

namespace reqcheck::import {

/// Where an imported value came from: the HI-1 element's path and its line and column.
struct Source {
  std::string path;
  int line = 0;
  int column = 0;
};

/// One request converted from an HI-1 message. `request` is a reqcheck.request/1 document;
/// `sources` maps JSON Pointers of `request` to HI-1 elements; `missing` lists the request
/// fields HI-1 did not supply that the rules need (e.g. `/targets/0/role`).
struct ImportedRequest {
  nlohmann::ordered_json request;
  std::map<std::string, Source> sources;
  std::vector<std::string> missing;

  /// The source of `pointer` or of its nearest ancestor that has one; nullptr if none.
  const Source* source_of(const std::string& pointer) const;
};

/// The requests of a message (one per authorisation), or the errors that stop the import.
struct Hi1Import {
  Hi1Form form = Hi1Form::xml;
  std::vector<ImportedRequest> requests;
  parse::Diagnostics errors;
};

/// Imports an HI-1 message, XML or JSON rendering. Never throws; errors carry line and column.
Hi1Import import_hi1(std::string_view text);

/// Splits a message with several authorisations into messages with one each (the other
/// authorisations' CREATE actions removed), in the same form. A message with one or none is
/// returned whole; so is one that does not parse (the check reports its errors).
std::vector<std::string> split_hi1(std::string_view text);

}  // namespace reqcheck::import
