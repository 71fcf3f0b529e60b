// The keyboard focus, said to screen readers. ImGui draws every control on the canvas, so the
// accessibility tree cannot see which one has the focus; ImGui's test-engine hooks (compiled in
// with IMGUI_ENABLE_TEST_ENGINE) hand over each item's label as it is drawn, and the label of the
// item with the keyboard focus goes to the page's #focus live region when the focus moves.
#include <cstdarg>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui.hpp"

namespace reqcheck::app {
namespace {

std::string g_label;      // the focused item's label, this frame
ImGuiID g_label_id = 0;   // the item it belongs to (the focus may move on within the frame)
ImGuiID g_announced = 0;  // the item last announced

/// The visible part of an ImGui label ("Print", "Save##menu" → "Save"), else its hidden part
/// ("##Reference" → "Reference": form fields draw their label beside the field).
std::string spoken(const char* label) {
  const std::string l = label != nullptr ? label : "";
  const std::size_t hash = l.find("##");
  if (hash == std::string::npos) return l;
  if (hash > 0) return l.substr(0, hash);
  std::string hidden = l.substr(2);
  const std::size_t more = hidden.find("##");
  return more == std::string::npos ? hidden : hidden.substr(0, more);
}

}  // namespace

void enable_focus_mirror() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

void publish_focus(AppUi& s) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const bool shown = g.NavId != 0 && !g.NavDisableHighlight && g_label_id == g.NavId;
  g_label_id = 0;
  if (!shown || g.NavId == g_announced) return;
  g_announced = g.NavId;
  if (!g_label.empty()) s.platform->announce_focus(g_label);
}

}  // namespace reqcheck::app

// --- ImGui's test-engine hooks: only the label of the focused item is kept ----------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  using namespace reqcheck::app;
  if (ctx == nullptr || id != ctx->NavId) return;
  std::string text = spoken(label);
  if (flags & ImGuiItemStatusFlags_Checkable) text += (flags & ImGuiItemStatusFlags_Checked) ? ", checked" : ", not checked";
  if (flags & ImGuiItemStatusFlags_Openable) text += (flags & ImGuiItemStatusFlags_Opened) ? ", expanded" : ", collapsed";
  if (flags & ImGuiItemStatusFlags_Inputable) text += ", edit field";
  g_label = text;
  g_label_id = id;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
