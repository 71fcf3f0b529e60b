// The rule pages (assets/rules/*.md) as blocks the rules browser can draw: headings,
// paragraphs, list items, code blocks and tables, each paragraph a list of styled runs. The
// Markdown is parsed by md4c (CommonMark with GitHub tables, from Debian's source package), not
// by hand; this file only turns md4c's callbacks into these plain structures, which build
// natively too so that their tests need no ImGui.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace reqcheck::app::md {

/// A piece of inline text with one style. `text` is UTF-8 with Markdown syntax removed (no
/// backticks, no emphasis markers, entities decoded, soft line breaks as one space).
struct Run {
  std::string text;
  bool code = false;      ///< a code span: drawn in the monospace font
  bool strong = false;    ///< `**...**` or `__...__`
  bool emphasis = false;  ///< `*...*` or `_..._`
  std::string href;       ///< the target of a link (shown, never followed: nothing leaves the page)
  bool line_break = false;  ///< a hard line break before `text`
};

/// A table cell: its runs.
using Cell = std::vector<Run>;

/// The kinds of block the rules browser draws.
enum class BlockKind { heading, paragraph, list_item, code_block, table, thematic_break, quote };

/// One block, in document order.
/// - `heading`: `level` 1–6 and `runs`;
/// - `paragraph`: `runs` (`level` > 0 when inside a list item, for the indentation);
/// - `list_item`: `runs` of the item's first paragraph, `level` its nesting (1 outermost),
///   `number` its ordinal in an ordered list (0 in a bullet list); an item's further paragraphs
///   follow as `paragraph` blocks of the same `level`;
/// - `code_block`: `code` verbatim (lines end with `\n`), `info` the fence's info string;
/// - `table`: `header` (one cell per column) and `rows` (cells per row, as many as the header);
/// - `quote`: `runs` of a block quote's paragraph; `thematic_break`: nothing.
struct Block {
  BlockKind kind = BlockKind::paragraph;
  int level = 0;
  int number = 0;
  std::vector<Run> runs;
  std::string code, info;
  std::vector<Cell> header;
  std::vector<std::vector<Cell>> rows;
};

/// Parses CommonMark with GitHub tables into blocks. Never throws; an input md4c cannot parse
/// (it fails only when out of memory) gives one paragraph holding the text as it is, so the
/// page is never blank.
std::vector<Block> parse(std::string_view markdown);

/// The page as HTML (md4c's own renderer; raw HTML in the Markdown is escaped, not passed
/// through) for the page's accessible mirror of the rule shown. Empty when md4c fails.
std::string to_html(std::string_view markdown);

/// The runs' texts joined (for tests, tooltips and the DOM mirror).
std::string plain_text(const std::vector<Run>& runs);

}  // namespace reqcheck::app::md
