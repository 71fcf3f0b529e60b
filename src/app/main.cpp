// The app's frame: fonts and style for the display scale, and the fixed layout that fills the
// canvas (menu bar; request views left, report and rules right, a draggable split; status bar).
// The browser loop that calls these lives in platform_web.cpp; main() is there too.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "panels/panels.hpp"
#include "ui.hpp"

namespace reqcheck::app {
namespace {

constexpr float ui_font_px = 15.0f;
constexpr float mono_font_px = 14.0f;
constexpr float large_font_px = 20.0f;

/// Glyph ranges baked into the atlas (pairs, zero-terminated); they match the subsets made by
/// src/app/CMakeLists.txt, which says why these. Arabic is drawn unshaped, left to right: ImGui
/// has no text shaping.
constexpr ImWchar ui_ranges[] = {
    0x0020, 0x007E, 0x00A0, 0x017F,                  // Latin-1, Extended-A
    0x018F, 0x018F, 0x0218, 0x021B, 0x0259, 0x0259,  // of Extended-B: schwa, Romanian
    0x0374, 0x0375, 0x037E, 0x037E, 0x0384, 0x03CE,  // Greek
    0x0400, 0x04FF,                                  // Cyrillic
    0x060C, 0x060C, 0x061B, 0x061B, 0x061F, 0x061F, 0x0621, 0x0652, 0x0660, 0x066D,  // Arabic
    0x067E, 0x067E, 0x0686, 0x0686, 0x0698, 0x0698, 0x06A4, 0x06A4, 0x06A9, 0x06A9, 0x06AF, 0x06AF,
    0x06BE, 0x06BE, 0x06C1, 0x06C1, 0x06CC, 0x06CC, 0x06D2, 0x06D2, 0x06F0, 0x06F9,
    0x2000, 0x206F,                                  // punctuation
    0x20A4, 0x20A4, 0x20A9, 0x20AC, 0x20B4, 0x20B4, 0x20B9, 0x20BA, 0x20BD, 0x20BD,  // currency
    0x2190, 0x2193, 0x222A, 0x222A, 0x2264, 0x2265,  // arrows, relations
    0x25B2, 0x25B2, 0x25B6, 0x25B6, 0x25BC, 0x25BC, 0x25C0, 0x25C0, 0x25CB, 0x25CB, 0x25CF, 0x25D0,
    0x26A0, 0x26A0, 0x2713, 0x2713, 0x2717, 0x2717,
    0,
};
constexpr ImWchar mono_ranges[] = {0x0020, 0x007E, 0x00A0, 0x017F, 0x2013, 0x2014, 0x2018, 0x201E, 0x2022, 0x2022, 0x2026, 0x2026, 0};
/// What the mono font borrows from the UI font (other scripts in user text).
constexpr ImWchar mono_fallback_ranges[] = {0x018F, 0x0259, 0x0374, 0x03CE, 0x0400, 0x04FF, 0x060C, 0x06F9, 0x20A4, 0x20BD,
                                            0x2190, 0x2193, 0x222A, 0x2265, 0x25CB, 0x25D0, 0x26A0, 0x26A0, 0x2713, 0x2717, 0};
constexpr ImWchar large_ranges[] = {0x0020, 0x007E, 0x2013, 0x2014, 0x2019, 0x2019, 0x25D0, 0x25D0, 0x26A0, 0x26A0, 0x2713, 0x2713, 0x2717, 0x2717, 0};

const EmbeddedFile* find_font(const char* name) {
  for (std::size_t i = 0; i < fonts_count; ++i) {
    if (std::string_view(fonts[i].name) == name) return &fonts[i];
  }
  return nullptr;
}

ImFont* add_font(const EmbeddedFile* file, float px, const ImWchar* ranges, bool merge) {
  ImGuiIO& io = ImGui::GetIO();
  if (file == nullptr) return merge ? nullptr : io.Fonts->AddFontDefault();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes are the program's constant data
  cfg.OversampleH = 1;               // drawn at device pixels: no need to oversample
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  cfg.MergeMode = merge;
  return io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file->data), static_cast<int>(file->size), px, &cfg, ranges);
}

void apply_style(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 0.0f;
  style.ChildRounding = 3.0f;
  style.FrameRounding = 3.0f;
  style.TabRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.WindowBorderSize = 0.0f;
  style.FramePadding = ImVec2(6, 4);
  style.ItemSpacing = ImVec2(8, 6);
  style.CellPadding = ImVec2(6, 4);
  style.ScrollbarSize = 14.0f;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.12f, 0.13f, 0.15f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(0.12f, 0.13f, 0.15f, 1.0f);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.16f, 0.17f, 0.20f, 1.0f);
  c[ImGuiCol_FrameBg] = ImVec4(0.17f, 0.18f, 0.21f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.24f, 0.33f, 0.48f, 0.75f);
  c[ImGuiCol_Tab] = ImVec4(0.17f, 0.19f, 0.23f, 1.0f);
  c[ImGuiCol_TabActive] = ImVec4(0.26f, 0.36f, 0.52f, 1.0f);
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.18f, 0.19f, 0.23f, 1.0f);
  c[ImGuiCol_NavHighlight] = ImVec4(1.00f, 0.80f, 0.25f, 1.0f);  // the keyboard focus: amber, unlike any status colour
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

/// Draws a vertical splitter the width of the item spacing; dragging it moves `s.split`.
void splitter(AppUi& s, float total_width, float height) {
  const float w = ImGui::GetStyle().ItemSpacing.x;
  ImGui::InvisibleButton("##Pane divider", ImVec2(w, height));
  if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
  if (ImGui::IsItemActive() && total_width > 0) {
    s.split = std::clamp(s.split + ImGui::GetIO().MouseDelta.x / total_width, 0.2f, 0.8f);
  }
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  const float x = (a.x + b.x) * 0.5f;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), ImGui::GetColorU32(ImGuiCol_Separator), 1.0f);
}

void draw_left(AppUi& s) {
  if (!ImGui::BeginTabBar("##request_views")) return;
  // a batch newly loaded brings its table to the front; typing in it does not
  if (is_batch(s) && s.results.seen_editor_generation != s.editor_generation) s.results_tab_switch = true;
  s.results.seen_editor_generation = s.editor_generation;
  if (s.editor_tab_switch) {
    s.request_view = RequestView::editor;
    s.request_view_switch = true;
    s.editor_tab_switch = false;
  }
  const bool force = s.request_view_switch && !s.results_tab_switch;
  s.request_view_switch = false;
  if (is_batch(s)) {
    const std::string label = "Results (" + std::to_string(s.run.total) + ")###results";
    if (ImGui::BeginTabItem(label.c_str(), nullptr, s.results_tab_switch ? ImGuiTabItemFlags_SetSelected : 0)) {
      draw_results(s);
      ImGui::EndTabItem();
    }
    s.results_tab_switch = false;
  }
  const ImGuiTabItemFlags editor_flags = force && s.request_view == RequestView::editor ? ImGuiTabItemFlags_SetSelected : 0;
  const ImGuiTabItemFlags form_flags = force && s.request_view == RequestView::form ? ImGuiTabItemFlags_SetSelected : 0;
  if (ImGui::BeginTabItem("Request JSON", nullptr, editor_flags)) {
    s.request_view = RequestView::editor;
    draw_editor(s);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Form", nullptr, form_flags)) {
    s.request_view = RequestView::form;
    draw_form(s);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

void draw_right(AppUi& s) {
  if (!ImGui::BeginTabBar("##report_views")) return;
  const int force = s.right_tab_switch;
  s.right_tab_switch = -1;
  if (ImGui::BeginTabItem("Report", nullptr, force == 0 ? ImGuiTabItemFlags_SetSelected : 0)) {
    draw_report(s);
    ImGui::EndTabItem();
  }
  if (is_batch(s) && ImGui::BeginTabItem("Tallies", nullptr, force == 2 ? ImGuiTabItemFlags_SetSelected : 0)) {
    draw_tallies(s);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Rules and packs", nullptr, force == 1 ? ImGuiTabItemFlags_SetSelected : 0)) {
    draw_rules(s);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

void draw_about(AppUi& s) {
  if (s.show_about) {
    ImGui::OpenPopup("About reqcheck");
    s.show_about = false;
  }
  const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(560 * s.scale, 0));
  if (ImGui::BeginPopupModal("About reqcheck", nullptr, ImGuiWindowFlags_NoResize)) {
    ImGui::TextWrapped(
        "reqcheck checks a request for user data against a platform's published policy, in this browser. "
        "The request, the pack and the report never leave this device: the page has no server side and "
        "its security policy forbids connections to anything but the page's own files.");
    ImGui::Spacing();
    ImGui::TextWrapped(
        "A verdict of \"meets criteria\" means the request qualifies for the platform's legal analysis; "
        "the platform may still decline.");
    ImGui::Spacing();
    ImGui::TextUnformatted("Shortcuts:");
    ImGui::BulletText("Ctrl+O  open a request file (or drop one on the page)");
    ImGui::BulletText("Ctrl+S  save the request as JSON");
    ImGui::BulletText("Ctrl+Enter  check now (checks also run as you type)");
    ImGui::BulletText("Ctrl+P  print the report");
    ImGui::BulletText("Ctrl+Shift+S  download the report as JSON");
    ImGui::BulletText("Ctrl+V outside the editor  check the request on the clipboard");
    ImGui::BulletText("Ctrl+Z  bring back the request a file, a sample or a Remove replaced");
    ImGui::Spacing();
    if (ImGui::Button("Close", ImVec2(120 * s.scale, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace

bool narrow_layout(float width_px, float scale) { return width_px / (scale > 0 ? scale : 1.0f) < narrow_css_px; }

void app_build_fonts(AppUi& s, float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const EmbeddedFile* ui = find_font("ui.ttf");
  const EmbeddedFile* mono = find_font("mono.ttf");
  s.fonts.ui = add_font(ui, ui_font_px * scale, ui_ranges, false);
  s.fonts.mono = add_font(mono, mono_font_px * scale, mono_ranges, false);
  add_font(ui, mono_font_px * scale, mono_fallback_ranges, true);
  s.fonts.large = add_font(ui, large_font_px * scale, large_ranges, false);
  io.Fonts->Build();
  io.FontDefault = s.fonts.ui;
  apply_style(scale);
  s.scale = scale;
}

namespace {

/// Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) on replaced texts: outside text fields, and in the editor
/// before its first keystroke (its own undo history is then empty); otherwise the field's own.
void undo_keys(AppUi& s) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || (io.WantTextInput && !s.untouched_since_replace)) return;
  if (ImGui::IsKeyPressed(ImGuiKey_Z, false) && !io.KeyShift) undo_replace(s);
  else if ((ImGui::IsKeyPressed(ImGuiKey_Z, false) && io.KeyShift) || ImGui::IsKeyPressed(ImGuiKey_Y, false)) redo_replace(s);
}

}  // namespace

void app_frame(AppUi& s) {
  undo_keys(s);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float menu_h = draw_menu_bar(s);
  const float status_h = ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;

  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + menu_h));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, std::max(1.0f, vp->Size.y - menu_h - status_h)));
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  // the panes have the keyboard from the start: Tab, the arrows and Enter work before any click
  static bool focused_once = false;
  if (!focused_once) {
    ImGui::SetNextWindowFocus();
    focused_once = true;
  }
  const bool shown = ImGui::Begin("##main", nullptr, fixed);
  if (shown && narrow_layout(vp->Size.x, s.scale)) {
    // a phone or a narrow window: the report over the request, each the full width
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    const float top_h = std::max(100.0f, (avail.y - gap) * 0.5f);
    ImGui::BeginChild("##right", ImVec2(0, top_h), false, kNavFlat);
    draw_right(s);
    ImGui::EndChild();
    ImGui::BeginChild("##left", ImVec2(0, 0), false, kNavFlat);
    draw_left(s);
    ImGui::EndChild();
  } else if (shown) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float left_w = std::max(100.0f, (avail.x - gap) * s.split);
    ImGui::BeginChild("##left", ImVec2(left_w, avail.y), false, kNavFlat);
    draw_left(s);
    ImGui::EndChild();
    ImGui::SameLine(0, 0);
    splitter(s, avail.x, avail.y);
    ImGui::SameLine(0, 0);
    ImGui::BeginChild("##right", ImVec2(0, avail.y), false, kNavFlat);
    draw_right(s);
    ImGui::EndChild();
  }
  ImGui::End();

  draw_status_bar(s, status_h);
  draw_about(s);
}

}  // namespace reqcheck::app
