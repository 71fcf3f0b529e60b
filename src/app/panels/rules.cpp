// The rules browser: the pack picker (automatic, a bundled pack, or a pack file the user loads,
// with its load errors), the policy version in force, and every rule of the pack with its doc
// page. Rules come from reqcheck_core's compiled Policy; docs are drawn as simple Markdown.
#include <string>

#include <imgui.h>

#include "panels/panels.hpp"

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

namespace {

/// Removes Markdown emphasis markers (`**`, `__`); the UI font has no bold face to show them.
std::string plain(std::string text) {
  for (const char* marker : {"**", "__"}) {
    for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at)) text.erase(at, 2);
  }
  return text;
}

/// The kind of a Markdown block this renderer tells apart.
enum class Block { none, paragraph, bullet, heading, code };

}  // namespace

void draw_markdown(const AppUi& s, std::string_view md) {
  // Lines are gathered into blocks first: docs wrap paragraphs and list items at ~100
  // columns, and ImGui wraps again at the panel's width, so the source breaks must go.
  Block kind = Block::none;
  std::string text;
  auto flush = [&]() {
    switch (kind) {
      case Block::paragraph: ImGui::TextWrapped("%s", plain(text).c_str()); break;
      case Block::bullet:
        ImGui::Bullet();
        ImGui::TextWrapped("%s", plain(text).c_str());
        break;
      case Block::heading:
        ImGui::Spacing();
        ImGui::PushFont(s.fonts.large);
        ImGui::TextWrapped("%s", plain(text).c_str());
        ImGui::PopFont();
        break;
      case Block::code:
      case Block::none: break;
    }
    kind = Block::none;
    text.clear();
  };
  bool in_code = false;
  std::size_t pos = 0;
  while (pos <= md.size()) {
    std::size_t end = md.find('\n', pos);
    if (end == std::string_view::npos) end = md.size();
    std::string line(md.substr(pos, end - pos));
    pos = end + 1;
    if (line.rfind("```", 0) == 0) {
      flush();
      in_code = !in_code;
    } else if (in_code) {
      ImGui::PushFont(s.fonts.mono);
      ImGui::TextUnformatted(line.c_str());
      ImGui::PopFont();
    } else {
      const std::size_t indent = line.find_first_not_of(' ');
      const std::string body = indent == std::string::npos ? std::string() : line.substr(indent);
      if (body.empty()) {
        flush();
        ImGui::Spacing();
      } else if (body[0] == '#') {
        flush();
        kind = Block::heading;
        const std::size_t at = body.find_first_not_of("# ");
        text = at == std::string::npos ? std::string() : body.substr(at);
        flush();
      } else if (body.rfind("- ", 0) == 0 || body.rfind("* ", 0) == 0) {
        flush();
        kind = Block::bullet;
        text = body.substr(2);
      } else if (kind == Block::paragraph || kind == Block::bullet) {
        text += ' ';
        text += body;
      } else {
        flush();
        kind = Block::paragraph;
        text = body;
      }
    }
    if (end == md.size()) break;
  }
  flush();
}

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
  ImGui::BeginChild("##rule_list", ImVec2(list_w, 0), true);
  for (std::size_t i = 0; i < s.rules.size(); ++i) {
    const RuleInfo& r = s.rules[i];
    const std::string label = r.id + "  " + r.title;
    if (ImGui::Selectable(label.c_str(), s.selected_rule == static_cast<int>(i))) s.selected_rule = static_cast<int>(i);
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##rule_doc", ImVec2(0, 0), true);
  if (s.selected_rule >= 0 && s.selected_rule < static_cast<int>(s.rules.size())) {
    const RuleInfo& r = s.rules[static_cast<std::size_t>(s.selected_rule)];
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s (%s family). Source: %s", r.id.c_str(), r.family.c_str(), r.legal_ref.c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
    const std::string* page = rule_page(s, r);
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
