// The rules browser: the pack picker (automatic, a bundled pack, or a pack file the user loads,
// with its load errors), the policy version in force, and every rule of the pack with its doc
// page. Rules come from reqcheck_core's compiled Policy; their pages are drawn by markdown_view.cpp.
#include <string>

#include <imgui.h>

#include "panels/panels.hpp"
#include "state/markdown.hpp"

namespace reqcheck::app {
namespace {

std::string pack_choice_label(const AppUi& s) {
  if (s.pack_mode == PackMode::user) return "File: " + s.user_pack_name;
  if (s.pack_mode == PackMode::bundled) return s.pack_id;
  return "Automatic (by service and date received)";
}

void draw_pack_picker(AppUi& s) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Pack");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
  if (ImGui::BeginCombo("##pack", pack_choice_label(s).c_str())) {
    if (ImGui::Selectable("Automatic (by service and date received)", s.pack_mode == PackMode::automatic)) {
      choose_pack(s, PackMode::automatic, {});
    }
    for (const PackInfo& p : s.packs) {
      std::string label = p.id;
      if (!p.title.empty()) label += "  —  " + p.title;
      label += "  (from " + p.in_force_from.substr(0, 10) + (p.in_force_until.empty() ? std::string(")") : " to " + p.in_force_until.substr(0, 10) + ")");
      if (ImGui::Selectable(label.c_str(), s.pack_mode == PackMode::bundled && s.pack_id == p.id)) choose_pack(s, PackMode::bundled, p.id);
    }
    if (s.user_policy) {
      const std::string label = "File: " + s.user_pack_name;
      if (ImGui::Selectable(label.c_str(), s.pack_mode == PackMode::user)) choose_pack(s, PackMode::user, {});
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (ImGui::Button("Load pack file…")) s.platform->open_file(Incoming::pack);

  std::string in_force = s.report.policy_id.empty() ? std::string("none") : s.report.policy_id;
  if (!s.report.policy_version.empty()) in_force += ", version " + s.report.policy_version;
  ImGui::Text("Policy version in force for this request: %s", in_force.c_str());

  if (!s.user_pack_errors.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(Status::fail));
    ImGui::TextWrapped("%s The pack file was not loaded:", status_icon(Status::fail));
    for (const std::string& e : s.user_pack_errors) ImGui::BulletText("%s", e.c_str());
    ImGui::PopStyleColor();
    if (ImGui::SmallButton("Dismiss")) s.user_pack_errors.clear();
  }
}

}  // namespace

void draw_rules(AppUi& s) {
  refresh_rules(s);
  draw_pack_picker(s);
  ImGui::Separator();
  if (!s.rules_error.empty()) {
    ImGui::TextColored(status_color(Status::fail), "%s %s", status_icon(Status::fail), s.rules_error.c_str());
    return;
  }
  ImGui::TextDisabled("Rules of %s: %zu", s.rules_pack_label.c_str(), s.rules.size());
  const float list_w = std::max(ImGui::GetContentRegionAvail().x * 0.38f, ImGui::CalcTextSize("INSTR-00  a long rule title").x);
  ImGui::BeginChild("##rule_list", ImVec2(list_w, 0), true, kNavFlat);
  for (std::size_t i = 0; i < s.rules.size(); ++i) {
    const RuleInfo& r = s.rules[i];
    const std::string label = r.id + "  " + r.title;
    if (ImGui::Selectable(label.c_str(), s.selected_rule == static_cast<int>(i))) s.selected_rule = static_cast<int>(i);
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##rule_doc", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar | kNavFlat);
  if (s.selected_rule >= 0 && s.selected_rule < static_cast<int>(s.rules.size())) {
    const RuleInfo& r = s.rules[static_cast<std::size_t>(s.selected_rule)];
    // another rule's page opens at its top, not where the previous one was scrolled to
    static std::string shown_rule;
    if (shown_rule != r.id) {
      shown_rule = r.id;
      ImGui::SetScrollY(0.0f);
      ImGui::SetScrollX(0.0f);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s (%s family). Source: %s", r.id.c_str(), r.family.c_str(), r.legal_ref.c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
    const std::string* page = rule_page(s, r);
    // the page shown, mirrored as HTML for screen readers once per rule and arrival
    static std::string mirrored;
    const std::string mirror_key = r.id + (page == nullptr ? "" : "\n" + std::to_string(page->size()));
    if (mirror_key != mirrored) {
      mirrored = mirror_key;
      s.platform->publish_rule_page(page == nullptr || page->empty() ? std::string() : md::to_html(*page));
    }
    if (page == nullptr || page->empty()) {
      ImGui::PushFont(s.fonts.large);
      ImGui::TextWrapped("%s  %s", r.id.c_str(), r.title.c_str());
      ImGui::PopFont();
      ImGui::TextDisabled(page == nullptr ? "Loading the rule's page…" : "This rule has no documentation page.");
    } else {
      draw_markdown(s, *page);
    }
  }
  ImGui::EndChild();
}

}  // namespace reqcheck::app
