// The editor page of `jianghua serve`: open a spec, preview its pages as you type, save,
// download. Talks only to the local server that served it.
(function () {
  "use strict";
  const $ = (s) => document.querySelector(s);
  const state = { path: null, version: null, seq: 0, shown: 0, timer: null, dirty: false };

  function status(text, bad) {
    const el = $("#status");
    el.textContent = text;
    el.className = bad ? "bad" : "";
  }

  async function call(method, url, body) {
    const res = await fetch(url, {
      method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const type = res.headers.get("Content-Type") || "";
    if (type.startsWith("application/json")) return { status: res.status, data: await res.json() };
    return { status: res.status, blob: await res.blob(), res };
  }

  function draft() {
    return {
      path: state.path,
      text: editor.getText(),
      template: $("#template").value,
      profile: $("#profile").value,
    };
  }

  function showErrors(errors, findings) {
    editor.setErrors(errors);
    const list = $("#errors");
    list.textContent = "";
    const items = errors.map((e) => ["error", e]).concat((findings || []).map((f) => ["finding " + f.severity, f]));
    for (const [kind, e] of items) {
      const li = document.createElement("li");
      li.className = kind;
      if (e.rule) li.dataset.rule = e.rule;
      li.textContent = e.text || e.message;
      if (e.line) li.dataset.line = e.line;
      if (e.column) li.dataset.column = e.column;
      li.addEventListener("click", () => {
        if (!e.line) return;
        const line = editor.view.state.doc.line(Math.min(e.line, editor.view.state.doc.lines));
        editor.view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
        editor.view.focus();
      });
      list.appendChild(li);
    }
  }

  async function preview() {
    if (!state.path) return;
    const seq = ++state.seq;
    const started = performance.now();
    const { data } = await call("POST", "/api/preview", draft());
    if (seq < state.shown) return; // an older answer arriving late
    state.shown = seq;
    if (data.ok) {
      $("#preview-css").textContent = data.css;
      $("#preview").innerHTML = data.html;
      $("#preview").classList.remove("stale");
      showErrors([], data.findings);
      status(`共 ${data.pages} 页（${Math.round(performance.now() - started)} 毫秒）` + (state.dirty ? " · 未保存" : ""));
    } else {
      $("#preview").classList.add("stale");
      showErrors(data.errors || [{ message: data.error }]);
      status("要素文件有错误，见左下方", true);
    }
  }

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(preview, 40);
  }

  async function open(path) {
    const { data } = await call("GET", "/api/spec?path=" + encodeURIComponent(path));
    if (!data.ok) return status(data.error, true);
    state.path = path;
    state.version = data.version;
    editor.setText(data.text);
    state.dirty = false;
    $("#spec").value = path;
    history.replaceState(null, "", "?spec=" + encodeURIComponent(path));
    preview();
  }

  async function save(force) {
    if (!state.path) return;
    const body = Object.assign(draft(), { base: state.version, force: !!force });
    const { status: code, data } = await call("POST", "/api/save", body);
    if (code === 409 && data.conflict) {
      if (confirm(data.error)) return save(true);
      return status("未保存：文件已在别处修改", true);
    }
    if (!data.ok) return status(data.error, true);
    state.version = data.version;
    state.dirty = false;
    status("已保存 " + state.path);
  }

  async function download(format) {
    if (!state.path) return;
    const r = await call("POST", "/api/download?format=" + format, draft());
    if (r.data) return status(r.data.error, true);
    const url = URL.createObjectURL(r.blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = state.path.split("/").pop().replace(/\.toml$/, "") + "." + format;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status("已下载 " + a.download);
  }

  async function createSpec() {
    const name = $("#new-name").value.trim();
    if (!name) return status("请先填写新文件名", true);
    const { data } = await call("POST", "/api/new", { kind: $("#new-kind").value, path: name });
    if (!data.ok) return status(data.error, true);
    await loadFiles();
    await open(data.path);
  }

  function fill(select, items, keepFirst) {
    const first = keepFirst ? select.options[0] : null;
    select.textContent = "";
    if (first) select.appendChild(first);
    for (const [value, label] of items) {
      const o = document.createElement("option");
      o.value = value;
      o.textContent = label;
      select.appendChild(o);
    }
  }

  async function loadFiles() {
    const { data } = await call("GET", "/api/files");
    fill($("#spec"), data.specs.map((s) => [s, s]));
    fill($("#template"), data.types.map((t) => [t, t]).concat(data.templates.map((t) => [t, t])), true);
    if (!$("#profile").options.length) fill($("#profile"), data.profiles.map((p) => [p.name, p.name + " — " + p.description]));
    fill($("#new-kind"), data.types.map((t) => [t, t]));
    return data;
  }

  const editor = JianghuaEditor.create($("#editor"), "", () => {
    state.dirty = true;
    schedule();
  });
  window.jianghua = { editor, state };

  $("#spec").addEventListener("change", (e) => open(e.target.value));
  $("#template").addEventListener("change", preview);
  $("#profile").addEventListener("change", preview);
  $("#save").addEventListener("click", () => save(false));
  $("#dl-docx").addEventListener("click", () => download("docx"));
  $("#dl-md").addEventListener("click", () => download("md"));
  $("#new").addEventListener("click", createSpec);
  document.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") {
      e.preventDefault();
      save(false);
    }
  });
  window.addEventListener("beforeunload", (e) => {
    if (state.dirty) e.preventDefault();
  });

  loadFiles().then((data) => {
    const wanted = new URLSearchParams(location.search).get("spec");
    const first = wanted && data.specs.includes(wanted) ? wanted : data.specs[0];
    if (first) open(first);
    else status("目录中还没有要素文件：在右上角“新建”一个");
  });
})();
