// The panels of the app, one per file in this folder, each a function of AppUi drawn into
// the region the layout (main.cpp) gives it, plus the small drawing helpers they share.
#pragma once

#include <imgui.h>

#include "ui.hpp"

namespace reqcheck::app {

/// Child windows of the layout share the keyboard navigation of the window they are in, so that
/// Tab and the arrows go through every control of the page, not only those of one pane.
inline constexpr ImGuiWindowFlags kNavFlat = ImGuiWindowFlags_NavFlattened;

/// The main menu bar: file handling, checking, packs, help. Returns its height in pixels.
float draw_menu_bar(AppUi& s);

/// The JSON editor with line numbers and error marks (panels/editor.cpp).
void draw_editor(AppUi& s);

/// The form view of the same request (panels/form.cpp).
void draw_form(AppUi& s);

/// The verdict banner and the findings table (panels/report.cpp).
void draw_report(AppUi& s);

/// The batch line above the report: which request of the batch it shows, the previous and
/// next rows, the run's progress (panels/batch.cpp); nothing for one request.
void draw_batch_bar(AppUi& s);

/// The results table of a batch: progress and Cancel, exports, filters, a row per request
/// (panels/results.cpp).
void draw_results(AppUi& s);

/// The tallies of a batch per quarter and country, and per rule, with bars (panels/tallies.cpp).
void draw_tallies(AppUi& s);

/// The pack picker and the rules browser (panels/rules.cpp).
void draw_rules(AppUi& s);

/// The status bar: the "processed locally" indicator, the policy in force, notices.
void draw_status_bar(AppUi& s, float height);

/// The colour of a finding's status (also used for the banner).
ImVec4 status_color(Status status);

/// A one-glyph icon for a status (✓ ✗ ⚠ ◐ –), in the UI font's subset.
const char* status_icon(Status status);

/// The colour of a verdict's banner.
ImVec4 verdict_color(Verdict verdict);

/// Draws a rule page's Markdown (parsed by md4c, state/markdown.hpp): headings, paragraphs with
/// code spans in the mono font, lists, tables, code blocks that scroll sideways
/// (panels/markdown_view.cpp).
void draw_markdown(const AppUi& s, std::string_view markdown);

}  // namespace reqcheck::app
