// md4c's callbacks turned into blocks (markdown.hpp). md4c does the parsing; this file keeps
// track of where the text it hands over belongs: a heading, a paragraph, a list item, a table
// cell or a code block.
#include "state/markdown.hpp"

#include "ident/identifiers.hpp"

#include <cstdlib>
#include <string>

extern "C" {
#include <entity.h>
#include <md4c-html.h>
#include <md4c.h>
}

// md4c's lookup of named character references (entity.h), in place of its entity.c: the
// common ones, sorted by name; any other stays as written, as CommonMark says of unknown ones.
extern "C" const struct entity* entity_lookup(const char* name, size_t name_size) {
  static const struct entity known[] = {
      {"&amp;", {38, 0}},      {"&apos;", {39, 0}},     {"&bull;", {8226, 0}},  {"&copy;", {169, 0}},
      {"&deg;", {176, 0}},     {"&euro;", {8364, 0}},   {"&ge;", {8805, 0}},    {"&gt;", {62, 0}},
      {"&hellip;", {8230, 0}}, {"&laquo;", {171, 0}},   {"&larr;", {8592, 0}},  {"&ldquo;", {8220, 0}},
      {"&le;", {8804, 0}},     {"&lsquo;", {8216, 0}},  {"&lt;", {60, 0}},      {"&mdash;", {8212, 0}},
      {"&middot;", {183, 0}},  {"&nbsp;", {160, 0}},    {"&ndash;", {8211, 0}}, {"&para;", {182, 0}},
      {"&plusmn;", {177, 0}},  {"&quot;", {34, 0}},     {"&raquo;", {187, 0}},  {"&rarr;", {8594, 0}},
      {"&rdquo;", {8221, 0}},  {"&rsquo;", {8217, 0}},  {"&sect;", {167, 0}},   {"&times;", {215, 0}},
  };
  const std::string_view want(name, name_size);
  for (const auto& e : known)
    if (want == e.name) return &e;
  return nullptr;
}

namespace reqcheck::app::md {
namespace {

/// The text of an entity as md4c hands it over verbatim (`&amp;`, `&#8804;`, `&#x2264;`); one
/// it does not know stays as written, as CommonMark asks.
std::string decode_entity(std::string_view e) {
  std::string out;
  if (e.size() > 3 && e[1] == '#') {
    const bool hex = e[2] == 'x' || e[2] == 'X';
    const std::string digits(e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3)));
    out = ident::utf8(static_cast<char32_t>(std::strtoul(digits.c_str(), nullptr, hex ? 16 : 10)));
    return out;
  }
  if (const entity* known = entity_lookup(e.data(), e.size())) {
    out = ident::utf8(known->codepoints[0]);
    if (known->codepoints[1] != 0) out += ident::utf8(known->codepoints[1]);
    return out;
  }
  return std::string(e);
}

struct Builder {
  std::vector<Block> out;
  int run_block = -1;       // index in `out` whose `runs` take inline text; -1: none
  int table_block = -1;     // the table being filled
  bool in_head = false;     // in the table's header row
  bool in_cell = false;     // inline text goes to the last cell
  bool in_code = false;     // text goes to out.back().code verbatim
  int strong = 0, emphasis = 0, code_span = 0;
  std::vector<std::string> links;  // hrefs of the links entered
  struct List {
    bool ordered;
    int next;
  };
  std::vector<List> lists;
  int quote = 0;
  bool item_open = false;  // a list item's block takes the item's first paragraph
  bool pending_break = false;

  Block& open(BlockKind kind, int level = 0) {
    out.push_back(Block{});
    out.back().kind = kind;
    out.back().level = level;
    return out.back();
  }

  std::vector<Run>& target() {
    if (in_cell && table_block >= 0) {
      Block& t = out[static_cast<std::size_t>(table_block)];
      if (in_head) return t.header.back();
      return t.rows.back().back();
    }
    if (run_block < 0) {  // text outside any paragraph (raw HTML): a paragraph of its own
      open(quote > 0 ? BlockKind::quote : BlockKind::paragraph, static_cast<int>(lists.size()));
      run_block = static_cast<int>(out.size()) - 1;
    }
    return out[static_cast<std::size_t>(run_block)].runs;
  }

  void add_text(std::string_view text) {
    std::vector<Run>& runs = target();
    const bool code = code_span > 0, is_strong = strong > 0, is_em = emphasis > 0;
    const std::string href = links.empty() ? std::string() : links.back();
    if (!pending_break && !runs.empty()) {
      Run& last = runs.back();
      if (last.code == code && last.strong == is_strong && last.emphasis == is_em && last.href == href) {
        last.text += text;
        return;
      }
    }
    Run r;
    r.text = std::string(text);
    r.code = code;
    r.strong = is_strong;
    r.emphasis = is_em;
    r.href = href;
    r.line_break = pending_break;
    pending_break = false;
    runs.push_back(std::move(r));
  }

  int enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_QUOTE: ++quote; break;
      case MD_BLOCK_UL: lists.push_back({false, 0}); break;
      case MD_BLOCK_OL: lists.push_back({true, static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)}); break;
      case MD_BLOCK_LI: {
        Block& b = open(BlockKind::list_item, static_cast<int>(lists.size()));
        if (!lists.empty() && lists.back().ordered) b.number = lists.back().next++;
        run_block = static_cast<int>(out.size()) - 1;
        item_open = true;
        break;
      }
      case MD_BLOCK_P:
        // a loose list item's first paragraph is the item's own text
        if (item_open && run_block >= 0 && out[static_cast<std::size_t>(run_block)].runs.empty()) break;
        open(quote > 0 ? BlockKind::quote : BlockKind::paragraph, static_cast<int>(lists.size()));
        run_block = static_cast<int>(out.size()) - 1;
        break;
      case MD_BLOCK_H:
        open(BlockKind::heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
        run_block = static_cast<int>(out.size()) - 1;
        break;
      case MD_BLOCK_CODE: {
        const auto* d = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        Block& b = open(BlockKind::code_block, static_cast<int>(lists.size()));
        b.info.assign(d->info.text, d->info.size);
        in_code = true;
        break;
      }
      case MD_BLOCK_HTML:
        open(BlockKind::code_block, static_cast<int>(lists.size()));
        in_code = true;
        break;
      case MD_BLOCK_HR: open(BlockKind::thematic_break); break;
      case MD_BLOCK_TABLE:
        open(BlockKind::table);
        table_block = static_cast<int>(out.size()) - 1;
        break;
      case MD_BLOCK_THEAD: in_head = true; break;
      case MD_BLOCK_TBODY: in_head = false; break;
      case MD_BLOCK_TR:
        if (!in_head && table_block >= 0) out[static_cast<std::size_t>(table_block)].rows.emplace_back();
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (table_block >= 0) {
          Block& t = out[static_cast<std::size_t>(table_block)];
          if (in_head) t.header.emplace_back();
          else t.rows.back().emplace_back();
          in_cell = true;
        }
        break;
      case MD_BLOCK_DOC: break;
    }
    pending_break = false;
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_QUOTE: --quote; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        if (!lists.empty()) lists.pop_back();
        break;
      case MD_BLOCK_LI:
        item_open = false;
        run_block = -1;
        break;
      case MD_BLOCK_P:
        item_open = false;
        run_block = -1;
        break;
      case MD_BLOCK_H: run_block = -1; break;
      case MD_BLOCK_CODE:
      case MD_BLOCK_HTML: in_code = false; break;
      case MD_BLOCK_TABLE: table_block = -1; break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: in_cell = false; break;
      default: break;
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_STRONG: ++strong; break;
      case MD_SPAN_EM: ++emphasis; break;
      case MD_SPAN_CODE: ++code_span; break;
      case MD_SPAN_A: {
        const auto* d = static_cast<MD_SPAN_A_DETAIL*>(detail);
        links.emplace_back(d->href.text, d->href.size);
        break;
      }
      default: break;
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type) {
    switch (type) {
      case MD_SPAN_STRONG: --strong; break;
      case MD_SPAN_EM: --emphasis; break;
      case MD_SPAN_CODE: --code_span; break;
      case MD_SPAN_A:
        if (!links.empty()) links.pop_back();
        break;
      default: break;
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, std::string_view t) {
    if (in_code) {
      if (!out.empty()) out.back().code += t;
      return 0;
    }
    switch (type) {
      case MD_TEXT_SOFTBR: add_text(" "); break;
      case MD_TEXT_BR: pending_break = true; break;
      case MD_TEXT_ENTITY: add_text(decode_entity(t)); break;
      case MD_TEXT_NULLCHAR: add_text("\xEF\xBF\xBD"); break;
      default: add_text(t); break;
    }
    return 0;
  }
};

}  // namespace

std::vector<Block> parse(std::string_view markdown) {
  Builder b;
  MD_PARSER parser{};
  parser.flags = MD_FLAG_TABLES | MD_FLAG_NOHTML | MD_FLAG_STRIKETHROUGH;
  parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_block(t, d); };
  parser.leave_block = [](MD_BLOCKTYPE t, void*, void* u) { return static_cast<Builder*>(u)->leave_block(t); };
  parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return static_cast<Builder*>(u)->enter_span(t, d); };
  parser.leave_span = [](MD_SPANTYPE t, void*, void* u) { return static_cast<Builder*>(u)->leave_span(t); };
  parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { return static_cast<Builder*>(u)->text(t, std::string_view(s, n)); };
  if (md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &b) != 0) {
    Block whole;
    whole.runs.emplace_back();
    whole.runs.back().text = std::string(markdown);
    return {whole};
  }
  return std::move(b.out);
}

std::string to_html(std::string_view markdown) {
  std::string out;
  const auto append = [](const MD_CHAR* text, MD_SIZE size, void* u) { static_cast<std::string*>(u)->append(text, size); };
  if (md_html(markdown.data(), static_cast<MD_SIZE>(markdown.size()), append, &out, MD_FLAG_TABLES | MD_FLAG_NOHTML | MD_FLAG_STRIKETHROUGH,
              0) != 0) {
    return {};
  }
  return out;
}

std::string plain_text(const std::vector<Run>& runs) {
  std::string out;
  for (const Run& r : runs) {
    if (r.line_break) out += '\n';
    out += r.text;
  }
  return out;
}

}  // namespace reqcheck::app::md
