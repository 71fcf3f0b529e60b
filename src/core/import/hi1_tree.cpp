// Builds the neutral Node tree from HI-1 XML (pugixml) or the JSON rendering (nlohmann/json via
// the engine's located reader). Recursion is bounded by parse::kMaxDepth levels.
#include "import/hi1_tree.hpp"

#include <cstdint>
#include <cstdio>
#include <map>

#include <pugixml.hpp>

#include "parse/codes.hpp"
#include "parse/json_text.hpp"
#include "parse/limits.hpp"

#include "ident/identifiers.hpp"

namespace reqcheck::import {
namespace {

constexpr std::size_t kMaxXmlDepth = 64;  // HI-1 nests about 12 levels

std::string_view local_name(std::string_view qname) {
  if (!qname.empty() && qname.front() == '{') {  // Clark notation {uri}Local
    const auto close = qname.find('}');
    return close == std::string_view::npos ? qname : qname.substr(close + 1);
  }
  const auto colon = qname.rfind(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

/// The namespace URI of a qualified name `prefix:local` (or Clark `{uri}local`) given the
/// declarations in scope; an unprefixed name takes the default namespace when `use_default`
/// (elements, QName values), none otherwise (attributes). An undeclared prefix has no URI.
std::string uri_of(const std::map<std::string, std::string>& ns, std::string_view qname, bool use_default) {
  if (!qname.empty() && qname.front() == '{') {
    const auto close = qname.find('}');
    return close == std::string_view::npos ? std::string{} : std::string(qname.substr(1, close - 1));
  }
  const auto colon = qname.find(':');
  if (colon == std::string_view::npos && !use_default) return {};
  const std::string prefix = colon == std::string_view::npos ? "" : std::string(qname.substr(0, colon));
  const auto it = ns.find(prefix);
  return it == ns.end() ? std::string{} : it->second;
}

/// The prefixes the JSON rendering uses without declaring them (ETSI's JSON schemas fix them);
/// a declaration (`@xmlns:p`) in scope takes precedence.
std::map<std::string, std::string> json_default_prefixes() {
  return {{"", std::string(kCoreNamespace)},           {"common", std::string(kCommonNamespace)},
          {"task", std::string(kTaskNamespace)},      {"auth", std::string(kAuthorisationNamespace)},
          {"doc", std::string(kDocumentNamespace)},   {"etsi", std::string(kTypesNamespace)},
          {"etsi280", std::string(kTypesNamespace)},  {"xsi", std::string(kXsiNamespace)}};
}

/// An error about the message as a whole (pointer ""), located at `line`:`column`.
parse::Diagnostic error(std::string_view code, int line, int column, std::string message, std::string help) {
  auto d = parse::diag(code, "", std::move(message), std::move(help));
  d.line = line;
  d.column = column;
  return d;
}

/// Reads XML elements into Nodes, resolving namespace prefixes in scope.
class XmlReader {
 public:
  XmlReader(const parse::Locations& loc, parse::Diagnostics& errors) : loc_(loc), errors_(errors) {}

  bool read(const pugi::xml_node& el, const std::string& path, std::map<std::string, std::string> ns, std::size_t depth, Node& out,
            std::string* ns_uri) {
    if (depth > kMaxXmlDepth) {
      const auto [line, col] = loc_.line_column(static_cast<std::size_t>(el.offset_debug()));
      errors_.push_back(error("INPUT.too_deep", line, col, "the XML nests deeper than " + std::to_string(kMaxXmlDepth) + " levels",
                              "an HI-1 message nests about 12 levels; check that this is the right file"));
      return false;
    }
    for (auto a : el.attributes()) {
      const std::string_view n = a.name();
      if (n == "xmlns") ns[""] = a.value();
      else if (n.rfind("xmlns:", 0) == 0) ns[std::string(n.substr(6))] = a.value();
    }
    const std::string_view qname = el.name();
    out.ns = uri_of(ns, qname, true);
    if (ns_uri) *ns_uri = out.ns;
    out.name = std::string(local_name(qname));
    out.path = path;
    const auto [line, col] = loc_.line_column(static_cast<std::size_t>(std::max<std::ptrdiff_t>(el.offset_debug(), 0)));
    out.line = line;
    out.column = col;
    // an unprefixed attribute is in no namespace: only a prefix bound to XSI makes `type` xsi:type
    for (auto a : el.attributes()) {
      const std::string_view an = a.name();
      if (local_name(an) != "type" || an.find(':') == std::string_view::npos || uri_of(ns, an, false) != kXsiNamespace) continue;
      out.type_ns = uri_of(ns, a.value(), true);
      out.type = std::string(local_name(a.value()));
    }
    std::map<std::string, int> counts, seen;
    for (auto c : el.children())
      if (c.type() == pugi::node_element) ++counts[std::string(local_name(c.name()))];
    std::string text;
    for (auto c : el.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        text += c.value();
        continue;
      }
      if (c.type() != pugi::node_element) continue;
      const std::string child_name(local_name(c.name()));
      std::string child_path = path + "/" + child_name;
      if (counts[child_name] > 1) child_path += "[" + std::to_string(++seen[child_name]) + "]";
      Node child;
      if (!read(c, child_path, ns, depth + 1, child, nullptr)) return false;
      out.children.push_back(std::move(child));
    }
    if (out.children.empty()) out.text = trim(text);
    return true;
  }

 private:
  const parse::Locations& loc_;
  parse::Diagnostics& errors_;
};

bool read_json_node(const nlohmann::json& v, const std::string& name, const std::string& pointer, const parse::Locations& loc,
                    std::size_t depth, std::map<std::string, std::string> ns, Node& out) {
  if (depth > kMaxXmlDepth) return false;
  // the declarations on this object apply to its own name too, as xmlns attributes do in XML
  if (v.is_object())
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!it->is_string()) continue;
      if (it.key() == "@xmlns") ns[""] = it->get<std::string>();
      else if (it.key().rfind("@xmlns:", 0) == 0) ns[it.key().substr(7)] = it->get<std::string>();
    }
  out.ns = uri_of(ns, name, true);
  out.name = std::string(local_name(name));
  out.path = pointer;
  const auto [line, col] = loc.key(pointer);
  out.line = line;
  out.column = col;
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string& key = it.key();
      const std::string child_ptr = parse::pointer_append(pointer, key);
      if (!key.empty() && key.front() == '@') {
        const std::string_view attr = std::string_view(key).substr(1);
        if (local_name(attr) == "type" && attr.find(':') != std::string_view::npos && uri_of(ns, attr, false) == kXsiNamespace &&
            it->is_string()) {
          out.type_ns = uri_of(ns, it->get<std::string>(), true);
          out.type = std::string(local_name(it->get<std::string>()));
        }
        continue;
      }
      if (key == "#text" && it->is_string()) {
        out.text = trim(it->get<std::string>());
        continue;
      }
      if (it->is_array()) {
        for (std::size_t i = 0; i < it->size(); ++i) {
          Node child;
          if (!read_json_node((*it)[i], key, parse::pointer_append(child_ptr, i), loc, depth + 1, ns, child)) return false;
          out.children.push_back(std::move(child));
        }
      } else {
        Node child;
        if (!read_json_node(*it, key, child_ptr, loc, depth + 1, ns, child)) return false;
        out.children.push_back(std::move(child));
      }
    }
  } else if (v.is_string()) {
    out.text = trim(v.get<std::string>());
  } else if (v.is_boolean() || v.is_number()) {
    out.text = v.dump();
  }
  return true;
}

/// A character XML 1.0 allows (production [2] Char).
bool xml_char(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/// What pugixml accepts but XML forbids, found in the raw text (valid UTF-8, no NUL): a
/// character XML does not allow (a control character, U+FFFE, U+FFFF), and outside CDATA
/// sections, comments and processing instructions, an `&` that does not start a well-formed
/// reference to one of the five predefined entities or to an allowed character. pugixml keeps
/// such text as written, or decodes `&#0;` and `&#xD800;` into a value that is then cut at the
/// NUL or is not UTF-8. Returns the offset and the reason, or npos.
std::pair<std::size_t, std::string> first_bad_markup(std::string_view t) {
  const auto skip_to = [&](std::size_t from, std::string_view end) {
    const auto at = t.find(end, from);
    return at == std::string_view::npos ? t.size() : at + end.size();
  };
  for (std::size_t i = 0; i < t.size();) {
    const auto b = static_cast<unsigned char>(t[i]);
    if (b < 0x20 && b != 0x9 && b != 0xA && b != 0xD) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "U+%04X", b);
      return {i, std::string("the control character ") + hex + ", which XML text never contains"};
    }
    if (b == 0xEF && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(t[i + 2]) == 0xBE || static_cast<unsigned char>(t[i + 2]) == 0xBF))
      return {i, "the noncharacter U+FFFE or U+FFFF, which XML text never contains"};
    if (t.substr(i, 9) == "<![CDATA[") {
      i = skip_to(i + 9, "]]>");
      continue;
    }
    if (t.substr(i, 4) == "<!--") {
      i = skip_to(i + 4, "-->");
      continue;
    }
    if (t.substr(i, 2) == "<?") {
      i = skip_to(i + 2, "?>");
      continue;
    }
    if (b == '&') {
      const auto semi = t.find(';', i);
      const std::string_view ref = semi == std::string_view::npos || semi - i > 12 ? t.substr(i, 8) : t.substr(i, semi - i + 1);
      const bool named = ref == "&amp;" || ref == "&lt;" || ref == "&gt;" || ref == "&quot;" || ref == "&apos;";
      bool numeric = false;
      if (!named && ref.size() > 3 && ref[1] == '#' && ref.back() == ';') {
        const bool hex = ref[2] == 'x';
        const std::string_view digits = ref.substr(hex ? 3 : 2, ref.size() - (hex ? 4 : 3));
        std::uint64_t value = 0;
        bool ok = !digits.empty() && digits.size() <= 8;
        for (const char c : digits) {
          const int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
          if (d < 0) ok = false;
          else value = value * (hex ? 16 : 10) + static_cast<std::uint64_t>(d);
        }
        if (ok && !xml_char(static_cast<std::uint32_t>(value > 0x10FFFF ? 0x110000 : value)))
          return {i, "`" + std::string(ref) + "` refers to a character XML text never contains"};
        numeric = ok;
      }
      if (!named && !numeric)
        return {i, "`" + std::string(ref) + "` is not a reference XML knows (write a literal `&` as `&amp;`; entities of a DTD are refused)"};
      i += ref.size();
      continue;
    }
    ++i;
  }
  return {std::string_view::npos, {}};
}

Hi1Tree read_xml(std::string_view text) {
  Hi1Tree tree;
  tree.form = Hi1Form::xml;
  parse::Locations loc;
  loc.set_text(text);
  // pugixml stops at a NUL byte as at the end of the buffer: a second root, or anything else
  // after one, would be silently ignored
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto [line, col] = loc.line_column(nul);
    tree.errors.push_back(error("INPUT.nul_byte", line, col, "the XML holds a NUL byte (U+0000), which XML text never contains",
                                "remove the NUL byte: it often marks a file that was truncated, padded or joined to another"));
    return tree;
  }
  if (const auto bad = ident::first_invalid_utf8(text); bad != std::string_view::npos) {
    const auto [line, col] = loc.line_column(bad);
    tree.errors.push_back(error("INPUT.invalid_utf8", line, col, "the XML is not valid UTF-8 at line " + std::to_string(line) + ", column " + std::to_string(col),
                                "save the message as UTF-8"));
    return tree;
  }
  // a message with a DOCTYPE is refused for it below (its entities are never expanded)
  if (const auto [at, why] = text.find("<!DOCTYPE") == std::string_view::npos ? first_bad_markup(text)
                                                                                : std::pair<std::size_t, std::string>{std::string_view::npos, {}};
      at != std::string_view::npos) {
    const auto [line, col] = loc.line_column(at);
    tree.errors.push_back(error("INPUT.hi1_malformed_xml", line, col, "the XML is malformed: " + why,
                                "correct the XML at line " + std::to_string(line) + ", column " + std::to_string(col)));
    return tree;
  }
  pugi::xml_document doc;
  const auto result = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
  if (!result) {
    const auto [line, col] = loc.line_column(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)));
    tree.errors.push_back(error("INPUT.hi1_malformed_xml", line, col, std::string("the XML is malformed: ") + result.description(),
                                "correct the XML at line " + std::to_string(line) + ", column " + std::to_string(col)));
    return tree;
  }
  for (auto n : doc.children()) {
    if (n.type() == pugi::node_doctype) {
      const auto [line, col] = loc.line_column(static_cast<std::size_t>(std::max<std::ptrdiff_t>(n.offset_debug(), 0)));
      tree.errors.push_back(error("INPUT.hi1_doctype", line, col, "the XML has a DOCTYPE, which HI-1 messages never carry",
                                  "remove the DOCTYPE: entity declarations are refused, so no entity is expanded or fetched"));
      return tree;
    }
  }
  int roots = 0;
  for (auto n : doc.children()) roots += n.type() == pugi::node_element;
  if (roots > 1) {
    tree.errors.push_back(error("INPUT.hi1_several_roots", 1, 1, "the XML has " + std::to_string(roots) + " root elements; a message has one",
                                "remove what follows `</HI1Message>`"));
    return tree;
  }
  const auto root = doc.document_element();
  if (std::string_view(local_name(root.name())) != "HI1Message") {
    tree.errors.push_back(error("INPUT.hi1_not_a_message", 1, 1, "the XML root is `" + std::string(root.name()) + "`, not `HI1Message`",
                                "load an ETSI TS 103 120 message, or a reqcheck.request/1 JSON request"));
    return tree;
  }
  XmlReader reader(loc, tree.errors);
  std::string ns;
  if (!reader.read(root, "/HI1Message", {}, 0, tree.root, &ns)) return tree;
  if (ns != kCoreNamespace)
    tree.errors.push_back(error("INPUT.hi1_wrong_namespace", tree.root.line, tree.root.column,
                                "`HI1Message` is in the namespace `" + ns + "`, not the TS 103 120 Core namespace",
                                "declare xmlns=\"" + std::string(kCoreNamespace) + "\" on `HI1Message`"));
  return tree;
}

Hi1Tree read_json(std::string_view text) {
  Hi1Tree tree;
  tree.form = Hi1Form::json;
  auto doc = parse::read_json(text);
  tree.errors = doc.diagnostics;
  if (!doc.json) return tree;
  if (!doc.json->is_object() || !doc.json->contains("HI1Message")) {
    tree.errors.push_back(error("INPUT.hi1_not_a_message", 1, 1, "the JSON has no `HI1Message`", "load an ETSI TS 103 120 message"));
    return tree;
  }
  const auto& msg = (*doc.json)["HI1Message"];
  if (!read_json_node(msg, "HI1Message", "/HI1Message", doc.locations, 0, json_default_prefixes(), tree.root)) {
    tree.errors.push_back(error("INPUT.too_deep", 1, 1, "the message nests too deeply", "check that this is the right file"));
    return tree;
  }
  if (tree.root.ns != kCoreNamespace)
    tree.errors.push_back(error("INPUT.hi1_wrong_namespace", tree.root.line, tree.root.column, "`HI1Message` is not in the TS 103 120 Core namespace",
                                "set `@xmlns` to `" + std::string(kCoreNamespace) + "`"));
  return tree;
}

}  // namespace

bool Node::is(std::string_view uri, std::string_view n) const { return name == n && ns == uri; }

bool Node::has_type(std::string_view uri, std::string_view t) const { return type == t && type_ns == uri; }

const Node* Node::child(std::string_view uri, std::string_view n) const {
  for (const auto& c : children)
    if (c.is(uri, n)) return &c;
  return nullptr;
}

std::vector<const Node*> Node::all(std::string_view uri, std::string_view n) const {
  std::vector<const Node*> out;
  for (const auto& c : children)
    if (c.is(uri, n)) out.push_back(&c);
  return out;
}

const Node* Node::at(std::initializer_list<std::pair<std::string_view, std::string_view>> steps) const {
  const Node* cur = this;
  for (const auto& [uri, n] : steps) {
    if (!cur) break;
    cur = cur->child(uri, n);
  }
  return cur;
}

bool looks_like_hi1(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  if (text[first] == '<') return true;
  if (text[first] != '{') return false;
  const auto key = text.find_first_not_of(" \t\r\n", first + 1);
  return key != std::string_view::npos && text.substr(key, 12) == "\"HI1Message\"";
}

Hi1Tree read_hi1_tree(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.size() > parse::kMaxInputBytes) {
    Hi1Tree tree;
    tree.errors.push_back(error("INPUT.too_large", 1, 1, "the message is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                                          std::to_string(parse::kMaxInputBytes) + " bytes",
                                "check that this is the right file"));
    return tree;
  }
  const auto first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '<' ? read_xml(text) : read_json(text);
}

}  // namespace reqcheck::import
