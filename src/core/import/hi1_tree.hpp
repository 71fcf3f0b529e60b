// A format-neutral tree of an ETSI TS 103 120 (HI-1) message, read from its XML form (pugixml,
// namespaces resolved by URI, never by prefix) or its JSON rendering (prefixed keys, `@`
// attributes, arrays for repeats). Every node keeps its source path and line, so findings can
// point at the original element. Refuses DOCTYPEs: no entity is ever expanded or fetched.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parse/diagnostic.hpp"

namespace reqcheck::import {

/// The TS 103 120 Core namespace, which the root `HI1Message` must carry.
inline constexpr std::string_view kCoreNamespace = "http://uri.etsi.org/03120/common/2019/10/Core";
/// TS 103 120 Common (dictionary entries, approval details).
inline constexpr std::string_view kCommonNamespace = "http://uri.etsi.org/03120/common/2016/02/Common";
/// TS 103 120 Task (LDTaskObject, LITaskObject and their elements).
inline constexpr std::string_view kTaskNamespace = "http://uri.etsi.org/03120/common/2020/09/Task";
/// TS 103 120 Authorisation (AuthorisationObject and its elements).
inline constexpr std::string_view kAuthorisationNamespace = "http://uri.etsi.org/03120/common/2020/09/Authorisation";
/// TS 103 120 Document (DocumentObject and its elements).
inline constexpr std::string_view kDocumentNamespace = "http://uri.etsi.org/03120/common/2020/09/Document";
/// TS 103 280 common types (e.g. the EndpointID's CountryCode and UniqueIdentifier).
inline constexpr std::string_view kTypesNamespace = "http://uri.etsi.org/03280/common/2017/07";
/// XML Schema instance (`xsi:type`).
inline constexpr std::string_view kXsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

/// One element. `ns`: its namespace URI (resolved from the prefixes in scope, never the prefix
/// itself); `name`: local name; `type_ns`/`type`: namespace URI and local name of its
/// `xsi:type` (e.g. the Authorisation namespace and `AuthorisationObject`), empty if none;
/// `text`: trimmed text of a leaf; `path`: XPath-like for XML (`/HI1Message/Header/Timestamp`,
/// `[n]` 1-based among same-named siblings when repeated) or a JSON Pointer for the JSON
/// rendering; `line`/`column`: 1-based.
struct Node {
  std::string ns;
  std::string name;
  std::string type_ns;
  std::string type;
  std::string text;
  std::string path;
  int line = 0;
  int column = 0;
  std::vector<Node> children;

  /// True if this element is `name` in the namespace `ns`.
  bool is(std::string_view ns, std::string_view name) const;
  /// True if its `xsi:type` is `type` in the namespace `ns`.
  bool has_type(std::string_view ns, std::string_view type) const;
  /// The first child that is `name` in namespace `ns`, or nullptr.
  const Node* child(std::string_view ns, std::string_view name) const;
  /// All children that are `name` in namespace `ns`.
  std::vector<const Node*> all(std::string_view ns, std::string_view name) const;
  /// The node at a path of (namespace, local name) steps, or nullptr.
  const Node* at(std::initializer_list<std::pair<std::string_view, std::string_view>> steps) const;
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
