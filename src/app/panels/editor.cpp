// The request editor: the JSON text with line numbers, re-checked as you type (debounced by
// AppUi), input errors marked at their line and shown with their column below the text.
// The text lives in AppUi and is never replaced because of an error.
#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <nlohmann/json.hpp>

#include "panels/panels.hpp"

namespace reqcheck::app {
namespace {

constexpr const char* editor_label = "##Request JSON";  // after ##: the name the focus is announced by

/// Applies a pending selection while the field is active (the only time ImGui lets us).
int editor_callback(ImGuiInputTextCallbackData* data) {
  auto& s = *static_cast<AppUi*>(data->UserData);
  if (s.editor_jump.pending && data->EventFlag == ImGuiInputTextFlags_CallbackAlways) {
    const int len = data->BufTextLen;
    const int begin = std::clamp(static_cast<int>(s.editor_jump.begin), 0, len);
    const int end = std::clamp(static_cast<int>(s.editor_jump.end), begin, len);
    data->SelectionStart = begin;
    data->SelectionEnd = end;
    data->CursorPos = end;
    s.editor_jump.pending = false;
  }
  return 0;
}

/// Turns a new selection (from a finding) into a pending jump, located in the current text, and
/// asks ImGui to activate the field `field_id` so that the callback can apply it.
void take_selection(AppUi& s, ImGuiID field_id) {
  if (s.selection.serial == s.editor_seen_selection) return;
  s.editor_seen_selection = s.selection.serial;
  Span span;
  if (!selection_span(s, span)) return;
  s.editor_jump = {true, span.begin, span.end, 10};
  ImGui::ActivateItemByID(field_id);
}

/// The lines that carry an input error, 1-based, from the report.
std::vector<int> error_lines(const AppUi& s) {
  std::vector<int> lines;
  for (const Finding& f : s.report.findings) {
    if (is_located_input(f) && f.status == Status::fail) lines.push_back(f.line);
  }
  return lines;
}

void draw_gutter(const AppUi& s, ImVec2 origin, float gutter_w, float height, float scroll_y, int line_count) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line_h = ImGui::GetFontSize();
  const ImVec2 clip_max(origin.x + gutter_w, origin.y + height);
  dl->AddRectFilled(origin, clip_max, ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
  dl->PushClipRect(origin, clip_max, true);
  const std::vector<int> errors = error_lines(s);
  const float top = origin.y + style.FramePadding.y - scroll_y;
  const int first = std::max(0, static_cast<int>(scroll_y / line_h) - 1);
  const int last = std::min(line_count, first + static_cast<int>(height / line_h) + 3);
  char num[16];
  for (int i = first; i < last; ++i) {
    const int line = i + 1;
    const bool is_error = std::find(errors.begin(), errors.end(), line) != errors.end();
    const float y = top + static_cast<float>(i) * line_h;
    std::snprintf(num, sizeof num, "%d", line);
    const float w = ImGui::CalcTextSize(num).x;
    if (is_error) {
      dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(clip_max.x, y + line_h), ImGui::GetColorU32(ImVec4(0.75f, 0.18f, 0.18f, 0.55f)));
    }
    const ImU32 col = is_error ? ImGui::GetColorU32(ImVec4(1.0f, 0.85f, 0.85f, 1.0f)) : ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddText(ImVec2(origin.x + gutter_w - w - style.FramePadding.x, y), col, num);
  }
  dl->PopClipRect();
}

/// The scroll offset of the multiline field's inner child window (ImGui names it after the
/// parent window, the label and the item id), so the gutter can follow it.
ImGuiWindow* field_window(const char* label, ImGuiID id) {
  ImGuiWindow* parent = ImGui::GetCurrentWindow();
  char name[512];
  ImFormatString(name, sizeof name, "%s/%s_%08X", parent->Name, label, id);
  return ImGui::FindWindowByName(name);
}

/// Underlines the character at each input error's line and column inside the text field.
void mark_error_columns(const AppUi& s, ImGuiWindow* field) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line_h = ImGui::GetFontSize();
  const ImU32 red = ImGui::GetColorU32(ImVec4(1.0f, 0.35f, 0.35f, 1.0f));
  for (const Finding& f : s.report.findings) {
    if (!is_located_input(f) || f.status != Status::fail) continue;
    const std::size_t line_start = offset_of(s.request_text, f.line, 1);
    const std::size_t at = offset_of(s.request_text, f.line, f.column);
    const char* text = s.request_text.c_str();
    const float x0 = ImGui::CalcTextSize(text + line_start, text + at).x;
    const std::size_t next = at < s.request_text.size() && s.request_text[at] != '\n' ? at + 1 : at;
    const float w = std::max(ImGui::CalcTextSize(text + at, text + next).x, ImGui::GetFontSize() * 0.5f);
    const float x = field->Pos.x + style.FramePadding.x + x0 - field->Scroll.x;
    const float y = field->Pos.y + style.FramePadding.y + static_cast<float>(f.line) * line_h - field->Scroll.y;
    field->DrawList->AddRectFilled(ImVec2(x, y - 2.0f), ImVec2(x + w, y), red);
  }
}

/// The editor of a big batch or of several files: the request of the row opened, read-only (an
/// ImGui field re-lays out its whole text each frame; a 100 MB text would stall the page), with
/// a way to open that request on its own to edit it.
void draw_row_view(AppUi& s) {
  const bool has_row = s.batch_index >= 0 && s.batch_index < static_cast<int>(s.run.rows.size());
  const std::size_t bytes = s.request_text.size();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  if (!s.more_files.empty())
    ImGui::TextWrapped("%zu files, a batch of %zu requests: the editor shows the request of the row opened in Results, read-only.",
                       s.more_files.size() + 1, s.run.total);
  else
    ImGui::TextWrapped("A batch of %zu requests (%.1f MB, more than the editor holds): the editor shows the request of the row opened "
                       "in Results, read-only.",
                       s.run.total, static_cast<double>(bytes) / (1024.0 * 1024.0));
  ImGui::PopStyleColor();
  if (!has_row) {
    ImGui::TextDisabled("No row opened yet.");
    return;
  }
  const ResultRow& r = s.run.rows[static_cast<std::size_t>(s.batch_index)].row;
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%s, line %d", r.file.c_str(), r.line);
  ImGui::SameLine();
  if (ImGui::SmallButton("Open this request on its own")) {
    std::string name = r.file;
    const std::size_t dot = name.rfind('.');
    name = (dot == std::string::npos ? name : name.substr(0, dot)) + ".line-" + std::to_string(r.line) + ".json";
    set_request(s, s.row_text, name);  // the batch is one Ctrl+Z away
    return;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Edit it in the editor and the form; Ctrl+Z brings the batch back");
  if (s.editor_seen_row != s.row_serial) {  // a row opened: indent its request for reading (one NDJSON line is long)
    s.editor_seen_row = s.row_serial;
    const auto doc = nlohmann::ordered_json::parse(s.row_text, nullptr, false);
    s.row_display = doc.is_discarded() ? s.row_text : doc.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace);
  }
  if (s.row_display != s.row_text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(shown indented)");
  }
  ImGui::PushFont(s.fonts.mono);
  ImGui::PushID(static_cast<int>(s.row_serial));
  ImGui::InputTextMultiline("##row_text", &s.row_display, ImGui::GetContentRegionAvail(), ImGuiInputTextFlags_ReadOnly);
  ImGui::PopID();
  ImGui::PopFont();
}

}  // namespace

void draw_editor(AppUi& s) {
  if (editor_shows_row(s)) {
    draw_row_view(s);
    return;
  }
  // toolbar: actions, and the state of the text in one line
  if (ImGui::Button("Check now")) run_check(s);
  ImGui::SameLine();
  ImGui::BeginDisabled(!s.form_valid);
  if (ImGui::Button("Format")) {
    apply_form(s);
    run_check(s);
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  const report::Report& r = s.report;
  const int first_error = first_input_error(r);
  if (first_error >= 0) {
    const Finding& f = r.findings[static_cast<std::size_t>(first_error)];
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(Status::fail));
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s line %d, column %d", status_icon(Status::fail), f.line, f.column);
    ImGui::PopStyleColor();
  } else if (is_batch(s)) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("a batch of %zu requests, checked one by one", s.run.total);
  } else if (!s.form_valid) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(status_color(Status::fail), "%s the JSON cannot be read", status_icon(Status::fail));
  } else {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", s.check_pending ? "checking as you type…" : "checked as you type");
  }

  // the message of the first located error sits under the text, where the eye goes after typing
  std::string error_text;
  if (first_error >= 0) {
    const Finding& f = r.findings[static_cast<std::size_t>(first_error)];
    error_text = "Line " + std::to_string(f.line) + ", column " + std::to_string(f.column) + ": " + f.message;
    if (!f.help.empty()) error_text += "  —  " + f.help;
  }
  const float error_h = error_text.empty() ? 0.0f
                                           : ImGui::CalcTextSize(error_text.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y +
                                                 ImGui::GetStyle().ItemSpacing.y * 2;

  ImGui::PushFont(s.fonts.mono);
  const int line_count = 1 + static_cast<int>(std::count(s.request_text.begin(), s.request_text.end(), '\n'));
  char widest[16];
  std::snprintf(widest, sizeof widest, "%d", std::max(line_count, 999));
  const float gutter_w = ImGui::CalcTextSize(widest).x + ImGui::GetStyle().FramePadding.x * 2;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float height = std::max(ImGui::GetFontSize() * 3, avail.y - error_h);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter_w + 2.0f, origin.y));

  ImGui::PushID(static_cast<int>(s.editor_generation));  // a new field whenever the text is replaced
  take_selection(s, ImGui::GetID(editor_label));
  const ImGuiInputTextFlags flags = ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackAlways;
  if (ImGui::InputTextMultiline(editor_label, &s.request_text, ImVec2(avail.x - gutter_w - 2.0f, height), flags, editor_callback, &s)) {
    note_edit(s);
  }
  ImGuiWindow* field = field_window(editor_label, ImGui::GetItemID());
  const float scroll_y = field != nullptr ? field->Scroll.y : 0.0f;
  if (field != nullptr) mark_error_columns(s, field);
  ImGui::PopID();
  draw_gutter(s, origin, gutter_w, height, scroll_y, line_count);
  ImGui::PopFont();

  if (s.editor_jump.pending && --s.editor_jump.frames_left <= 0) s.editor_jump.pending = false;

  if (!error_text.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.72f, 0.72f, 1.0f));
    ImGui::TextWrapped("%s", error_text.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace reqcheck::app
