// Draws the blocks of a rule page (state/markdown.hpp, parsed by md4c): headings, paragraphs
// whose words flow and wrap across styled runs (code spans in the mono font), lists, tables as
// ImGui tables, and code blocks in a child that scrolls sideways so that example JSON is never
// clipped.
#include <cfloat>
#include <string>
#include <vector>

#include <imgui.h>

#include "panels/panels.hpp"
#include "state/markdown.hpp"

namespace reqcheck::app {
namespace {

const ImVec4 code_colour(0.80f, 0.86f, 0.70f, 1.0f);
const ImVec4 strong_colour(1.00f, 1.00f, 1.00f, 1.0f);
const ImVec4 emphasis_colour(0.80f, 0.84f, 0.95f, 1.0f);
const ImVec4 link_colour(0.55f, 0.75f, 1.00f, 1.0f);

ImVec4 run_colour(const md::Run& run) {
  if (run.code) return code_colour;
  if (!run.href.empty()) return link_colour;
  if (run.strong) return strong_colour;
  if (run.emphasis) return emphasis_colour;
  return ImGui::GetStyleColorVec4(ImGuiCol_Text);
}

/// A piece of one run: part of a word, or a whole word with its trailing spaces.
struct Piece {
  const md::Run* run;
  const char* begin;
  const char* end;
  float width;
};

/// Draws runs as one wrapped paragraph. A word (up to and with its trailing spaces, across runs:
/// `(` + a code span + `).` is one word) is placed after the previous one when it fits before the
/// right edge, else at the start of a new line. ImGui's own wrapping works on one string in one
/// font, which a code span breaks.
void draw_runs(const AppUi& s, const std::vector<md::Run>& runs) {
  const float left = ImGui::GetCursorScreenPos().x;
  const float right = left + ImGui::GetContentRegionAvail().x;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 1.0f * s.scale));
  bool first = true, break_next = false;
  float x = left;
  std::vector<Piece> word;
  float word_w = 0.0f;
  const auto place_word = [&]() {
    if (word.empty()) return;
    if (!first && !break_next && x + word_w <= right + 1.0f) ImGui::SameLine(0.0f, 0.0f);
    else x = left;
    for (std::size_t i = 0; i < word.size(); ++i) {
      const Piece& p = word[i];
      if (i > 0) ImGui::SameLine(0.0f, 0.0f);
      ImGui::PushFont(p.run->code ? s.fonts.mono : s.fonts.ui);
      ImGui::PushStyleColor(ImGuiCol_Text, run_colour(*p.run));
      ImGui::TextUnformatted(p.begin, p.end);
      ImGui::PopStyleColor();
      ImGui::PopFont();
      if (!p.run->href.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.run->href.c_str());
    }
    x += word_w;
    first = false;
    break_next = false;
    word.clear();
    word_w = 0.0f;
  };
  for (const md::Run& run : runs) {
    if (run.line_break) {
      place_word();
      break_next = true;
    }
    ImFont* font = run.code ? s.fonts.mono : s.fonts.ui;
    std::size_t at = 0;
    while (at < run.text.size()) {
      std::size_t end = run.text.find(' ', at);
      const bool ends_word = end != std::string::npos;
      end = ends_word ? run.text.find_first_not_of(' ', end) : run.text.size();
      if (end == std::string::npos) end = run.text.size();
      const char* b = run.text.data() + at;
      const char* e = run.text.data() + end;
      const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, b, e).x;
      word.push_back({&run, b, e, w});
      word_w += w;
      if (ends_word) place_word();
      at = end;
    }
  }
  place_word();
  if (first) ImGui::NewLine();
  ImGui::PopStyleVar();
}

void draw_table(const AppUi& s, const md::Block& b, int id) {
  const int columns = static_cast<int>(b.header.size());
  if (columns == 0) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  ImGui::PushID(id);
  if (ImGui::BeginTable("##md_table", columns, flags)) {
    for (const md::Cell& h : b.header) ImGui::TableSetupColumn(md::plain_text(h).c_str());
    ImGui::TableHeadersRow();
    for (const auto& row : b.rows) {
      ImGui::TableNextRow();
      for (int c = 0; c < columns && c < static_cast<int>(row.size()); ++c) {
        ImGui::TableSetColumnIndex(c);
        draw_runs(s, row[static_cast<std::size_t>(c)]);
      }
    }
    ImGui::EndTable();
  }
  ImGui::PopID();
}

void draw_code(const AppUi& s, const md::Block& b, int id) {
  int lines = 0;
  for (char c : b.code) lines += c == '\n';
  if (!b.code.empty() && b.code.back() != '\n') ++lines;
  ImGui::PushFont(s.fonts.mono);
  const ImGuiStyle& st = ImGui::GetStyle();
  const float height = static_cast<float>(lines) * ImGui::GetTextLineHeight() + st.WindowPadding.y * 2 + st.ScrollbarSize;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.08f, 0.09f, 0.10f, 1.0f));
  ImGui::PushID(id);
  ImGui::BeginChild("##md_code", ImVec2(0, height), true, ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PushStyleColor(ImGuiCol_Text, code_colour);
  ImGui::TextUnformatted(b.code.data(), b.code.data() + b.code.size());
  ImGui::PopStyleColor();
  ImGui::EndChild();
  ImGui::PopID();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace

void draw_markdown(const AppUi& s, std::string_view markdown) {
  // Parsed once per page shown: the rules panel draws the same page frame after frame.
  static std::string parsed_source;
  static std::vector<md::Block> blocks;
  if (parsed_source != markdown) {
    parsed_source = std::string(markdown);
    blocks = md::parse(markdown);
  }
  const float indent = ImGui::GetFontSize() * 1.2f;
  int id = 0;
  for (const md::Block& b : blocks) {
    ++id;
    const float depth = static_cast<float>(b.level > 0 && b.kind != md::BlockKind::heading ? b.level : 0) * indent;
    if (depth > 0) ImGui::Indent(depth);
    switch (b.kind) {
      case md::BlockKind::heading:
        ImGui::Spacing();
        if (b.level <= 1) ImGui::PushFont(s.fonts.large);
        ImGui::PushStyleColor(ImGuiCol_Text, strong_colour);
        ImGui::TextWrapped("%s", md::plain_text(b.runs).c_str());
        ImGui::PopStyleColor();
        if (b.level <= 1) ImGui::PopFont();
        break;
      case md::BlockKind::paragraph: draw_runs(s, b.runs); break;
      case md::BlockKind::quote:
        ImGui::Indent(indent);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        draw_runs(s, b.runs);
        ImGui::PopStyleColor();
        ImGui::Unindent(indent);
        break;
      case md::BlockKind::list_item: {
        const std::string mark = b.number > 0 ? std::to_string(b.number) + "." : "\xE2\x80\xA2";  // •
        ImGui::TextUnformatted(mark.c_str());
        ImGui::SameLine(0.0f, 0.0f);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent - ImGui::CalcTextSize(mark.c_str()).x);
        ImGui::BeginGroup();
        draw_runs(s, b.runs);
        ImGui::EndGroup();
        break;
      }
      case md::BlockKind::code_block: draw_code(s, b, id); break;
      case md::BlockKind::table: draw_table(s, b, id); break;
      case md::BlockKind::thematic_break: ImGui::Separator(); break;
    }
    if (depth > 0) ImGui::Unindent(depth);
    if (b.kind != md::BlockKind::list_item) ImGui::Spacing();
  }
}

}  // namespace reqcheck::app
