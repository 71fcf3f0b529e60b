// The browser side of the app, and the only file that knows Emscripten: the GLFW/WebGL2 window
// sized to the canvas in device pixels (crisp on HiDPI), the frame loop, the C entry points
// that web/glue.js calls (files, paste, window.reqcheck), and thin EM_JS calls into glue.js.
#include <emscripten.h>
#include <emscripten/html5.h>

#define GLFW_INCLUDE_ES3
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // the input event queue (see frame)
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "platform.hpp"
#include "ui.hpp"

// --- calls into web/glue.js (window.rcGlue) -----------------------------------------------------
// Each passes pointers and lengths; glue.js decodes them, so that no JS lives here but the call.

EM_JS(void, rc_js_attach, (void* app), { if (window.rcGlue) window.rcGlue.attach(app); });
EM_JS(void, rc_js_open_file, (int kind), { if (window.rcGlue) window.rcGlue.openFile(kind); });
EM_JS(void, rc_js_download, (const char* name, int name_len, const char* mime, int mime_len, const char* data, int data_len), {
  if (window.rcGlue) window.rcGlue.download(name, name_len, mime, mime_len, data, data_len);
});
EM_JS(void, rc_js_print, (const char* report, int len), { if (window.rcGlue) window.rcGlue.print(report, len); });
EM_JS(void, rc_js_verdict, (const char* verdict, int verdict_len, const char* summary, int summary_len, int failed, int review,
                           const char* policy, int policy_len), {
  if (window.rcGlue) window.rcGlue.verdict(verdict, verdict_len, summary, summary_len, failed, review, policy, policy_len);
});
EM_JS(void, rc_js_copy, (const char* text, int len), { if (window.rcGlue) window.rcGlue.copy(text, len); });
EM_JS(void, rc_js_request_paste, (), { if (window.rcGlue) window.rcGlue.requestPaste(); });
EM_JS(void, rc_js_title, (const char* text, int len), { if (window.rcGlue) window.rcGlue.title(text, len); });
EM_JS(void, rc_js_text_input, (int active), { if (window.rcGlue) window.rcGlue.textInput(active); });
EM_JS(void, rc_js_focus, (const char* label, int len), { if (window.rcGlue) window.rcGlue.focus(label, len); });
EM_JS(void, rc_js_rule_page, (const char* html, int len), { if (window.rcGlue) window.rcGlue.rulePage(html, len); });
EM_JS(void, rc_js_unsaved, (int flag), { if (window.rcGlue) window.rcGlue.unsaved(flag); });
EM_JS(void, rc_js_notice, (const char* text, int len, int is_error), { if (window.rcGlue) window.rcGlue.notice(text, len, is_error); });
EM_JS(void, rc_js_fetch, (const char* path, int len, int kind), { if (window.rcGlue) window.rcGlue.fetchFile(path, len, kind); });
EM_JS(void, rc_js_report, (const char* json, int len), { if (window.rcGlue) window.rcGlue.report(json, len); });
EM_JS(void, rc_js_batch, (const char* state, int state_len, double done, double total, double rate, const char* summary, int summary_len), {
  if (window.rcGlue) window.rcGlue.batch(state, state_len, done, total, rate, summary, summary_len);
});
EM_JS(void, rc_js_results_view, (const char* sort, int sort_len, double shown, int top_line, const char* verdict, int verdict_len,
                                 const char* reference, int reference_len), {
  if (window.rcGlue) window.rcGlue.resultsView(sort, sort_len, shown, top_line, verdict, verdict_len, reference, reference_len);
});
EM_JS(void, rc_js_ready, (), { if (window.rcGlue) window.rcGlue.ready(); });
EM_JS(void, rc_js_fail, (const char* text), { if (window.rcGlue) window.rcGlue.fail(UTF8ToString(text)); });

namespace reqcheck::app {
namespace {

int clamp_len(std::size_t n) { return static_cast<int>(n > 0x7fffffff ? 0x7fffffff : n); }

/// The browser as the app's host: each call goes to web/glue.js.
class WebPlatform final : public Platform {
 public:
  double now() const override { return emscripten_get_now() / 1000.0; }
  void open_file(Incoming kind) override { rc_js_open_file(static_cast<int>(kind)); }
  void download(std::string_view filename, std::string_view mime, std::string_view content) override {
    rc_js_download(filename.data(), clamp_len(filename.size()), mime.data(), clamp_len(mime.size()), content.data(),
                   clamp_len(content.size()));
  }
  void print(std::string_view report_json) override { rc_js_print(report_json.data(), clamp_len(report_json.size())); }
  void publish_verdict(std::string_view verdict, std::string_view summary, int failed, int review, std::string_view policy) override {
    rc_js_verdict(verdict.data(), clamp_len(verdict.size()), summary.data(), clamp_len(summary.size()), failed, review, policy.data(),
                  clamp_len(policy.size()));
  }
  void copy(std::string_view text) override { rc_js_copy(text.data(), clamp_len(text.size())); }
  void request_paste() override { rc_js_request_paste(); }
  void set_title(std::string_view title) override { rc_js_title(title.data(), clamp_len(title.size())); }
  void set_unsaved(bool unsaved) override { rc_js_unsaved(unsaved ? 1 : 0); }
  void publish_report(std::string_view json) override { rc_js_report(json.data(), clamp_len(json.size())); }
  void announce_focus(std::string_view label) override { rc_js_focus(label.data(), clamp_len(label.size())); }
  void publish_rule_page(std::string_view html) override { rc_js_rule_page(html.data(), clamp_len(html.size())); }
  void announce(std::string_view text, bool is_error) override { rc_js_notice(text.data(), clamp_len(text.size()), is_error ? 1 : 0); }
  void publish_batch(std::string_view state, std::size_t done, std::size_t total, double rate, std::string_view summary) override {
    rc_js_batch(state.data(), clamp_len(state.size()), static_cast<double>(done), static_cast<double>(total), rate, summary.data(),
                clamp_len(summary.size()));
  }
  void publish_results_view(std::string_view sort, std::size_t shown, int top_line, std::string_view top_verdict,
                            std::string_view top_reference) override {
    rc_js_results_view(sort.data(), clamp_len(sort.size()), static_cast<double>(shown), top_line, top_verdict.data(),
                       clamp_len(top_verdict.size()), top_reference.data(), clamp_len(top_reference.size()));
  }
  void fetch_file(std::string_view path, Incoming kind) override {
    rc_js_fetch(path.data(), clamp_len(path.size()), static_cast<int>(kind));
  }
};

/// A mouse button, key or character waiting for its frame (see `on_mouse_button`).
struct InputEvent {
  enum class Kind { button, key, character, pointer, scroll } kind;
  int a = 0, b = 0, c = 0, d = 0;  ///< button, action, mods; or key, scancode, action, mods
  unsigned int codepoint = 0;      ///< for a character
  double x = 0, y = 0;             ///< the pointer's position, or a scroll's offsets
};

/// The loop's own state: the app, the window and what the canvas was last sized to.
struct WebLoop {
  WebPlatform platform;  // before `app`, which keeps a pointer to it
  AppUi app{platform};
  GLFWwindow* window = nullptr;
  int width = 0, height = 0;  ///< the canvas backbuffer, device pixels
  bool announced = false;     ///< glue.js was told that the first frame is drawn
  std::string clipboard;      ///< the last text copied in the app or pasted into the page
  bool text_input = false;    ///< a text field is being edited (the page's #text-input has the focus)
  int hold_frames = 0;        ///< frames `events` waits after a key that moves the focus (feed_events)
  std::vector<InputEvent> events;  ///< buttons, keys and characters not yet given to ImGui, in order
  /// Files being read from the page in chunks (`rc_app_file_buffer` … `rc_app_files_end`): name
  /// and bytes each, handed to the state together.
  std::vector<std::pair<std::string, std::string>> incoming;
  /// Frames still to draw before the loop may rest: ImGui settles a change over a few frames
  /// (layout, hover, tooltips after their delay), so input asks for `kSettleFrames` of them.
  int frames_wanted = kSettleFrames;
  static constexpr int kSettleFrames = 30;
  double drawn_at = 0.0;  ///< platform clock of the last frame drawn
  /// While a batch runs: seconds between frames drawn for its progress, and seconds of checking
  /// in an animation frame that is drawn and in one that is not (both well under the 100 ms a
  /// frame may take, so that input is answered at once).
  static constexpr double kBatchRedrawS = 0.1;
  static constexpr double kBatchDrawnBudgetS = 0.012;
  static constexpr double kBatchOnlyBudgetS = 0.035;
};

/// The loop of the page, for the input callbacks that only need to wake it.
WebLoop* g_loop = nullptr;

/// Input arrived (or something outside changed the state): draw until ImGui has settled.
void wake() {
  if (g_loop != nullptr) g_loop->frames_wanted = WebLoop::kSettleFrames;
}

// Installed before ImGui's GLFW backend, which keeps and calls them after its own: they only
// wake the loop, so that an idle page draws nothing (the browser otherwise burns a core).
void wake_on_focus(GLFWwindow*, int) { wake(); }
void wake_on_enter(GLFWwindow*, int) { wake(); }

/// A tap or a synthetic click moves the pointer and presses and releases the button within one
/// frame; ImGui then presses a tab before it knows the tab is hovered. So button changes wait
/// for the next frame and go to ImGui one per frame, after the pointer position they follow.
/// Keys and characters queue behind them: a key typed just after a click on another field must
/// reach that field, not the one the click left (whatever the frame rate).
/// Pointer moves and wheel turns queue too, so that a pointer that moved on before a click
/// reached ImGui does not carry the click (or a scroll) to another place.
void on_mouse_button(GLFWwindow* window, int button, int action, int mods) {
  auto* loop = static_cast<WebLoop*>(glfwGetWindowUserPointer(window));
  if (loop != nullptr) loop->events.push_back({InputEvent::Kind::button, button, action, mods});
  wake();
}

void on_cursor(GLFWwindow* window, double x, double y) {
  auto* loop = static_cast<WebLoop*>(glfwGetWindowUserPointer(window));
  if (loop != nullptr) loop->events.push_back({InputEvent::Kind::pointer, 0, 0, 0, 0, 0, x, y});
  wake();
}

void on_scroll(GLFWwindow* window, double dx, double dy) {
  auto* loop = static_cast<WebLoop*>(glfwGetWindowUserPointer(window));
  if (loop != nullptr) loop->events.push_back({InputEvent::Kind::scroll, 0, 0, 0, 0, 0, dx, dy});
  wake();
}

void on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
  auto* loop = static_cast<WebLoop*>(glfwGetWindowUserPointer(window));
  if (loop != nullptr) loop->events.push_back({InputEvent::Kind::key, key, scancode, action, mods, 0});
  wake();
}

void on_char(GLFWwindow* window, unsigned int codepoint) {
  auto* loop = static_cast<WebLoop*>(glfwGetWindowUserPointer(window));
  if (loop != nullptr) loop->events.push_back({InputEvent::Kind::character, 0, 0, 0, 0, codepoint});
  wake();
}

/// Escape as the page means it. In a text field it ends the edit and keeps the text (ImGui would
/// put back the text the field had when the edit began, losing what was typed, and that
/// change could not be undone); with no menu or dialog open it does nothing (ImGui would drop
/// the keyboard focus, after which Tab reaches nothing). Returns true when the key is handled
/// here and ImGui must not see it; a menu or dialog open gets it.
bool escape_handled(int action) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return false;
  if (action == GLFW_PRESS && g.ActiveId != 0 && ImGui::GetIO().WantTextInput) {
    const ImGuiID field = g.ActiveId;
    ImGuiWindow* window = g.ActiveIdWindow != nullptr ? g.ActiveIdWindow : g.NavWindow;
    ImGui::ClearActiveID();
    if (window != nullptr) ImGui::SetFocusID(field, window);
    g.NavDisableHighlight = false;
  }
  return true;
}

/// Gives ImGui the queued events in order, up to and including one button change or one press
/// of a key that moves the focus (Enter, Space, Tab): a button
/// waits for the next frame when a pointer move was given in this one (ImGui must see the
/// pointer over the item before the press), and what follows a button waits for the next frame,
/// when the click has taken effect.
void feed_events(WebLoop& loop) {
  if (loop.hold_frames > 0) {
    --loop.hold_frames;
    return;
  }
  std::size_t fed = 0;
  bool moved = false;
  for (; fed < loop.events.size(); ++fed) {
    const InputEvent& e = loop.events[fed];
    if (e.kind == InputEvent::Kind::key) {
      if (e.a == GLFW_KEY_ESCAPE) {
        // handled here, outside ImGui's queue: what came before it must reach ImGui first
        if (fed > 0 || ImGui::GetCurrentContext()->InputEventsQueue.Size > 0) break;
        if (escape_handled(e.c)) continue;
      }
      ImGui_ImplGlfw_KeyCallback(loop.window, e.a, e.b, e.c, e.d);
      // Enter, Space and Tab move the keyboard focus or activate a field over the next two
      // frames (ImGui's navigation resolves a move, then activates): what is typed after them
      // waits until then, to reach that field
      const bool focus_key = e.a == GLFW_KEY_ENTER || e.a == GLFW_KEY_KP_ENTER || e.a == GLFW_KEY_SPACE || e.a == GLFW_KEY_TAB;
      if (focus_key && e.c != GLFW_RELEASE) {
        loop.hold_frames = 2;
        ++fed;
        break;
      }
    } else if (e.kind == InputEvent::Kind::character) {
      ImGui_ImplGlfw_CharCallback(loop.window, e.codepoint);
    } else if (e.kind == InputEvent::Kind::pointer) {
      ImGui_ImplGlfw_CursorPosCallback(loop.window, e.x, e.y);
      moved = true;
    } else if (e.kind == InputEvent::Kind::scroll) {
      ImGui_ImplGlfw_ScrollCallback(loop.window, e.x, e.y);
    } else {
      if (moved) break;
      ImGui_ImplGlfw_MouseButtonCallback(loop.window, e.a, e.b, e.c);
      ++fed;
      break;
    }
  }
  loop.events.erase(loop.events.begin(), loop.events.begin() + static_cast<std::ptrdiff_t>(fed));
}

/// Sizes the GLFW window (the canvas backbuffer) to the canvas's CSS size times the device
/// pixel ratio, and rebuilds the fonts when that ratio changes (moving to another screen, zoom).
/// Returns true when either changed.
bool fit_canvas(WebLoop& loop) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
  if (!(dpr > 0.25f && dpr < 8.0f)) dpr = 1.0f;
  const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
  const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
  bool changed = false;
  if (w != loop.width || h != loop.height) {
    loop.width = w;
    loop.height = h;
    // not glfwSetWindowSize: Emscripten's GLFW asks for full screen when the size equals the
    // screen's, which a maximised window at some zoom levels does
    emscripten_set_canvas_element_size("#canvas", w, h);
    changed = true;
  }
  if (std::fabs(dpr - loop.app.scale) > 0.01f) {
    app_build_fonts(loop.app, dpr);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    changed = true;
  }
  return changed;
}

/// True while a mouse button is held: a drag (a selection, a scrollbar, the splitter) moves
/// with the pointer's position even when no event arrives.
bool button_held() {
  for (const bool down : ImGui::GetIO().MouseDown)
    if (down) return true;
  return false;
}

void frame(void* arg) {
  WebLoop& loop = *static_cast<WebLoop*>(arg);
  if (fit_canvas(loop)) wake();
  const double now = loop.platform.now();
  const bool batch = batch_running(loop.app) || report_job_running(loop.app);  // work in slices
  // draw only when something changed or is about to: an idle page leaves its last frame up
  if (!batch && now >= next_frame_due(loop.app)) loop.frames_wanted = std::max(loop.frames_wanted, 3);
  // ImGui takes typed characters a frame at a time: a queue left over keeps the loop going
  const bool queued = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
  const bool wanted = loop.frames_wanted > 0 || !loop.events.empty() || button_held() || queued;
  // a running batch: every animation frame checks a slice, but the progress is drawn only every
  // kBatchRedrawS (drawing costs more than checking under a software renderer), unless input
  // came, which is drawn at once
  if (!wanted && !(batch && now - loop.drawn_at >= WebLoop::kBatchRedrawS)) {
    if (!batch) return;
    loop.app.batch_budget_s = WebLoop::kBatchOnlyBudgetS;
    tick(loop.app);
    if (!batch_running(loop.app) && !report_job_running(loop.app)) wake();  // the work ended: draw its end
    return;
  }
  if (loop.frames_wanted > 0) --loop.frames_wanted;
  loop.app.batch_budget_s = WebLoop::kBatchDrawnBudgetS;
  tick(loop.app);
  feed_events(loop);
  loop.drawn_at = now;

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // the canvas backbuffer is sized here, not through GLFW, so GLFW's idea of it is stale
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(loop.width), static_cast<float>(loop.height));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  ImGui::NewFrame();
  app_frame(loop.app);
  publish_focus(loop.app);
  if (io.WantTextInput != loop.text_input) {
    loop.text_input = io.WantTextInput;
    rc_js_text_input(loop.text_input ? 1 : 0);
  }
  ImGui::Render();

  glViewport(0, 0, loop.width, loop.height);
  glClearColor(0.11f, 0.12f, 0.14f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  if (!loop.announced) {
    loop.announced = true;
    rc_js_ready();
  }
}

void set_clipboard(void* user, const char* text) {
  if (text == nullptr) return;
  auto* loop = static_cast<WebLoop*>(user);
  loop->clipboard = text;
  loop->platform.copy(text);
}

/// ImGui asks for the clipboard synchronously, which the browser does not allow: the page's
/// paste event (which comes before ImGui sees Ctrl+V) stores the text first.
const char* get_clipboard(void* user) { return static_cast<WebLoop*>(user)->clipboard.c_str(); }

}  // namespace

}  // namespace reqcheck::app

// --- entry points for web/glue.js ----------------------------------------------------------------

extern "C" {

/// A file or text from the page: `kind` is an `Incoming` value, `name` a NUL-terminated UTF-8
/// file name, `data`/`len` the raw bytes (not necessarily UTF-8: the core reports that).
EMSCRIPTEN_KEEPALIVE void rc_app_on_file(void* app, int kind, const char* name, const char* data, int len) {
  using namespace reqcheck::app;
  wake();
  if (app == nullptr || kind < 0 || kind > 4) return;
  auto& loop = *static_cast<WebLoop*>(app);
  std::string bytes = (data != nullptr && len > 0) ? std::string(data, static_cast<std::size_t>(len)) : std::string();
  receive(loop.app, static_cast<Incoming>(kind), name != nullptr ? name : "", std::move(bytes));
}

/// Room for the next file of a group the page reads in chunks (File.slice, so that no giant JS
/// string or buffer is made): `size` bytes, written by glue.js at the address returned, then
/// named by `rc_app_file_done`. Returns null when the wasm heap cannot hold them (the page
/// then says so, and the request is kept).
EMSCRIPTEN_KEEPALIVE char* rc_app_file_buffer(void* app, double size) {
  using namespace reqcheck::app;
  if (app == nullptr || !(size >= 0) || size > max_file_bytes) return nullptr;
  auto& loop = *static_cast<WebLoop*>(app);
  try {
    loop.incoming.emplace_back(std::string(), std::string(static_cast<std::size_t>(size), '\0'));
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
  std::string& bytes = loop.incoming.back().second;
  return bytes.empty() ? reinterpret_cast<char*>(&bytes) : bytes.data();  // a non-null address for an empty file
}

/// Names the file whose bytes were just written into the last `rc_app_file_buffer`.
EMSCRIPTEN_KEEPALIVE void rc_app_file_done(void* app, const char* name) {
  if (app == nullptr) return;
  auto& loop = *static_cast<reqcheck::app::WebLoop*>(app);
  if (!loop.incoming.empty()) loop.incoming.back().first = name != nullptr ? name : "";
}

/// The group of files read is complete (`ok` 1) or could not be read (`ok` 0: dropped): hands
/// them to the state (`receive_files`: one file as before, several as one batch).
EMSCRIPTEN_KEEPALIVE void rc_app_files_end(void* app, int kind, int ok) {
  using namespace reqcheck::app;
  wake();
  if (app == nullptr) return;
  auto& loop = *static_cast<WebLoop*>(app);
  auto files = std::move(loop.incoming);
  loop.incoming.clear();
  if (!ok || files.empty() || kind < 0 || kind > 3) return;
  receive_files(loop.app, static_cast<Incoming>(kind), std::move(files));
}

/// A file the page refused to read because it is larger than `max_file_bytes`: says so in the
/// status bar and keeps the request that is loaded.
EMSCRIPTEN_KEEPALIVE void rc_app_on_too_large(void* app, const char* name, double bytes) {
  if (app == nullptr) return;
  reqcheck::app::wake();
  reqcheck::app::refuse_file(static_cast<reqcheck::app::WebLoop*>(app)->app, name != nullptr ? name : "", bytes);
}

/// A command from the page: the keyboard shortcuts the browser would otherwise take
/// (glue.js catches them so that the file picker opens within the key press): 1 open (Ctrl+O),
/// 2 save (Ctrl+S), 3 check now (Ctrl+Enter), 4 print (Ctrl+P), 5 download the report as JSON
/// (Ctrl+Shift+S), 6 download the report as Markdown; a batch's exports (window.reqcheck.download):
/// 7 results CSV, 8 results JSON, 9 tallies CSV, 10 tallies JSON, 11 every report as NDJSON;
/// 12 cancel a running batch.
EMSCRIPTEN_KEEPALIVE void rc_app_on_action(void* app, int action) {
  using namespace reqcheck::app;
  wake();
  if (app == nullptr) return;
  auto& s = static_cast<WebLoop*>(app)->app;
  switch (action) {
    case 1: s.platform->open_file(Incoming::request); break;
    case 2: save_request(s); break;
    case 3: run_check(s); break;
    case 4: print_report(s); break;
    case 5: download_report(s, ReportFormat::json); break;
    case 6: download_report(s, ReportFormat::markdown); break;
    case 7: download_batch(s, BatchExport::results_csv); break;
    case 8: download_batch(s, BatchExport::results_json); break;
    case 9: download_batch(s, BatchExport::tally_csv); break;
    case 10: download_batch(s, BatchExport::tally_json); break;
    case 11: download_batch(s, BatchExport::reports_ndjson); break;
    case 12: cancel_batch(s); break;
    default: break;
  }
}

// rc_check, rc_version and rc_free, the engine's text API for JS, are in src/core/bindings.cpp.

/// Text the page received in a paste event: kept as ImGui's clipboard so that Ctrl+V in the
/// editor inserts it; when no text field is active, it is loaded as a request instead.
EMSCRIPTEN_KEEPALIVE void rc_app_on_clipboard(void* app, const char* data, int len) {
  using namespace reqcheck::app;
  wake();
  if (app == nullptr) return;
  auto& loop = *static_cast<WebLoop*>(app);
  loop.clipboard = (data != nullptr && len > 0) ? std::string(data, static_cast<std::size_t>(len)) : std::string();
  // the editor holds C strings (ImGui): a NUL would silently end the pasted text there, so text
  // with a NUL is loaded as the request instead, which the engine refuses at the NUL's place
  const bool has_nul = loop.clipboard.find('\0') != std::string::npos;
  // without a window (no WebGL2) there is no ImGui context and no editor to paste into
  const bool editing = ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantTextInput;
  if (!editing || has_nul) receive(loop.app, Incoming::paste, "pasted.json", loop.clipboard);
}

/// Text typed without key presses (an IME's composition, an on-screen keyboard, dictation):
/// UTF-8 `data`/`len`, queued as characters behind the input before it.
EMSCRIPTEN_KEEPALIVE void rc_app_on_text(void* app, const char* data, int len) {
  using namespace reqcheck::app;
  wake();
  if (app == nullptr || data == nullptr || len <= 0) return;
  auto& loop = *static_cast<WebLoop*>(app);
  const char* at = data;
  const char* end = data + len;
  while (at < end) {
    unsigned int c = 0;
    const int n = ImTextCharFromUtf8(&c, at, end);
    if (n <= 0) break;
    at += n;
    if (c != 0) loop.events.push_back({InputEvent::Kind::character, 0, 0, 0, 0, c});
  }
}

}  // extern "C"

int main() {
  using namespace reqcheck::app;
  constexpr const char* no_webgl2 =
      "This browser cannot draw the app (WebGL2 is off or missing). window.reqcheck.check still checks requests.";
  // Lives as long as the page: the browser's event loop drives it after main returns.
  auto* loop = new WebLoop();
  rc_js_attach(loop);
  // The default request is checked before the window and ImGui exist: the verdict (#verdict,
  // window.reqcheck.ready's report) needs neither, and creating the WebGL2 context takes tens
  // of milliseconds (bench/RESULTS.md, "Where the page's time and bytes go").
  init_app(loop->app);

  if (!glfwInit()) {
    rc_js_fail(no_webgl2);
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  loop->window = glfwCreateWindow(1280, 800, "reqcheck", nullptr, nullptr);
  if (loop->window == nullptr) {
    rc_js_fail(no_webgl2);
    return 1;
  }
  glfwMakeContextCurrent(loop->window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is written to storage
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  enable_focus_mirror();
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle page drawing
  g_loop = loop;
  glfwSetWindowFocusCallback(loop->window, wake_on_focus);
  glfwSetCursorEnterCallback(loop->window, wake_on_enter);
  ImGui_ImplGlfw_InitForOpenGL(loop->window, true);  // chains the callbacks above
  glfwSetWindowUserPointer(loop->window, loop);
  // replace the backend's, which feed_events then calls in order
  glfwSetMouseButtonCallback(loop->window, on_mouse_button);
  glfwSetKeyCallback(loop->window, on_key);
  glfwSetCharCallback(loop->window, on_char);
  glfwSetScrollCallback(loop->window, on_scroll);
  glfwSetCursorPosCallback(loop->window, on_cursor);
  // the canvas fills the page: the pointer is in it until it leaves. Without this the backend
  // polls the pointer each frame, ahead of the moves queued in `events`
  ImGui_ImplGlfw_CursorEnterCallback(loop->window, GLFW_TRUE);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  io.SetClipboardTextFn = set_clipboard;  // after the backend, which installs its own
  io.GetClipboardTextFn = get_clipboard;
  io.ClipboardUserData = loop;

  emscripten_set_main_loop_arg(frame, loop, 0, false);
  return 0;
}
