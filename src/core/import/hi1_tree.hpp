// A format-neutral tree of an ETSI TS 103 120 (HI-1) message, read from its XML form (pugixml,
// namespaces resolved by URI, never by prefix) or its JSON rendering (prefixed keys, `@`
// attributes, arrays for repeats). Every node keeps its source path and line, so findings can
// point at the original element. Refuses DOCTYPEs: no entity is ever expanded or fetched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/diagnostic.hpp"

namespace reqcheck::import {

/// The TS 103 120 Core namespace, which the root `HI1Message` must carry.
inline constexpr std::string_view kCoreNamespace = "http://uri.etsi.org/03120/common/2019/10/Core";

/// One element. `name`: local name (prefix removed); `type`: local name of its `xsi:type`
/// (e.g. `AuthorisationObject`), empty if none; `text`: trimmed text of a leaf; `path`:
/// XPath-like for XML (`/HI1Message/Header/Timestamp`, `[n]` 1-based among same-named
/// siblings when repeated) or a JSON Pointer for the JSON rendering; `line`/`column`: 1-based.
struct Node {
  std::string name;
  std::string type;
  std::string text;
  std::string path;
  int line = 0;
  int column = 0;
  std::vector<Node> children;

  /// The first child named `name`, or nullptr.
  const Node* child(std::string_view name) const;
  /// All children named `name`.
  std::vector<const Node*> all(std::string_view name) const;
  /// The node at a `/`-separated relative path of child names (`Header/Timestamp`), or nullptr.
  const Node* at(std::string_view relative) const;
};

/// The source form of a message.
enum class Hi1Form { xml, json };

/// A parsed message: `root` is the `HI1Message` element when `errors` holds no error.
struct Hi1Tree {
  Hi1Form form = Hi1Form::xml;
  Node root;
  parse::Diagnostics errors;
};

/// True if the text is an HI-1 message: an XML document (first non-blank character `<`) or a
/// JSON object whose first member is `HI1Message`.
bool looks_like_hi1(std::string_view text);

/// Parses either form. Errors (malformed XML with line and column, a DOCTYPE, a root other than
/// `HI1Message`, the wrong namespace, nesting deeper than the limit) are diagnostics whose
/// pointer is empty; never throws.
Hi1Tree read_hi1_tree(std::string_view text);

}  // namespace reqcheck::import
