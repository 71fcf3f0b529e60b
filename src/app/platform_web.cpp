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
#include <string>
#include <vector>

#include <imgui.h>
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
EM_JS(void, rc_js_fetch, (const char* path, int len, int kind), { if (window.rcGlue) window.rcGlue.fetchFile(path, len, kind); });
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
  void fetch_file(std::string_view path, Incoming kind) override {
    rc_js_fetch(path.data(), clamp_len(path.size()), static_cast<int>(kind));
  }
};

/// A mouse button change waiting for its frame (see `on_mouse_button`).
struct ButtonEvent {
  int button, action, mods;
};

/// The loop's own state: the app, the window and what the canvas was last sized to.
struct WebLoop {
  WebPlatform platform;  // before `app`, which keeps a pointer to it
  AppUi app{platform};
  GLFWwindow* window = nullptr;
  int width = 0, height = 0;  ///< the canvas backbuffer, device pixels
  bool announced = false;     ///< glue.js was told that the first frame is drawn
  std::string clipboard;      ///< the last text copied in the app or pasted into the page
  std::vector<ButtonEvent> buttons;  ///< mouse button changes not yet given to ImGui
  int button_wait = 0;               ///< frames the first of `buttons` has waited for its pointer position
};

/// A tap or a synthetic click moves the pointer and presses and releases the button within one
/// frame; ImGui then presses a tab before it knows the tab is hovered. So button changes wait
/// for the next frame and go to ImGui one per frame, after the pointer position they follow.
void on_mouse_button(GLFWwindow* window, int button, int action, int mods) {
  auto* loop = static_cast<WebLoop*>(glfwGetWindowUserPointer(window));
  if (loop != nullptr) loop->buttons.push_back({button, action, mods});
}

void feed_one_button(WebLoop& loop) {
  if (loop.buttons.empty()) return;
  // wait (a frame or two at most) until ImGui has seen the pointer where the button changed
  double x = 0, y = 0;
  glfwGetCursorPos(loop.window, &x, &y);
  const ImVec2 seen = ImGui::GetIO().MousePos;
  const bool pointer_seen = seen.x == static_cast<float>(x) && seen.y == static_cast<float>(y);
  if (!pointer_seen && ++loop.button_wait < 3) return;
  loop.button_wait = 0;
  const ButtonEvent e = loop.buttons.front();
  loop.buttons.erase(loop.buttons.begin());
  ImGui_ImplGlfw_MouseButtonCallback(loop.window, e.button, e.action, e.mods);
}

/// Sizes the GLFW window (the canvas backbuffer) to the canvas's CSS size times the device
/// pixel ratio, and rebuilds the fonts when that ratio changes (moving to another screen, zoom).
void fit_canvas(WebLoop& loop) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
  if (!(dpr > 0.25f && dpr < 8.0f)) dpr = 1.0f;
  const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
  const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
  if (w != loop.width || h != loop.height) {
    loop.width = w;
    loop.height = h;
    // not glfwSetWindowSize: Emscripten's GLFW asks for full screen when the size equals the
    // screen's, which a maximised window at some zoom levels does
    emscripten_set_canvas_element_size("#canvas", w, h);
  }
  if (std::fabs(dpr - loop.app.scale) > 0.01f) {
    app_build_fonts(loop.app, dpr);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

void frame(void* arg) {
  WebLoop& loop = *static_cast<WebLoop*>(arg);
  fit_canvas(loop);
  tick(loop.app);
  feed_one_button(loop);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // the canvas backbuffer is sized here, not through GLFW, so GLFW's idea of it is stale
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(loop.width), static_cast<float>(loop.height));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  ImGui::NewFrame();
  app_frame(loop.app);
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
  if (app == nullptr || kind < 0 || kind > 4) return;
  auto& loop = *static_cast<WebLoop*>(app);
  std::string bytes = (data != nullptr && len > 0) ? std::string(data, static_cast<std::size_t>(len)) : std::string();
  receive(loop.app, static_cast<Incoming>(kind), name != nullptr ? name : "", std::move(bytes));
}

/// A file the page refused to read because it is larger than `max_file_bytes`: says so in the
/// status bar and keeps the request that is loaded.
EMSCRIPTEN_KEEPALIVE void rc_app_on_too_large(void* app, const char* name, double bytes) {
  if (app == nullptr) return;
  reqcheck::app::refuse_file(static_cast<reqcheck::app::WebLoop*>(app)->app, name != nullptr ? name : "", bytes);
}

/// A command from the page: the keyboard shortcuts the browser would otherwise take
/// (glue.js catches them so that the file picker opens within the key press): 1 open (Ctrl+O),
/// 2 save (Ctrl+S), 3 check now (Ctrl+Enter), 4 print (Ctrl+P), 5 download the report as JSON
/// (Ctrl+Shift+S), 6 download the report as Markdown.
EMSCRIPTEN_KEEPALIVE void rc_app_on_action(void* app, int action) {
  using namespace reqcheck::app;
  if (app == nullptr) return;
  auto& s = static_cast<WebLoop*>(app)->app;
  switch (action) {
    case 1: s.platform->open_file(Incoming::request); break;
    case 2: save_request(s); break;
    case 3: run_check(s); break;
    case 4: print_report(s); break;
    case 5: download_report(s, ReportFormat::json); break;
    case 6: download_report(s, ReportFormat::markdown); break;
    default: break;
  }
}

// rc_check, rc_version and rc_free, the engine's text API for JS, are in src/core/bindings.cpp.

/// Text the page received in a paste event: kept as ImGui's clipboard so that Ctrl+V in the
/// editor inserts it; when no text field is active, it is loaded as a request instead.
EMSCRIPTEN_KEEPALIVE void rc_app_on_clipboard(void* app, const char* data, int len) {
  using namespace reqcheck::app;
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
  ImGui_ImplGlfw_InitForOpenGL(loop->window, true);
  glfwSetWindowUserPointer(loop->window, loop);
  glfwSetMouseButtonCallback(loop->window, on_mouse_button);  // replaces the backend's, which it then feeds
  ImGui_ImplOpenGL3_Init("#version 300 es");
  io.SetClipboardTextFn = set_clipboard;  // after the backend, which installs its own
  io.GetClipboardTextFn = get_clipboard;
  io.ClipboardUserData = loop;

  emscripten_set_main_loop_arg(frame, loop, 0, false);
  return 0;
}
